"""Table tests for credit points of functional positions (no database)."""

from decimal import Decimal

import pytest

from appraisal.rules.credit_points import CREDIT_PERCENTAGES, annual_credit, partial_credit
from appraisal.rules.ratings import Predikat

AHLI_PERTAMA = Decimal("12.5")


@pytest.mark.parametrize(
    ("predikat", "expected"),
    [
        pytest.param(Predikat.VERY_GOOD, "18.750", id="sangat_baik_150"),
        pytest.param(Predikat.GOOD, "12.500", id="baik_100"),
        pytest.param(Predikat.NEEDS_IMPROVEMENT, "9.375", id="butuh_perbaikan_75"),
        pytest.param(Predikat.POOR_MISCONDUCT, "6.250", id="kurang_50"),
        pytest.param(Predikat.VERY_POOR, "3.125", id="sangat_kurang_25"),
    ],
)
def test_it_gives_the_annual_credit_of_ahli_pertama_for_every_predikat(predikat, expected):
    result = annual_credit(predikat, AHLI_PERTAMA)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("predikat", "coefficient", "expected"),
    [
        pytest.param("sangat_baik", "12.5", "18.750", id="ahli_pertama_as_text"),
        pytest.param(Predikat.VERY_GOOD, 25, "37.500", id="ahli_muda"),
        pytest.param(Predikat.GOOD, Decimal("37.5"), "37.500", id="ahli_madya_baik"),
        pytest.param(Predikat.NEEDS_IMPROVEMENT, 50, "37.500", id="ahli_utama_butuh_perbaikan"),
        pytest.param(Predikat.VERY_POOR, Decimal("3.75"), "0.938", id="pemula_sangat_kurang_rounded_up"),
        pytest.param(Predikat.NEEDS_IMPROVEMENT, 5, "3.750", id="terampil"),
        pytest.param(Predikat.GOOD, 12.5, "12.500", id="float_coefficient"),
    ],
)
def test_it_multiplies_the_percentage_by_the_coefficient(predikat, coefficient, expected):
    assert str(annual_credit(predikat, coefficient)) == expected


@pytest.mark.parametrize(
    ("predikat", "months", "expected"),
    [
        pytest.param(Predikat.VERY_GOOD, 6, "9.375", id="sangat_baik_6_months"),
        pytest.param(Predikat.GOOD, 6, "6.250", id="baik_6_months"),
        pytest.param(Predikat.NEEDS_IMPROVEMENT, 6, "4.688", id="butuh_perbaikan_6_months_rounded_up"),
        pytest.param(Predikat.POOR_MISCONDUCT, 6, "3.125", id="kurang_6_months"),
        pytest.param(Predikat.VERY_POOR, 6, "1.563", id="sangat_kurang_6_months_rounded_up"),
        pytest.param(Predikat.VERY_GOOD, 1, "1.563", id="sangat_baik_1_month"),
        pytest.param(Predikat.VERY_GOOD, 7, "10.938", id="sangat_baik_7_months"),
        pytest.param(Predikat.GOOD, 3, "3.125", id="baik_one_quarter"),
        pytest.param(Predikat.VERY_POOR, 1, "0.260", id="sangat_kurang_1_month_rounded_down"),
        pytest.param(Predikat.GOOD, 11, "11.458", id="baik_11_months"),
        pytest.param(Predikat.VERY_GOOD, 12, "18.750", id="twelve_months_is_the_year"),
    ],
)
def test_it_gives_the_credit_for_part_of_a_year(predikat, months, expected):
    assert str(partial_credit(predikat, AHLI_PERTAMA, months)) == expected


@pytest.mark.parametrize("predikat", list(Predikat), ids=lambda p: p.value)
def test_it_gives_twelve_months_the_annual_credit(predikat):
    assert partial_credit(predikat, AHLI_PERTAMA, 12) == annual_credit(predikat, AHLI_PERTAMA)


@pytest.mark.parametrize(
    "months",
    [
        pytest.param(0, id="zero"),
        pytest.param(13, id="thirteen"),
        pytest.param(-1, id="negative"),
        pytest.param(6.0, id="float"),
        pytest.param("6", id="text"),
        pytest.param(None, id="none"),
        pytest.param(True, id="bool"),
    ],
)
def test_it_refuses_months_outside_1_to_12(months):
    with pytest.raises(ValueError, match="Months"):
        partial_credit(Predikat.GOOD, AHLI_PERTAMA, months)


@pytest.mark.parametrize(
    "coefficient",
    [
        pytest.param(0, id="zero"),
        pytest.param(-12.5, id="negative"),
        pytest.param("abc", id="text"),
        pytest.param(None, id="none"),
        pytest.param(Decimal("NaN"), id="nan"),
        pytest.param(True, id="bool"),
    ],
)
def test_it_refuses_a_coefficient_that_is_not_positive(coefficient):
    with pytest.raises(ValueError):
        annual_credit(Predikat.GOOD, coefficient)


@pytest.mark.parametrize(
    "predikat",
    [
        pytest.param("kurang", id="kurang_without_misconduct"),
        pytest.param("istimewa", id="org_predicate_value"),
        pytest.param(None, id="none"),
        pytest.param("", id="empty"),
    ],
)
def test_it_refuses_an_unknown_predikat(predikat):
    with pytest.raises(ValueError):
        annual_credit(predikat, AHLI_PERTAMA)


def test_it_takes_the_percentages_as_data():
    assert CREDIT_PERCENTAGES == {
        Predikat.VERY_GOOD: 150,
        Predikat.GOOD: 100,
        Predikat.NEEDS_IMPROVEMENT: 75,
        Predikat.POOR_MISCONDUCT: 50,
        Predikat.VERY_POOR: 25,
    }
    custom = {**CREDIT_PERCENTAGES, Predikat.VERY_GOOD: Decimal("125")}
    assert str(annual_credit(Predikat.VERY_GOOD, AHLI_PERTAMA, custom)) == "15.625"
    with pytest.raises(ValueError):
        annual_credit(Predikat.GOOD, AHLI_PERTAMA, {Predikat.VERY_GOOD: 150})
