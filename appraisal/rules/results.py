"""The proposed Hasil Kerja (results) rating, from the ratings of the individual RHKs.

PermenPANRB 6/2022 gives a rule of thumb, not a formula: *above* = most/all results above expectation
and no main RHK below; *meets* = most/all meet, only a small part of the main RHKs below; *below* =
most/all below. The system proposes; the Pejabat Penilai Kinerja decides and may choose otherwise.

How the rule of thumb is made exact here (thresholds in ``ResultsRule``):

- "Most" is a share strictly greater than ``majority`` (default one half). A tie is therefore not
  "most" and never lifts the proposal: 2 above + 2 meets → meets; 2 meets + 2 below → below.
- "Only a small part" is a share of the main RHKs of at most ``small_part`` (default 20%, inclusive):
  4 meets + 1 below (20%) → meets; 3 meets + 1 below (25%) → below.
- A result above expectations also meets them, so "most meet" counts above and meets together.
- The rule of thumb leaves a gap: more than a small part, but not most, of the main RHKs below. That
  fits neither *above* nor *meets* (both limit the main RHKs below), so the proposal is *below*, with its
  own reason (``too_many_below``) so the rater sees why.
- Only the main RHKs (RHK utama) decide *meets* and *below*. Additional RHKs (RHK tambahan) are extra
  work beyond the agreed plan: they can lift the proposal but never lower it. An additional RHK rated
  above counts toward "most results above" (it joins both the above count and the total); additional
  RHKs rated meets or below are ignored. They cannot lift a proposal over a main RHK rated below.
- With no rated main RHK there is no proposal: ``rating`` is None (reason ``no_main_results``), even
  when additional RHKs are rated, because the SKP is judged on its main results.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from appraisal.rules.ratings import Rating, as_choice, as_fraction


@dataclass(frozen=True)
class ResultsRule:
    """Thresholds of the results rule of thumb.

    majority: "most" means a share strictly greater than this; from one half up to (not incl.) 1.
    small_part: "only a small part of the main RHKs below" means a share at most this; it must be
    smaller than what a majority leaves over (1 − majority), so that *meets* still means "most meet".
    """

    majority: Fraction = Fraction(1, 2)
    small_part: Fraction = Fraction(1, 5)

    def __post_init__(self):
        majority = as_fraction(self.majority, "majority")
        small_part = as_fraction(self.small_part, "small_part")
        if not Fraction(1, 2) <= majority < 1:
            raise ValueError(f"majority must be at least 1/2 and less than 1, got {majority}.")
        if not 0 <= small_part < 1 - majority:
            raise ValueError(f"small_part must be at least 0 and less than 1 − majority, got {small_part}.")
        object.__setattr__(self, "majority", majority)
        object.__setattr__(self, "small_part", small_part)


DEFAULT_RESULTS_RULE = ResultsRule()


class ResultsReason(TextChoices):
    """Why the results rating was proposed: a code, and a short text for the appraisal form."""

    NO_MAIN_RESULTS = "no_main_results", _("No main result (RHK utama) has been rated yet.")
    MOST_ABOVE = "most_above", _("Most results are above expectations and no main result is below.")
    LIFTED_BY_ADDITIONAL = (
        "lifted_by_additional",
        _(
            "With the additional results above expectations, most results are above expectations; "
            "no main result is below."
        ),
    )
    MAIN_BELOW_BLOCKS_ABOVE = (
        "main_below_blocks_above",
        _("Most results are above expectations, but a main result is below expectations."),
    )
    MOST_MEET = (
        "most_meet",
        _("Most results meet expectations; at most a small part of the main results is below."),
    )
    TOO_MANY_BELOW = "too_many_below", _("More than a small part of the main results is below expectations.")
    MOST_BELOW = "most_below", _("Most main results are below expectations.")


@dataclass(frozen=True)
class ResultsProposal:
    """The proposed Hasil Kerja rating (None: no proposal), its reason and the counts behind it."""

    rating: Rating | None
    reason: ResultsReason
    main_above: int = 0
    main_meets: int = 0
    main_below: int = 0
    additional_above: int = 0

    @property
    def message(self):
        return self.reason.label


def propose_results_rating(
    main_ratings: Iterable, additional_ratings: Iterable = (), rule: ResultsRule = DEFAULT_RESULTS_RULE
) -> ResultsProposal:
    """Propose the Hasil Kerja rating from the ratings of the main and additional RHKs.

    Each rating is a Rating (or its value); anything else raises ValueError. See the module docstring
    for how ties, the gap in the rule of thumb and additional RHKs are treated.
    """
    main = [as_choice(Rating, value) for value in main_ratings]
    additional = [as_choice(Rating, value) for value in additional_ratings]
    above, meets, below = (main.count(r) for r in (Rating.ABOVE, Rating.MEETS, Rating.BELOW))
    extra = additional.count(Rating.ABOVE)

    def proposal(rating, reason):
        return ResultsProposal(rating, reason, above, meets, below, extra)

    total = len(main)
    if total == 0:
        return proposal(None, ResultsReason.NO_MAIN_RESULTS)
    below_share = Fraction(below, total)
    if below_share > rule.majority:
        return proposal(Rating.BELOW, ResultsReason.MOST_BELOW)
    most_above = Fraction(above + extra, total + extra) > rule.majority
    if below == 0 and Fraction(above, total) > rule.majority:
        return proposal(Rating.ABOVE, ResultsReason.MOST_ABOVE)
    if below == 0 and most_above:
        return proposal(Rating.ABOVE, ResultsReason.LIFTED_BY_ADDITIONAL)
    if below_share <= rule.small_part:
        reason = ResultsReason.MAIN_BELOW_BLOCKS_ABOVE if most_above else ResultsReason.MOST_MEET
        return proposal(Rating.MEETS, reason)
    return proposal(Rating.BELOW, ResultsReason.TOO_MANY_BELOW)
