"""Table tests for the nine-box talent map (no database)."""

import pytest

from appraisal.rules.competency import JpmBand, jpm_band
from appraisal.rules.ratings import Rating
from appraisal.rules.talent import (
    TALENT_BOXES,
    Potential,
    in_talent_pool,
    potential_from_jpm_band,
    talent_box,
)

ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW
HIGH, MEDIUM, LOW = Potential.HIGH, Potential.MEDIUM, Potential.LOW


@pytest.mark.parametrize(
    ("performance", "potential", "box"),
    [
        pytest.param(BELOW, HIGH, 6, id="tinggi-di_bawah-kotak_6"),
        pytest.param(MEETS, HIGH, 8, id="tinggi-sesuai-kotak_8"),
        pytest.param(ABOVE, HIGH, 9, id="tinggi-di_atas-kotak_9"),
        pytest.param(BELOW, MEDIUM, 3, id="menengah-di_bawah-kotak_3"),
        pytest.param(MEETS, MEDIUM, 5, id="menengah-sesuai-kotak_5"),
        pytest.param(ABOVE, MEDIUM, 7, id="menengah-di_atas-kotak_7"),
        pytest.param(BELOW, LOW, 1, id="rendah-di_bawah-kotak_1"),
        pytest.param(MEETS, LOW, 2, id="rendah-sesuai-kotak_2"),
        pytest.param(ABOVE, LOW, 4, id="rendah-di_atas-kotak_4"),
    ],
)
def test_it_places_every_combination_in_its_box(performance, potential, box):
    assert talent_box(performance, potential) == box
    assert talent_box(performance_rating=performance.value, potential=potential.value) == box


def test_it_uses_each_box_exactly_once():
    assert sorted(TALENT_BOXES.values()) == list(range(1, 10))


@pytest.mark.parametrize(
    ("box", "in_pool"),
    [pytest.param(box, box in (7, 8, 9), id=f"kotak_{box}") for box in range(1, 10)],
)
def test_it_knows_the_talent_pool(box, in_pool):
    assert in_talent_pool(box) is in_pool


@pytest.mark.parametrize(
    ("performance", "potential", "in_pool"),
    [
        pytest.param(ABOVE, HIGH, True, id="kotak_9"),
        pytest.param(MEETS, HIGH, True, id="kotak_8"),
        pytest.param(ABOVE, MEDIUM, True, id="kotak_7"),
        pytest.param(BELOW, HIGH, False, id="kotak_6"),
        pytest.param(MEETS, MEDIUM, False, id="kotak_5"),
        pytest.param(ABOVE, LOW, False, id="kotak_4"),
    ],
)
def test_it_puts_high_performers_with_potential_in_the_pool(performance, potential, in_pool):
    assert in_talent_pool(talent_box(performance, potential)) is in_pool


@pytest.mark.parametrize(
    "box",
    [
        pytest.param(0, id="zero"),
        pytest.param(10, id="ten"),
        pytest.param(-1, id="negative"),
        pytest.param("9", id="text"),
        pytest.param(9.0, id="float"),
        pytest.param(None, id="none"),
        pytest.param(True, id="bool"),
    ],
)
def test_it_refuses_a_box_outside_1_to_9(box):
    with pytest.raises(ValueError):
        in_talent_pool(box)


@pytest.mark.parametrize(
    ("band", "potential"),
    [
        pytest.param(JpmBand.OPTIMAL, HIGH, id="optimal-tinggi"),
        pytest.param(JpmBand.FAIRLY_OPTIMAL, MEDIUM, id="cukup_optimal-menengah"),
        pytest.param(JpmBand.SUBOPTIMAL, LOW, id="kurang_optimal-rendah"),
        pytest.param("cukup_optimal", MEDIUM, id="stored_value"),
    ],
)
def test_it_derives_potential_from_the_jpm_band(band, potential):
    assert potential_from_jpm_band(band) == potential


@pytest.mark.parametrize(
    ("jpm", "performance", "box"),
    [
        pytest.param("90.00", ABOVE, 9, id="jpm_90_above"),
        pytest.param("89.99", ABOVE, 7, id="jpm_89.99_above"),
        pytest.param("78.00", MEETS, 5, id="jpm_78_meets"),
        pytest.param("77.99", MEETS, 2, id="jpm_77.99_meets"),
    ],
)
def test_it_places_staff_from_their_jpm_and_results(jpm, performance, box):
    assert talent_box(performance, potential_from_jpm_band(jpm_band(jpm))) == box


def test_it_takes_the_band_mapping_as_data():
    cautious = {JpmBand.OPTIMAL: MEDIUM, JpmBand.FAIRLY_OPTIMAL: LOW, JpmBand.SUBOPTIMAL: LOW}
    assert potential_from_jpm_band(JpmBand.OPTIMAL, cautious) == MEDIUM
    with pytest.raises(ValueError):
        potential_from_jpm_band(JpmBand.SUBOPTIMAL, {JpmBand.OPTIMAL: HIGH})


@pytest.mark.parametrize(
    ("performance", "potential"),
    [
        pytest.param("excellent", HIGH, id="unknown_rating"),
        pytest.param(ABOVE, "very_high", id="unknown_potential"),
        pytest.param(HIGH, ABOVE, id="swapped_arguments"),
        pytest.param(None, None, id="none"),
    ],
)
def test_it_refuses_invalid_performance_or_potential(performance, potential):
    with pytest.raises(ValueError):
        talent_box(performance, potential)


@pytest.mark.parametrize(
    "band",
    [
        pytest.param("excellent", id="unknown"),
        pytest.param("", id="empty"),
        pytest.param(None, id="none"),
        pytest.param(Potential.HIGH, id="a_potential_is_not_a_band"),
    ],
)
def test_it_refuses_an_unknown_band(band):
    with pytest.raises(ValueError):
        potential_from_jpm_band(band)
