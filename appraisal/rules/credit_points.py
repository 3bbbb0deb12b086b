"""Angka Kredit of functional positions from the Predikat Kinerja (Peraturan BKN 3/2023).

AK = percentage of the predikat × annual coefficient (koefisien tahunan of the jenjang, e.g. Ahli
Pertama 12.5): Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang(/Misconduct) 50%, Sangat
Kurang 25%. For part of a year: months ÷ 12 × percentage × coefficient. Results are rounded half up
to 3 decimals, computed exactly.
"""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from appraisal.rules.ratings import Predikat, as_choice, as_fraction, round_half_up

#: Persentase angka kredit per predikat, in percent.
CREDIT_PERCENTAGES: Mapping[Predikat, Decimal] = MappingProxyType(
    {
        Predikat.VERY_GOOD: Decimal("150"),
        Predikat.GOOD: Decimal("100"),
        Predikat.NEEDS_IMPROVEMENT: Decimal("75"),
        Predikat.POOR_MISCONDUCT: Decimal("50"),
        Predikat.VERY_POOR: Decimal("25"),
    }
)

PLACES = 3


def partial_credit(predikat, coefficient, months: int, percentages: Mapping = CREDIT_PERCENTAGES) -> Decimal:
    """Angka kredit for ``months`` (1–12) of a year: months ÷ 12 × percentage × annual coefficient."""
    predikat = as_choice(Predikat, predikat)
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
        raise ValueError(f"Months must be a whole number 1–12, got {months!r}.")
    annual = as_fraction(coefficient, "coefficient")
    if annual <= 0:
        raise ValueError(f"The annual coefficient must be positive, got {coefficient!r}.")
    if predikat not in percentages:
        raise ValueError(f"No credit percentage is set for {predikat.value!r}.")
    percent = as_fraction(percentages[predikat], "percentage")
    return round_half_up(Fraction(months, 12) * percent / 100 * annual, PLACES)


def annual_credit(predikat, coefficient, percentages: Mapping = CREDIT_PERCENTAGES) -> Decimal:
    """Angka kredit for a whole year: percentage × annual coefficient."""
    return partial_credit(predikat, coefficient, 12, percentages)
