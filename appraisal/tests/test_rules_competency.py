"""Table tests for Job Person Match, its bands and competency gaps (no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from appraisal.rules.competency import (
    DEFAULT_BANDS,
    CompetencyGap,
    JpmBand,
    competency_gaps,
    job_person_match,
    jpm_band,
)

MANAGERIAL = (
    "integritas",
    "kerjasama",
    "komunikasi",
    "orientasi_pada_hasil",
    "pelayanan_publik",
    "pengembangan_diri_dan_orang_lain",
    "mengelola_perubahan",
    "pengambilan_keputusan",
)
NINE = (*MANAGERIAL, "perekat_bangsa")


def levels(keys, *values):
    """keys → levels; a single value applies to every key."""
    values = values * len(keys) if len(values) == 1 else values
    assert len(values) == len(keys)
    return dict(zip(keys, values, strict=True))


@pytest.mark.parametrize(
    ("assessed", "standard", "expected"),
    [
        pytest.param(levels(NINE, 3), levels(NINE, 3), "100.00", id="administrator_exactly_standard"),
        pytest.param(levels(NINE, 3, 3, 3, 3, 3, 2, 2, 3, 3), levels(NINE, 3), "92.59", id="two_gaps_of_27"),
        pytest.param(
            levels(NINE, 3, 3, 3, 2, 3, 2, 2, 3, 3), levels(NINE, 3), "88.89", id="three_gaps_of_27"
        ),
        pytest.param(levels(NINE, 3, 2, 3, 2, 3, 2, 2, 2, 2), levels(NINE, 3), "77.78", id="six_gaps_of_27"),
        pytest.param(levels(NINE[:5], 2), levels(NINE[:5], 3), "66.67", id="two_thirds_rounded_up"),
        pytest.param(levels(NINE[:3], 1, 1, 2), levels(NINE[:3], 2), "66.67", id="four_of_six"),
        pytest.param(
            levels(NINE[:6], 1), levels(NINE[:6], 4, 4, 4, 4, 4, 4), "25.00", id="lowest_at_jpt_pratama"
        ),
        pytest.param(levels(NINE, 2), levels(NINE, 1), "200.00", id="above_standard_not_capped"),
        pytest.param(levels(NINE[:1], 5), levels(NINE[:1], 5), "100.00", id="one_competency"),
        pytest.param(levels(NINE, 3, 3, 3, 3, 3, 3, 3, 3, 2), levels(NINE, 3), "96.30", id="one_gap_of_27"),
        pytest.param(levels(NINE[:3], 1), levels(NINE[:3], 5, 5, 5), "20.00", id="min_against_max"),
        pytest.param(levels(NINE[:7], 5, 5, 5, 5, 5, 5, 4), levels(NINE[:7], 5), "97.14", id="34_of_35"),
    ],
)
def test_it_computes_the_job_person_match(assessed, standard, expected):
    result = job_person_match(assessed, standard)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("assessed_total", "standard", "expected", "band"),
    [
        pytest.param(
            27, levels(tuple(f"c{i}" for i in range(10)), 3), "90.00", JpmBand.OPTIMAL, id="exactly_90"
        ),
        pytest.param(
            39, levels(tuple(f"c{i}" for i in range(10)), 5), "78.00", JpmBand.FAIRLY_OPTIMAL, id="exactly_78"
        ),
        pytest.param(
            124,
            levels(tuple(f"c{i}" for i in range(32)), *([5] * 31 + [4])),
            "77.99",
            JpmBand.SUBOPTIMAL,
            id="77_99",
        ),
        pytest.param(
            26,
            levels(tuple(f"c{i}" for i in range(10)), 3),
            "86.67",
            JpmBand.FAIRLY_OPTIMAL,
            id="just_under_90",
        ),
    ],
)
def test_it_reaches_the_band_edges_from_real_levels(assessed_total, standard, expected, band):
    keys = list(standard)
    assessed = dict.fromkeys(keys, 1)
    remaining = assessed_total - len(keys)
    for key in keys:
        extra = min(remaining, standard[key] - 1)
        assessed[key] += extra
        remaining -= extra
    assert remaining == 0 and sum(assessed.values()) == assessed_total
    jpm = job_person_match(assessed, standard)
    assert str(jpm) == expected
    assert jpm_band(jpm) == band


@pytest.mark.parametrize(
    ("assessed", "expected"),
    [
        pytest.param((1, 1, 1, 1, 1, 2, 3, 3), "40.63", id="13_of_32_is_40.625"),
        pytest.param((3, 3, 3, 3, 3, 3, 3, 4), "78.13", id="25_of_32_is_78.125"),
        pytest.param((3, 3, 4, 4, 4, 4, 4, 3), "90.63", id="29_of_32_is_90.625"),
        pytest.param((2, 3, 4, 4, 4, 4, 4, 4), "90.63", id="same_sum_other_levels"),
    ],
)
def test_it_rounds_exact_halves_up_not_to_even(assessed, expected):
    # The JPT Pratama standard of 4 on the eight managerial competencies sums to 32.
    assert str(job_person_match(levels(MANAGERIAL, *assessed), levels(MANAGERIAL, 4))) == expected


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        pytest.param(Decimal("100.00"), JpmBand.OPTIMAL, id="100"),
        pytest.param(Decimal("200.00"), JpmBand.OPTIMAL, id="above_100"),
        pytest.param(Decimal("90.00"), JpmBand.OPTIMAL, id="90.00_edge"),
        pytest.param(Decimal("89.99"), JpmBand.FAIRLY_OPTIMAL, id="89.99"),
        pytest.param(Decimal("78.00"), JpmBand.FAIRLY_OPTIMAL, id="78.00_edge"),
        pytest.param(Decimal("77.99"), JpmBand.SUBOPTIMAL, id="77.99"),
        pytest.param(Decimal("0"), JpmBand.SUBOPTIMAL, id="0"),
        pytest.param(90, JpmBand.OPTIMAL, id="int_90"),
        pytest.param("78", JpmBand.FAIRLY_OPTIMAL, id="text_78"),
        pytest.param(Fraction(779999, 10000), JpmBand.SUBOPTIMAL, id="fraction_just_under_78"),
    ],
)
def test_it_maps_a_jpm_to_its_band(percent, band):
    assert jpm_band(percent) == band


def test_it_takes_the_bands_as_data():
    bands = (
        (Decimal("80"), JpmBand.OPTIMAL),
        (Decimal("60"), JpmBand.FAIRLY_OPTIMAL),
        (0, JpmBand.SUBOPTIMAL),
    )
    assert [jpm_band(p, bands) for p in ("80", "79.99", "60", "59.99")] == [
        JpmBand.OPTIMAL,
        JpmBand.FAIRLY_OPTIMAL,
        JpmBand.FAIRLY_OPTIMAL,
        JpmBand.SUBOPTIMAL,
    ]
    assert [minimum for minimum, _band in DEFAULT_BANDS] == [Decimal(90), Decimal(78), Decimal(0)]


@pytest.mark.parametrize(
    ("percent", "bands"),
    [
        pytest.param(Decimal("-0.01"), DEFAULT_BANDS, id="negative"),
        pytest.param(None, DEFAULT_BANDS, id="none"),
        pytest.param("ninety", DEFAULT_BANDS, id="text"),
        pytest.param(True, DEFAULT_BANDS, id="bool"),
        pytest.param(50, (), id="no_bands"),
        pytest.param(50, ((78, JpmBand.FAIRLY_OPTIMAL), (90, JpmBand.OPTIMAL)), id="bands_not_descending"),
        pytest.param(50, ((90, JpmBand.OPTIMAL), (90, JpmBand.FAIRLY_OPTIMAL)), id="bands_repeated"),
        pytest.param(50, ((90, JpmBand.OPTIMAL), (78, JpmBand.FAIRLY_OPTIMAL)), id="below_every_band"),
        pytest.param(95, ((90, "excellent"),), id="unknown_band"),
    ],
)
def test_it_refuses_an_invalid_jpm_or_invalid_bands(percent, bands):
    with pytest.raises(ValueError):
        jpm_band(percent, bands)


@pytest.mark.parametrize(
    ("assessed", "standard", "message"),
    [
        pytest.param(
            {"integritas": 3},
            {"integritas": 3, "kerjasama": 3, "komunikasi": 3},
            "kerjasama, komunikasi",
            id="missing",
        ),
        pytest.param(
            {"integritas": 3, "teknis_x": 2}, {"integritas": 3}, "teknis_x", id="unknown_competency"
        ),
        pytest.param({}, {}, "no standard", id="no_standard"),
        pytest.param({"integritas": 0}, {"integritas": 3}, "integritas=0", id="assessed_0"),
        pytest.param({"integritas": 6}, {"integritas": 3}, "integritas=6", id="assessed_6"),
        pytest.param({"integritas": 3}, {"integritas": 0}, "integritas=0", id="standard_0"),
        pytest.param({"integritas": 3}, {"integritas": 6}, "integritas=6", id="standard_6"),
        pytest.param({"integritas": 2.5}, {"integritas": 3}, "integritas=2.5", id="fractional_level"),
        pytest.param({"integritas": "3"}, {"integritas": 3}, "integritas='3'", id="text_level"),
        pytest.param({"integritas": None}, {"integritas": 3}, "integritas=None", id="none_level"),
        pytest.param({"integritas": True}, {"integritas": 1}, "integritas=True", id="bool_level"),
        pytest.param(
            {"a": -1, "b": 7, "c": 3}, {"a": 3, "b": 3, "c": 3}, "a=-1, b=7", id="lists_every_bad_level"
        ),
    ],
)
def test_it_refuses_missing_or_invalid_levels(assessed, standard, message):
    with pytest.raises(ValueError, match=message):
        job_person_match(assessed, standard)
    with pytest.raises(ValueError, match=message):
        competency_gaps(assessed, standard)


def test_it_orders_gaps_largest_first_keeping_the_position_order_for_ties():
    standard = {"integritas": 4, "kerjasama": 4, "komunikasi": 4, "perekat_bangsa": 4, "teknis_adminduk": 5}
    assessed = {"integritas": 3, "kerjasama": 4, "komunikasi": 2, "perekat_bangsa": 3, "teknis_adminduk": 1}
    assert competency_gaps(assessed, standard) == [
        CompetencyGap("teknis_adminduk", 1, 5, 4),
        CompetencyGap("komunikasi", 2, 4, 2),
        CompetencyGap("integritas", 3, 4, 1),
        CompetencyGap("perekat_bangsa", 3, 4, 1),
    ]


@pytest.mark.parametrize(
    ("assessed", "standard", "expected"),
    [
        pytest.param(levels(NINE, 3), levels(NINE, 3), [], id="no_gap_at_standard"),
        pytest.param(levels(NINE, 5), levels(NINE, 3), [], id="no_gap_above_standard"),
        pytest.param({"a": 1, "b": 5}, {"a": 2, "b": 1}, [("a", 1, 2, 1)], id="surplus_does_not_hide_gap"),
        pytest.param(
            {"b": 1, "a": 1}, {"a": 3, "b": 3}, [("a", 1, 3, 2), ("b", 1, 3, 2)], id="ties_in_standard_order"
        ),
        pytest.param(
            {"a": 1, "b": 2}, {"a": 2, "b": 5}, [("b", 2, 5, 3), ("a", 1, 2, 1)], id="larger_gap_first"
        ),
    ],
)
def test_it_lists_the_competency_gaps(assessed, standard, expected):
    assert competency_gaps(assessed, standard) == expected


def test_it_gives_gaps_as_named_rows():
    [gap] = competency_gaps({"integritas": 2}, {"integritas": 4})
    assert (gap.competency, gap.assessed, gap.standard, gap.gap) == ("integritas", 2, 4, 2)
