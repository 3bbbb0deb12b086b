"""Reads about SKPs: a staff member's plans, one plan with all its content, the rater's inbox."""

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.query import prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from accounts.models import ActingAssignment, Staff
from accounts.selectors import rater_ids
from appraisal.models import (
    AgencyGoal,
    BehaviourExpectation,
    CoreValue,
    Indicator,
    PerformanceYear,
    Rhk,
    RhkKind,
    Skp,
    SkpEvent,
    SkpEventKind,
    SkpStatus,
)

_VALUE_ORDER = {value: n for n, value in enumerate(CoreValue.values)}


def skps_of(staff: Staff):
    return Skp.objects.filter(staff=staff).select_related("year").order_by("-year__year")


def plan_year_for(staff: Staff, *, today=None) -> PerformanceYear | None:
    """The agency's performance year of today's calendar year, else its latest open year."""
    today = today or timezone.localdate()
    years = PerformanceYear.objects.filter(agency_id=staff.agency_id)
    return years.filter(year=today.year).first() or years.filter(is_open=True).order_by("-year").first()


def _results_with_content():
    return (
        Rhk.objects.select_related("supports__skp__staff", "goal")
        .annotate(supporter_count=Count("supported_by"))
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("pk")))
        .order_by("order", "pk")
    )


def load_skp_content(skp: Skp) -> Skp:
    """Fetches results (with indicators and the superior result each supports), expectations and
    history onto the plan in a fixed number of queries, whatever their number."""
    prefetch_related_objects(
        [skp],
        Prefetch("results", queryset=_results_with_content()),
        "expectations",
        Prefetch("events", queryset=SkpEvent.objects.select_related("actor__staff").defer("snapshot")),
    )
    return skp


def main_results(skp: Skp) -> list[Rhk]:
    return [rhk for rhk in skp.results.all() if rhk.kind == RhkKind.MAIN]


def additional_results(skp: Skp) -> list[Rhk]:
    return [rhk for rhk in skp.results.all() if rhk.kind == RhkKind.ADDITIONAL]


def expectations_in_order(skp: Skp) -> list:
    """The seven BerAKHLAK expectations in the order of the values, from the prefetched rows."""
    return sorted(skp.expectations.all(), key=lambda row: _VALUE_ORDER.get(row.value, len(_VALUE_ORDER)))


def last_return_comment(skp: Skp) -> SkpEvent | None:
    """The rater's comment that sent the plan back, while it is still returned."""
    if skp.status != SkpStatus.RETURNED:
        return None
    returns = [e for e in skp.events.all() if e.kind == SkpEventKind.RETURNED]
    return returns[-1] if returns else None


def result_in_plan(skp: Skp, pk: int) -> Rhk:
    rhk = Rhk.objects.filter(pk=pk, skp=skp).first()
    if rhk is None:
        raise Http404
    rhk.skp = skp
    return rhk


def indicator_in_plan(skp: Skp, pk: int) -> Indicator:
    indicator = Indicator.objects.select_related("rhk").filter(pk=pk, rhk__skp=skp).first()
    if indicator is None:
        raise Http404
    indicator.rhk.skp = skp
    return indicator


def rater_results_for(skp: Skp):
    """The results of the plans of this staff member's raters for the same year: what they may support."""
    return (
        Rhk.objects.filter(skp__year_id=skp.year_id, skp__staff_id__in=rater_ids(skp.staff))
        .exclude(skp=skp)
        .select_related("skp__staff")
        # "main" sorts after "additional": descending puts main results first.
        .order_by("skp__staff__name", "-kind", "order", "pk")
    )


def goals_for(skp: Skp):
    return AgencyGoal.objects.filter(year_id=skp.year_id).order_by("code")


def acted_for_ids(staff: Staff):
    """The ids of the officials this one currently acts for (Plt/Plh), as a subquery."""
    return ActingAssignment.objects.current().filter(acting=staff).values("replaces_id")


def review_inbox(rater: Staff):
    """Submitted plans of the people this official rates: direct reports and those of whom they act for."""
    return (
        Skp.objects.filter(status=SkpStatus.SUBMITTED)
        .filter(Q(staff__supervisor=rater) | Q(staff__supervisor__in=acted_for_ids(rater)))
        .exclude(staff=rater)
        .select_related("staff__position", "staff__unit", "year")
        .annotate(result_count=Count("results"))
        .order_by("submitted_at", "pk")
    )


def direct_reports(staff: Staff, *, year: PerformanceYear | None = None):
    """Active direct reports, including those of the official this one acts for, with their plan's
    status for the year (None when they have not started one)."""
    rows = (
        Staff.objects.active()
        .filter(Q(supervisor=staff) | Q(supervisor__in=acted_for_ids(staff)))
        .exclude(pk=staff.pk)
        .select_related("position")
        .order_by("name", "pk")
    )
    if year is not None:
        plan = Skp.objects.filter(staff=OuterRef("pk"), year=year)
        rows = rows.annotate(skp_status=Subquery(plan.values("status")[:1]))
    return rows


def approved_versions(skp: Skp):
    """Every approval of the plan, newest first, each with the content approved then."""
    return skp.events.filter(kind=SkpEventKind.APPROVED).select_related("actor__staff").order_by("-at", "-pk")


def skp_snapshot(skp: Skp) -> dict:
    """The plan's full content as JSON-ready data: results, indicators, links, expectations, annex."""
    results = (
        Rhk.objects.filter(skp=skp)
        .select_related("supports__skp__staff", "goal")
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("pk")))
        .order_by("order", "pk")
    )
    expectations = sorted(
        BehaviourExpectation.objects.filter(skp=skp), key=lambda row: _VALUE_ORDER.get(row.value, 99)
    )
    annex = Skp.objects.filter(pk=skp.pk).values("resource_support", "accountability_scheme", "consequences")
    return {
        "revision": skp.revision,
        "year": skp.year.year,
        "approach": skp.approach,
        "staff": {"id": skp.staff_id, "nip": skp.staff.nip, "name": skp.staff.full_name},
        "results": [
            {
                "id": rhk.pk,
                "kind": rhk.kind,
                "text": rhk.text,
                "order": rhk.order,
                "supports": rhk.supports
                and {
                    "id": rhk.supports_id,
                    "text": rhk.supports.text,
                    "staff": rhk.supports.skp.staff.full_name,
                },
                "goal": rhk.goal and {"id": rhk.goal_id, "code": rhk.goal.code, "text": rhk.goal.text},
                "indicators": [
                    {
                        "id": ind.pk,
                        "text": ind.text,
                        "aspect": ind.aspect,
                        "target_value": None if ind.target_value is None else str(ind.target_value),
                        "target_unit": ind.target_unit,
                        "target_text": ind.target_text,
                    }
                    for ind in rhk.indicators.all()
                ],
            }
            for rhk in results
        ],
        "expectations": [{"value": row.value, "expectation": row.expectation} for row in expectations],
        "annex": annex.get(),
    }
