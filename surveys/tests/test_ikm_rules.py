"""Table tests of the pure IKM rules (PermenPANRB 14/2017): NRR, IKM and its conversion, the mutu
bands, reweighted questionnaires and the Krejcie–Morgan minimum sample."""

from decimal import Decimal
from fractions import Fraction

import pytest

from surveys import ikm
from surveys.ikm import Mutu

CODES = [element.code for element in ikm.ELEMENTS]


def _all(value):
    return dict.fromkeys(CODES, value)


# IKM and its conversion ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "converted", "grade"),
    [
        (4, Decimal("100.00"), Mutu.A),
        (3, Decimal("75.00"), Mutu.C),
        (2, Decimal("50.00"), Mutu.D),
        (1, Decimal("25.00"), Mutu.D),
    ],
)
def test_it_converts_equal_answers_with_exact_ninths(answer, converted, grade):
    result = ikm.ikm(_all(answer))
    assert result.ikm == answer
    assert (result.converted, result.mutu) == (converted, grade)


def test_it_gives_100_for_all_answers_4_where_the_printed_weight_0_11_would_give_99():
    assert ikm.ikm(_all(4)).converted == Decimal("100.00")
    assert sum(Fraction("0.11") * 4 for _ in CODES) * ikm.CONVERSION == 99
    with pytest.raises(ValueError):
        ikm.check_weights(_all(Decimal("0.11")))


def test_it_weighs_the_nine_elements_equally_by_default():
    weights = ikm.default_weights(CODES)
    assert set(weights.values()) == {Fraction(1, 9)} and sum(weights.values()) == 1


def test_it_rounds_the_converted_value_half_up_before_grading():
    # NRR 3.0642 everywhere → IKM × 25 = 76.605 → 76.61 (B), not 76.60 (C)
    result = ikm.ikm(_all(Fraction("3.0642")))
    assert result.converted == Decimal("76.61") and result.mutu == Mutu.B
    assert ikm.ikm(_all(Fraction(3))).ikm_shown == Decimal("3.000")


def test_it_refuses_an_element_without_answers():
    answered = _all(3)
    del answered["U9"]
    with pytest.raises(ValueError, match="U9"):
        ikm.ikm(answered, ikm.default_weights(CODES))


# Mutu bands ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("converted", "grade"),
    [
        ("25.00", Mutu.D),
        ("64.99", Mutu.D),
        ("65.00", Mutu.C),
        ("76.60", Mutu.C),
        ("76.61", Mutu.B),
        ("88.30", Mutu.B),
        ("88.31", Mutu.A),
        ("100.00", Mutu.A),
        ("64.994", Mutu.D),
        ("64.995", Mutu.C),
        ("88.305", Mutu.A),
    ],
)
def test_it_grades_the_converted_ikm_by_the_official_bands(converted, grade):
    assert ikm.mutu(Decimal(converted)) == grade


@pytest.mark.parametrize("converted", ["24.99", "100.01", "0", "-1", None, True, "abc"])
def test_it_refuses_a_converted_value_outside_25_to_100(converted):
    with pytest.raises(ValueError):
        ikm.mutu(converted)


# Reweighted questionnaires -------------------------------------------------------------------


def test_it_computes_with_weights_that_sum_to_one():
    weights = {**dict.fromkeys(CODES, Decimal("0.1")), "U1": Decimal("0.2")}
    nrr = {**_all(3), "U1": 4}
    result = ikm.ikm(nrr, weights)
    assert result.ikm == Fraction(32, 10)  # 0.2 × 4 + 0.8 × 3
    assert (result.converted, result.mutu) == (Decimal("80.00"), Mutu.B)


def test_it_computes_an_agency_element_added_to_the_nine():
    weights = {**dict.fromkeys(CODES, Decimal("0.1")), "U10": Decimal("0.1")}
    result = ikm.ikm({**_all(4), "U10": 1}, weights)
    assert result.ikm == Fraction(37, 10)
    assert result.converted == Decimal("92.50")


@pytest.mark.parametrize(
    "weights",
    [
        dict.fromkeys(CODES, Decimal("0.1")),  # 0.9
        {**dict.fromkeys(CODES, Decimal("0.1")), "U1": Decimal("0.3")},  # 1.1
        dict.fromkeys(CODES, Decimal("0.111111")),  # six places of 1/9 fall short of 1
        {**dict.fromkeys(CODES, Decimal("0.125")), "U1": Decimal("0")},  # a zero weight
        {**dict.fromkeys(CODES, Decimal("0.125")), "U1": Decimal("-0.125"), "U2": Decimal("0.25")},
        {},
        {"U1": "heavy"},
    ],
    ids=["under", "over", "rounded-ninths", "zero", "negative", "none", "not-a-number"],
)
def test_it_refuses_weights_that_do_not_sum_to_one_or_are_not_positive(weights):
    with pytest.raises(ValueError):
        ikm.check_weights(weights)
    if weights:
        with pytest.raises(ValueError):
            ikm.ikm(_all(3) | dict.fromkeys(weights, 3), weights)


# NRR -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "count", "expected"),
    [(36, 9, Fraction(4)), (9, 9, Fraction(1)), (7, 2, Fraction(7, 2)), (Decimal("10"), 3, Fraction(10, 3))],
)
def test_it_takes_the_mean_of_an_elements_answers(total, count, expected):
    assert ikm.nrr(total, count) == expected


@pytest.mark.parametrize(("total", "count"), [(37, 9), (8, 9), (0, 1), (5, 1), (3, 0), (3, -1)])
def test_it_refuses_a_mean_outside_1_to_4_or_without_answers(total, count):
    with pytest.raises(ValueError):
        ikm.nrr(total, count)


# Minimum sample (Krejcie & Morgan) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "sample"),
    [(0, 0), (1, 1), (10, 10), (100, 80), (1_000, 278), (10_000, 370), (100_000, 383), (10**9, 385)],
)
def test_it_gives_the_krejcie_morgan_minimum_sample(population, sample):
    assert ikm.minimum_sample(population) == sample


@pytest.mark.parametrize("population", [-1, 10.5, "100", None, True])
def test_it_refuses_a_population_that_is_not_a_whole_number(population):
    with pytest.raises(ValueError):
        ikm.minimum_sample(population)
