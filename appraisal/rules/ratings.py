"""Ratings of an appraisal and the Predikat Kinerja they give (PermenPANRB 6/2022).

Hasil Kerja (results) and Perilaku Kerja (behaviour) each get one of three ratings, without weights or
a numeric score; the pair is looked up in the quadrant below to give the Predikat Kinerja.

The small conversion helpers at the end are shared by the other rule modules.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from types import MappingProxyType

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Rating(TextChoices):
    """Rating of Hasil Kerja or Perilaku Kerja: Di Atas / Sesuai / Di Bawah Ekspektasi."""

    ABOVE = "above", _("Above expectations (Di Atas Ekspektasi)")
    MEETS = "meets", _("Meets expectations (Sesuai Ekspektasi)")
    BELOW = "below", _("Below expectations (Di Bawah Ekspektasi)")


class Predikat(TextChoices):
    """Predikat Kinerja: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang."""

    VERY_GOOD = "sangat_baik", _("Very good (Sangat Baik)")
    GOOD = "baik", _("Good (Baik)")
    NEEDS_IMPROVEMENT = "butuh_perbaikan", _("Needs improvement (Butuh Perbaikan)")
    POOR_MISCONDUCT = "kurang_misconduct", _("Poor/Misconduct (Kurang/Misconduct)")
    VERY_POOR = "sangat_kurang", _("Very poor (Sangat Kurang)")


#: Kuadran Predikat Kinerja: (Hasil Kerja, Perilaku Kerja) → Predikat. Fixed by the regulation.
PREDIKAT_QUADRANT: Mapping[tuple[Rating, Rating], Predikat] = MappingProxyType(
    {
        (Rating.ABOVE, Rating.BELOW): Predikat.POOR_MISCONDUCT,
        (Rating.ABOVE, Rating.MEETS): Predikat.GOOD,
        (Rating.ABOVE, Rating.ABOVE): Predikat.VERY_GOOD,
        (Rating.MEETS, Rating.BELOW): Predikat.POOR_MISCONDUCT,
        (Rating.MEETS, Rating.MEETS): Predikat.GOOD,
        (Rating.MEETS, Rating.ABOVE): Predikat.GOOD,
        (Rating.BELOW, Rating.BELOW): Predikat.VERY_POOR,
        (Rating.BELOW, Rating.MEETS): Predikat.NEEDS_IMPROVEMENT,
        (Rating.BELOW, Rating.ABOVE): Predikat.NEEDS_IMPROVEMENT,
    }
)


def predikat(results, behaviour) -> Predikat:
    """Predikat Kinerja from the Hasil Kerja (results) and Perilaku Kerja (behaviour) ratings.

    Behaviour below expectations always gives Kurang/Misconduct unless results are below too
    (Sangat Kurang); Sangat Baik needs both above. Raises ValueError for anything but a Rating.
    """
    return PREDIKAT_QUADRANT[(as_choice(Rating, results), as_choice(Rating, behaviour))]


# --- Conversion helpers shared by the rule modules ---------------------------------------------------


def as_choice(choices: type[TextChoices], value):
    """value as a member of choices (a member or its stored value); ValueError otherwise.

    A member of another enumeration is refused even when its value is spelled the same, so that an
    organisational predicate "baik" cannot be passed where an employee's predikat "baik" is meant.
    """
    if isinstance(value, Enum) and not isinstance(value, choices):
        raise ValueError(f"Expected a {choices.__name__}, got {value!r}.")
    try:
        return choices(value)
    except (ValueError, TypeError):
        expected = ", ".join(choices.values)
        raise ValueError(f"Unknown {choices.__name__}: {value!r}; expected one of: {expected}.") from None


def as_fraction(value, what: str) -> Fraction:
    """An exact Fraction from an int, Decimal, Fraction or numeric string (a float via its text)."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{what} must be a number, got {value!r}.")
    if isinstance(value, float):
        value = str(value)
    try:
        return Fraction(value)
    except (ValueError, TypeError, OverflowError, ZeroDivisionError):
        raise ValueError(f"{what} must be a number, got {value!r}.") from None


def round_half_up(value: Fraction, places: int) -> Decimal:
    """value rounded half away from zero to places decimals, exactly (no float, no double rounding)."""
    units = math.floor(abs(value) * 10**places + Fraction(1, 2))
    return Decimal(-units if value < 0 else units).scaleb(-places)
