"""Table tests for the proposed results rating (no database)."""

from fractions import Fraction
from itertools import product

import pytest

from appraisal.rules.ratings import Rating
from appraisal.rules.results import (
    DEFAULT_RESULTS_RULE,
    ResultsProposal,
    ResultsReason,
    ResultsRule,
    propose_results_rating,
)

A, M, B = Rating.ABOVE, Rating.MEETS, Rating.BELOW
R = ResultsReason
ORDER = {B: 0, M: 1, A: 2}


def case(main, additional, rating, reason, case_id):
    return pytest.param(main, additional, rating, reason, id=case_id)


@pytest.mark.parametrize(
    ("main", "additional", "rating", "reason"),
    [
        # All or most above, no main below.
        case([A], [], A, R.MOST_ABOVE, "one_above"),
        case([A, A, A], [], A, R.MOST_ABOVE, "all_above"),
        case([A, A, M], [], A, R.MOST_ABOVE, "two_of_three_above"),
        case([A, A, A, M, M], [], A, R.MOST_ABOVE, "three_of_five_above_just_over_half"),
        # Ties are not "most".
        case([A, M], [], M, R.MOST_MEET, "tie_above_meets"),
        case([A, A, M, M], [], M, R.MOST_MEET, "tie_two_above_two_meets"),
        case([M, B], [], B, R.TOO_MANY_BELOW, "tie_meets_below"),
        case([M, M, B, B], [], B, R.TOO_MANY_BELOW, "tie_two_meets_two_below"),
        case([A, B], [], B, R.TOO_MANY_BELOW, "tie_above_below"),
        # Meets: most meet, a small part (≤ 20%) of main RHKs below.
        case([M], [], M, R.MOST_MEET, "one_meets"),
        case([M, M, M], [], M, R.MOST_MEET, "all_meet"),
        case([M, M, M, M, B], [], M, R.MOST_MEET, "one_of_five_below_exactly_small_part"),
        case([M] * 8 + [B] * 2, [], M, R.MOST_MEET, "two_of_ten_below_exactly_small_part"),
        case([M] * 9 + [B], [], M, R.MOST_MEET, "one_of_ten_below"),
        case([A, A, M, M, B], [], M, R.MOST_MEET, "mixed_one_of_five_below"),
        case([A, A, A, A, B], [], M, R.MAIN_BELOW_BLOCKS_ABOVE, "most_above_but_one_main_below"),
        case([A] * 9 + [B], [], M, R.MAIN_BELOW_BLOCKS_ABOVE, "nine_above_one_below"),
        # More than a small part below, but not most: the gap in the rule of thumb.
        case([M, M, M, B], [], B, R.TOO_MANY_BELOW, "one_of_four_below_just_over_small_part"),
        case([M] * 7 + [B] * 3, [], B, R.TOO_MANY_BELOW, "three_of_ten_below"),
        case([A, A, A, B], [], B, R.TOO_MANY_BELOW, "three_above_one_below"),
        case([A, A, M, B, B], [], B, R.TOO_MANY_BELOW, "two_of_five_below"),
        # Most or all below.
        case([B], [], B, R.MOST_BELOW, "one_below"),
        case([B, B, B], [], B, R.MOST_BELOW, "all_below"),
        case([M, B, B], [], B, R.MOST_BELOW, "two_of_three_below"),
        case([A, B, B], [], B, R.MOST_BELOW, "two_of_three_below_one_above"),
        case([A, A, B, B, B], [], B, R.MOST_BELOW, "three_of_five_below_just_over_half"),
        # Nothing to propose from.
        case([], [], None, R.NO_MAIN_RESULTS, "empty"),
        case([], [A, A], None, R.NO_MAIN_RESULTS, "only_additional_above"),
        case([], [B], None, R.NO_MAIN_RESULTS, "only_additional_below"),
        # Additional RHKs count only toward "above".
        case([A, M], [A], A, R.LIFTED_BY_ADDITIONAL, "additional_lifts_a_tie"),
        case([M], [A, A], A, R.LIFTED_BY_ADDITIONAL, "additional_lifts_one_meets"),
        case([A, M, M], [A], M, R.MOST_MEET, "additional_makes_only_a_tie"),
        case([A, M, M], [A, A], A, R.LIFTED_BY_ADDITIONAL, "two_additional_lift_to_three_of_five"),
        case([A, A, M], [B, B, B], A, R.MOST_ABOVE, "additional_below_never_lowers"),
        case([M, M], [M, B], M, R.MOST_MEET, "additional_meets_and_below_ignored"),
        case([M, M, M, M, B], [A] * 6, M, R.MAIN_BELOW_BLOCKS_ABOVE, "additional_cannot_outweigh_main_below"),
        case([A, A, A, B], [A, A, A], B, R.TOO_MANY_BELOW, "additional_cannot_lift_out_of_below"),
        case([B, B], [A] * 10, B, R.MOST_BELOW, "additional_cannot_lift_most_below"),
    ],
)
def test_it_proposes_the_results_rating(main, additional, rating, reason):
    proposal = propose_results_rating(main, additional)
    assert (proposal.rating, proposal.reason) == (rating, reason)


