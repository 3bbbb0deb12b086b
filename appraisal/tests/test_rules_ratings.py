"""Table tests for the Predikat Kinerja quadrant (no database)."""

import pytest

from appraisal.rules.distribution import OrgPredicate
from appraisal.rules.ratings import PREDIKAT_QUADRANT, Predikat, Rating, as_choice, predikat

ABOVE, MEETS, BELOW = Rating.ABOVE, Rating.MEETS, Rating.BELOW


@pytest.mark.parametrize(
    ("results", "behaviour", "expected"),
    [
        pytest.param(
            ABOVE, BELOW, Predikat.POOR_MISCONDUCT, id="results_above-behaviour_below-kurang_misconduct"
        ),
        pytest.param(ABOVE, MEETS, Predikat.GOOD, id="results_above-behaviour_meets-baik"),
        pytest.param(ABOVE, ABOVE, Predikat.VERY_GOOD, id="results_above-behaviour_above-sangat_baik"),
        pytest.param(
            MEETS, BELOW, Predikat.POOR_MISCONDUCT, id="results_meets-behaviour_below-kurang_misconduct"
        ),
        pytest.param(MEETS, MEETS, Predikat.GOOD, id="results_meets-behaviour_meets-baik"),
        pytest.param(MEETS, ABOVE, Predikat.GOOD, id="results_meets-behaviour_above-baik"),
        pytest.param(BELOW, BELOW, Predikat.VERY_POOR, id="results_below-behaviour_below-sangat_kurang"),
        pytest.param(
            BELOW, MEETS, Predikat.NEEDS_IMPROVEMENT, id="results_below-behaviour_meets-butuh_perbaikan"
        ),
        pytest.param(
            BELOW, ABOVE, Predikat.NEEDS_IMPROVEMENT, id="results_below-behaviour_above-butuh_perbaikan"
        ),
    ],
)
def test_it_looks_up_every_cell_of_the_quadrant(results, behaviour, expected):
    assert predikat(results, behaviour) == expected
    assert predikat(results=results.value, behaviour=behaviour.value) == expected


def test_it_covers_exactly_the_nine_cells():
    assert set(PREDIKAT_QUADRANT) == {(r, b) for r in Rating for b in Rating}


def test_it_gives_sangat_baik_only_for_both_above():
    assert [cell for cell, value in PREDIKAT_QUADRANT.items() if value == Predikat.VERY_GOOD] == [
        (ABOVE, ABOVE)
    ]


@pytest.mark.parametrize(
    ("results", "behaviour"),
    [
        pytest.param("excellent", "meets", id="unknown_results"),
        pytest.param("meets", "ABOVE", id="upper_case_value"),
        pytest.param("meets", "", id="empty_behaviour"),
        pytest.param(None, "meets", id="none_results"),
        pytest.param("meets", None, id="none_behaviour"),
        pytest.param(1, "meets", id="number"),
        pytest.param("meets", ["above"], id="list"),
        pytest.param("Di Atas Ekspektasi", "meets", id="label_instead_of_value"),
        pytest.param(Predikat.GOOD, "meets", id="a_predikat_is_not_a_rating"),
    ],
)
def test_it_refuses_invalid_ratings(results, behaviour):
    with pytest.raises(ValueError):
        predikat(results, behaviour)


def test_it_refuses_a_member_of_another_enumeration_with_the_same_value():
    assert OrgPredicate.GOOD.value == Predikat.GOOD.value
    with pytest.raises(ValueError, match="Expected a Predikat"):
        as_choice(Predikat, OrgPredicate.GOOD)
    assert as_choice(Predikat, "baik") is Predikat.GOOD


def test_it_names_the_accepted_values_when_refusing():
    with pytest.raises(ValueError, match="above, meets, below"):
        predikat("excellent", "meets")


@pytest.mark.parametrize(
    ("member", "value"),
    [
        (Rating.ABOVE, "above"),
        (Rating.MEETS, "meets"),
        (Rating.BELOW, "below"),
        (Predikat.VERY_GOOD, "sangat_baik"),
        (Predikat.GOOD, "baik"),
        (Predikat.NEEDS_IMPROVEMENT, "butuh_perbaikan"),
        (Predikat.POOR_MISCONDUCT, "kurang_misconduct"),
        (Predikat.VERY_POOR, "sangat_kurang"),
    ],
    ids=lambda item: str(item),
)
def test_it_stores_the_agreed_values(member, value):
    assert member.value == value


def test_it_shows_the_official_kurang_misconduct_term():
    assert "Kurang/Misconduct" in str(Predikat.POOR_MISCONDUCT.label)
