"""Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): the nine SKM elements, NRR, IKM, its conversion,
the service quality grade (mutu) and the Krejcie–Morgan minimum sample.

Pure rules, exact arithmetic: answers are 1–4; NRR of an element is the mean of its answers; IKM is
Σ NRR × weight, with the default weight exactly 1/9 (the regulation prints 0.11, which would make
all-4 answers give 99.00 instead of 100.00); the converted IKM is IKM × 25 and is rounded half up to
two decimals before the grade is looked up, so 76.605 shows and grades as 76.61 (B).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from appraisal.rules.ratings import as_fraction, round_half_up

ANSWER_MIN, ANSWER_MAX = 1, 4
CONVERSION = 25


@dataclass(frozen=True)
class Element:
    """Unsur SKM: a code, its name and the labels of answers 1–4 as the questionnaire prints them."""

    code: str
    name: str
    labels: tuple[str, str, str, str]


#: The nine elements. The official questionnaire prints U8 and U9 in swapped order; the codes are
#: stored explicitly so that answers never depend on the printed order.
ELEMENTS: tuple[Element, ...] = (
    Element("U1", "Persyaratan", ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element(
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Element("U3", "Waktu Penyelesaian", ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Element("U4", "Biaya/Tarif", ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Element(
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Element(
        "U6", "Kompetensi Pelaksana", ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")
    ),
    Element(
        "U7",
        "Perilaku Pelaksana",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Element(
        "U8",
        "Penanganan Pengaduan, Saran dan Masukan",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    Element("U9", "Sarana dan Prasarana", ("Buruk", "Cukup", "Baik", "Sangat Baik")),
)

#: The elements about the officer who served: rated per officer where the link names one.
OFFICER_ELEMENTS = frozenset({"U6", "U7"})


class Mutu(TextChoices):
    """Mutu pelayanan and the kinerja unit pelayanan it stands for."""

    A = "A", _("A · Very good (Sangat Baik)")
    B = "B", _("B · Good (Baik)")
    C = "C", _("C · Below good (Kurang Baik)")
    D = "D", _("D · Poor (Tidak Baik)")


#: (lowest converted IKM, grade) from the best grade down.
MUTU_BANDS: tuple[tuple[Decimal, Mutu], ...] = (
    (Decimal("88.31"), Mutu.A),
    (Decimal("76.61"), Mutu.B),
    (Decimal("65.00"), Mutu.C),
    (Decimal("25.00"), Mutu.D),
)


def default_weights(codes) -> dict:
    """Equal weights that sum to exactly 1: 1/9 each for the nine elements."""
    codes = list(codes)
    return {code: Fraction(1, len(codes)) for code in codes}


def check_weights(weights: Mapping) -> dict:
    """The weights as exact fractions; ValueError unless each is above 0 and they sum to exactly 1."""
    exact = {code: as_fraction(weight, f"weight of {code}") for code, weight in weights.items()}
    if not exact:
        raise ValueError("A survey needs at least one element.")
    if any(weight <= 0 for weight in exact.values()):
        raise ValueError("Every weight must be above 0.")
    if sum(exact.values()) != 1:
        raise ValueError(f"The weights must sum to 1, not {float(sum(exact.values())):.6f}.")
    return exact


def nrr(total, count) -> Fraction:
    """Nilai rata-rata of an element: the sum of its answers divided by their number."""
    if count <= 0:
        raise ValueError("An element needs at least one answer.")
    value = Fraction(as_fraction(total, "total"), count)
    if not ANSWER_MIN <= value <= ANSWER_MAX:
        raise ValueError(f"A mean of answers 1–4 cannot be {float(value)}.")
    return value


@dataclass(frozen=True)
class IkmResult:
    ikm: Fraction
    converted: Decimal
    mutu: Mutu

    @property
    def ikm_shown(self) -> Decimal:
        return round_half_up(self.ikm, 3)


def ikm(nrr_by_code: Mapping, weights: Mapping | None = None) -> IkmResult:
    """IKM = Σ NRR × weight; converted = IKM × 25 to two decimals; mutu from the converted value.

    Every weighted element needs its NRR: an element nobody answered is an error, not a zero."""
    weights = check_weights(weights if weights is not None else default_weights(nrr_by_code))
    missing = sorted(set(weights) - set(nrr_by_code))
    if missing:
        raise ValueError(f"No answers for: {', '.join(missing)}.")
    value = sum(as_fraction(nrr_by_code[code], code) * weight for code, weight in weights.items())
    converted = round_half_up(value * CONVERSION, 2)
    return IkmResult(ikm=value, converted=converted, mutu=mutu(converted))


def mutu(converted) -> Mutu:
    """The grade of a converted IKM (25.00–100.00), taken at two decimals."""
    value = round_half_up(as_fraction(converted, "converted IKM"), 2)
    if not Decimal("25") <= value <= Decimal("100"):
        raise ValueError(f"A converted IKM lies between 25.00 and 100.00, not {value}.")
    for lowest, grade in MUTU_BANDS:
        if value >= lowest:
            return grade
    raise AssertionError("unreachable: the lowest band starts at 25.00")


# Krejcie & Morgan (1970): χ² for one degree of freedom at 95% confidence, P = 0.5, d = 0.05.
_CHI_SQUARE = Fraction(3841, 1000)
_P = Fraction(1, 2)
_D = Fraction(5, 100)


def minimum_sample(population: int) -> int:
    """The least number of respondents for a population of N people served, rounded up.

    N = 100 → 80, 1,000 → 278, 10,000 → 370."""
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise ValueError(
            f"The number of people served must be a whole number of 0 or more, got {population!r}."
        )
    if population == 0:
        return 0
    variance = _CHI_SQUARE * _P * (1 - _P)
    n = variance * population / (_D**2 * (population - 1) + variance)
    return math.ceil(n)