def test_it_returns_the_counts_and_a_message_for_the_form():
    proposal = propose_results_rating([A, A, M, B, M], [A, M, B])
    assert proposal == ResultsProposal(
        rating=M,
        reason=R.MOST_MEET,
        main_above=2,
        main_meets=2,
        main_below=1,
        additional_above=1,
    )
    assert str(proposal.message) == str(R.MOST_MEET.label)


def test_it_accepts_stored_values_and_any_iterable():
    proposal = propose_results_rating(iter(["above", "above", "meets"]), ("below",))
    assert proposal.rating == A


@pytest.mark.parametrize(
    ("main", "additional"),
    [
        pytest.param(["excellent"], [], id="unknown_main"),
        pytest.param([A, None], [], id="unrated_main"),
        pytest.param([A], ["great"], id="unknown_additional"),
        pytest.param([3], [], id="number"),
    ],
)
def test_it_refuses_invalid_ratings(main, additional):
    with pytest.raises(ValueError):
        propose_results_rating(main, additional)


@pytest.mark.parametrize(
    ("rule", "main", "rating"),
    [
        pytest.param(ResultsRule(majority=Fraction(2, 3)), [A, A, M], M, id="two_thirds_majority_tie"),
        pytest.param(ResultsRule(majority=Fraction(2, 3)), [A, A, A, M], A, id="two_thirds_majority_over"),
        pytest.param(ResultsRule(small_part=Fraction(1, 4)), [M, M, M, B], M, id="quarter_small_part"),
        pytest.param(ResultsRule(small_part=0), [A, A, A, A, B], B, id="no_main_below_allowed"),
        pytest.param(ResultsRule(small_part="0.25"), [M, M, M, B], M, id="threshold_as_text"),
        pytest.param(ResultsRule(majority=0.6, small_part=0.1), [A, A, A, M, M], M, id="threshold_as_float"),
    ],
)
def test_it_takes_the_thresholds_as_data(rule, main, rating):
    assert propose_results_rating(main, rule=rule).rating == rating


def test_it_defaults_to_more_than_half_and_at_most_a_fifth():
    assert (DEFAULT_RESULTS_RULE.majority, DEFAULT_RESULTS_RULE.small_part) == (
        Fraction(1, 2),
        Fraction(1, 5),
    )


@pytest.mark.parametrize(
    ("majority", "small_part"),
    [
        pytest.param(Fraction(2, 5), Fraction(1, 5), id="majority_under_half"),
        pytest.param(1, 0, id="majority_all"),
        pytest.param(Fraction(1, 2), Fraction(1, 2), id="small_part_half"),
        pytest.param(Fraction(4, 5), Fraction(1, 5), id="small_part_not_under_what_majority_leaves"),
        pytest.param(Fraction(1, 2), Fraction(-1, 10), id="negative_small_part"),
        pytest.param("most", Fraction(1, 5), id="not_a_number"),
        pytest.param(None, Fraction(1, 5), id="none"),
    ],
)
def test_it_refuses_inconsistent_thresholds(majority, small_part):
    with pytest.raises(ValueError):
        ResultsRule(majority=majority, small_part=small_part)


def all_ratings(max_length):
    for length in range(max_length + 1):
        yield from product((A, M, B), repeat=length)


@pytest.mark.parametrize("size", range(1, 8), ids=lambda n: f"{n}_main")
def test_it_follows_the_domain_rule_of_thumb_for_every_combination(size):
    for main in product((A, M, B), repeat=size):
        rating = propose_results_rating(main).rating
        above, below = Fraction(main.count(A), size), Fraction(main.count(B), size)
        if rating == A:
            assert above > Fraction(1, 2) and below == 0, main
        if rating == M:
            assert below <= Fraction(1, 5) and above + Fraction(main.count(M), size) > Fraction(1, 2), main
        if below > Fraction(1, 2):
            assert rating == B, main
        if below == 0 and above > Fraction(1, 2):
            assert rating == A, main
        if set(main) == {M}:
            assert rating == M, main


@pytest.mark.parametrize("size", range(1, 7), ids=lambda n: f"{n}_main")
def test_it_never_lowers_the_proposal_when_a_main_rating_improves(size):
    for main in product((A, M, B), repeat=size):
        base = ORDER[propose_results_rating(main).rating]
        for index, rating in enumerate(main):
            for better in (r for r in (A, M) if ORDER[r] > ORDER[rating]):
                improved = (*main[:index], better, *main[index + 1 :])
                assert ORDER[propose_results_rating(improved).rating] >= base, (main, improved)


@pytest.mark.parametrize("size", range(1, 6), ids=lambda n: f"{n}_main")
def test_it_never_lowers_the_proposal_for_additional_results(size):
    for main in product((A, M, B), repeat=size):
        base = propose_results_rating(main).rating
        for additional in all_ratings(3):
            rating = propose_results_rating(main, additional).rating
            assert ORDER[rating] >= ORDER[base], (main, additional)
            if A not in additional:
                assert rating == base, (main, additional)
            if B in main:
                assert rating == base, (main, additional)
