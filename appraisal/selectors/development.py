"""Reads of development plans: the actions of an appraisal, what the catalogue proposes for its gaps
and low ratings, and the actions of earlier appraisals whose progress the next period shows."""

from dataclasses import dataclass, field

from appraisal.models import (
    Appraisal,
    DevelopmentAction,
    DevelopmentActivity,
    DevelopmentKind,
)
from appraisal.rules.ratings import Rating

# For a work result below expectations the catalogue proposes guidance by someone: coaching,
# mentoring or an assignment; training targets a competency.
_FOR_RESULTS = (DevelopmentKind.COACHING, DevelopmentKind.MENTORING, DevelopmentKind.ASSIGNMENT)


def actions_of(appraisal: Appraisal):
    return appraisal.development_actions.select_related(
        "activity", "competency", "rhk", "proposed_by"
    ).order_by("due_on", "pk")


def earlier_actions(appraisal: Appraisal):
    """Actions of the staff member's earlier appraisals that are still open or changed since: the
    progress the next period looks back on."""
    return (
        DevelopmentAction.objects.filter(
            appraisal__skp__staff_id=appraisal.skp.staff_id, appraisal__created_at__lt=appraisal.created_at
        )
        .select_related("activity", "competency", "appraisal__period", "appraisal__skp__year")
        .order_by("due_on", "pk")
    )


def catalogue_for(appraisal: Appraisal):
    agency_id = appraisal.skp.staff.agency_id
    return (
        DevelopmentActivity.objects.for_agency(agency_id)
        .active()
        .select_related("competency")
        .order_by("kind", "title")
    )


@dataclass
class Proposal:
    """A reason for development (a competency gap or a work result below expectations) and the
    catalogue activities that answer it."""

    reason: str
    competency_id: int | None = None
    rhk_id: int | None = None
    activities: list = field(default_factory=list)
    planned: bool = False


def proposals_for(appraisal: Appraisal, rows) -> list[Proposal]:
    """One proposal per competency gap and per work result below expectations, from one query of the
    catalogue; `planned` tells whether an action already answers it."""
    catalogue = list(catalogue_for(appraisal))
    planned = list(appraisal.development_actions.values_list("competency_id", "rhk_id"))
    planned_competencies = {c for c, _r in planned if c}
    planned_results = {r for _c, r in planned if r}
    proposals = []
    for row in rows.gaps:
        proposals.append(
            Proposal(
                reason=f"{row.competency.name}: {row.level}/{row.standard_level}",
                competency_id=row.competency_id,
                activities=[a for a in catalogue if a.competency_id == row.competency_id]
                or [a for a in catalogue if a.competency_id is None and a.kind not in _FOR_RESULTS],
                planned=row.competency_id in planned_competencies,
            )
        )
    for row in rows.results:
        if row.rating == Rating.BELOW:
            proposals.append(
                Proposal(
                    reason=row.rhk.text,
                    rhk_id=row.rhk_id,
                    activities=[a for a in catalogue if a.kind in _FOR_RESULTS],
                    planned=row.rhk_id in planned_results,
                )
            )
    return proposals
