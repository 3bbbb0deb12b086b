"""Talent mapping (PermenPANRB 3/2020): the nine-box (kotak) of performance against potential.

Kinerja is the Hasil Kerja (results) rating; potensi comes from the competency assessment (the JPM
band) or from a potential rating entered by HR. Boxes 7, 8 and 9 form the talent pool.
"""

from collections.abc import Mapping
from types import MappingProxyType

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from appraisal.rules.competency import JpmBand
from appraisal.rules.ratings import Rating, as_choice


class Potential(TextChoices):
    """Potensi: Tinggi, Menengah, Rendah."""

    HIGH = "tinggi", _("High (Tinggi)")
    MEDIUM = "menengah", _("Medium (Menengah)")
    LOW = "rendah", _("Low (Rendah)")


#: JPM band → potensi, when the potential comes from the competency assessment.
POTENTIAL_BY_JPM_BAND: Mapping[JpmBand, Potential] = MappingProxyType(
    {
        JpmBand.OPTIMAL: Potential.HIGH,
        JpmBand.FAIRLY_OPTIMAL: Potential.MEDIUM,
        JpmBand.SUBOPTIMAL: Potential.LOW,
    }
)

#: Kotak talenta: (potensi, kinerja) → box 1–9.
TALENT_BOXES: Mapping[tuple[Potential, Rating], int] = MappingProxyType(
    {
        (Potential.HIGH, Rating.BELOW): 6,
        (Potential.HIGH, Rating.MEETS): 8,
        (Potential.HIGH, Rating.ABOVE): 9,
        (Potential.MEDIUM, Rating.BELOW): 3,
        (Potential.MEDIUM, Rating.MEETS): 5,
        (Potential.MEDIUM, Rating.ABOVE): 7,
        (Potential.LOW, Rating.BELOW): 1,
        (Potential.LOW, Rating.MEETS): 2,
        (Potential.LOW, Rating.ABOVE): 4,
    }
)

#: Kelompok rencana suksesi (talent pool).
TALENT_POOL_BOXES = frozenset({7, 8, 9})


def potential_from_jpm_band(band, mapping: Mapping = POTENTIAL_BY_JPM_BAND) -> Potential:
    """Potensi from the JPM band: Optimal → Tinggi, Cukup Optimal → Menengah, Kurang Optimal → Rendah."""
    band = as_choice(JpmBand, band)
    if band not in mapping:
        raise ValueError(f"No potential is set for the JPM band {band.value!r}.")
    return as_choice(Potential, mapping[band])


def talent_box(performance_rating, potential) -> int:
    """The box (1–9) of a results rating (kinerja) and a potential (potensi)."""
    return TALENT_BOXES[(as_choice(Potential, potential), as_choice(Rating, performance_rating))]


def in_talent_pool(box: int) -> bool:
    """Whether a box belongs to the talent pool (boxes 7, 8 and 9)."""
    if isinstance(box, bool) or not isinstance(box, int) or not 1 <= box <= 9:
        raise ValueError(f"A talent box is a whole number 1–9, got {box!r}.")
    return box in TALENT_POOL_BOXES
