"""Competency rules (PermenPANRB 38/2017): Job Person Match, its mapping band, and competency gaps.

Competencies are manajerial, sosial kultural and teknis, each assessed on levels 1–5 against the
standard level (standar kompetensi jabatan) of the position. Competencies are identified by any
hashable key (a code or an id); ``assessed`` and ``standard`` map those keys to levels.

Choices made here:

- Both mappings must have exactly the same keys. A competency of the standard without an assessment is
  refused (ValueError listing the missing ones), never counted as 0: a missing assessment is unfinished
  work, not a level, and counting it as 0 would silently produce a low JPM.
- JPM = Σ assessed levels ÷ Σ standard levels × 100, as the regulation states, with no cap: a level
  above its standard counts in full, so JPM can exceed 100. Gaps are reported separately.
- JPM is rounded half up to 2 decimals, exactly; the band is taken from that shown value.
"""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from typing import NamedTuple

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from appraisal.rules.ratings import as_choice, as_fraction, round_half_up

MIN_LEVEL = 1
MAX_LEVEL = 5


class JpmBand(TextChoices):
    """Pemetaan JPM: Optimal, Cukup Optimal, Kurang Optimal."""

    OPTIMAL = "optimal", _("Optimal")
    FAIRLY_OPTIMAL = "cukup_optimal", _("Fairly optimal (Cukup Optimal)")
    SUBOPTIMAL = "kurang_optimal", _("Suboptimal (Kurang Optimal)")


#: (lowest JPM %, band) from the highest band down; a JPM belongs to the first band whose lowest value it
#: reaches: Optimal ≥ 90, Cukup Optimal 78 to < 90, Kurang Optimal < 78. Common practice, not verified
#: in the primary text: agencies may pass their own bands.
DEFAULT_BANDS: tuple[tuple[Decimal, JpmBand], ...] = (
    (Decimal("90"), JpmBand.OPTIMAL),
    (Decimal("78"), JpmBand.FAIRLY_OPTIMAL),
    (Decimal("0"), JpmBand.SUBOPTIMAL),
)


class CompetencyGap(NamedTuple):
    """Kesenjangan kompetensi: a competency assessed below its standard level."""

    competency: object
    assessed: int
    standard: int
    gap: int


def _check_levels(assessed: Mapping, standard: Mapping) -> None:
    if not standard:
        raise ValueError("The position has no standard competency levels.")
    missing = [key for key in standard if key not in assessed]
    if missing:
        raise ValueError(f"Competencies not assessed: {', '.join(map(str, missing))}.")
    unknown = [key for key in assessed if key not in standard]
    if unknown:
        raise ValueError(f"Competencies without a standard level: {', '.join(map(str, unknown))}.")
    for what, levels in (("Assessed", assessed), ("Standard", standard)):
        invalid = [
            f"{key}={level!r}"
            for key, level in levels.items()
            if isinstance(level, bool) or not isinstance(level, int) or not MIN_LEVEL <= level <= MAX_LEVEL
        ]
        if invalid:
            raise ValueError(
                f"{what} levels must be whole numbers {MIN_LEVEL}–{MAX_LEVEL}: {', '.join(invalid)}."
            )


def job_person_match(assessed: Mapping, standard: Mapping) -> Decimal:
    """Job Person Match in percent: Σ assessed levels ÷ Σ standard levels × 100, to 2 decimals."""
    _check_levels(assessed, standard)
    return round_half_up(Fraction(100 * sum(assessed.values()), sum(standard.values())), 2)


def jpm_band(percent, bands=DEFAULT_BANDS) -> JpmBand:
    """The mapping band of a JPM percentage: the first band (highest first) whose lowest value it reaches."""
    value = as_fraction(percent, "JPM")
    if value < 0:
        raise ValueError(f"JPM cannot be negative, got {percent!r}.")
    minimums = [as_fraction(minimum, "band minimum") for minimum, _band in bands]
    if not minimums or any(lower >= higher for higher, lower in pairwise(minimums)):
        raise ValueError("JPM bands must be given from the highest lowest value down, without repeats.")
    for minimum, (_minimum, band) in zip(minimums, bands, strict=True):
        if value >= minimum:
            return as_choice(JpmBand, band)
    raise ValueError(f"JPM {percent} is below every band.")


def competency_gaps(assessed: Mapping, standard: Mapping) -> list[CompetencyGap]:
    """Competencies assessed below their standard level, largest gap first.

    Equal gaps keep the order of ``standard`` (the position's own listing of its competencies).
    """
    _check_levels(assessed, standard)
    gaps = [
        CompetencyGap(key, assessed[key], level, level - assessed[key])
        for key, level in standard.items()
        if assessed[key] < level
    ]
    return sorted(gaps, key=lambda gap: -gap.gap)
