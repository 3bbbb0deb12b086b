"""Reads of appraisals: one staff member's, a rater's team, an approver's inbox, and the form's rows."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from accounts.access import roles_of
from accounts.models import Staff
from accounts.selectors import rater_ids
from appraisal.models import (
    Appraisal,
    AppraisalEventKind,
    AppraisalStatus,
    Competency,
    CoreValue,
    EvaluationPeriod,
    PerformanceYear,
    PositionCompetency,
    Skp,
    SkpStatus,
)
from appraisal.models.development import ActionStatus
from appraisal.rules.competency import JpmBand
from appraisal.rules.ratings import Predikat, Rating
from appraisal.rules.talent import Potential
from appraisal.selectors.calendar import year_bounds
from appraisal.selectors.competencies import default_standard_level
from appraisal.selectors.skp import acted_for_ids, direct_reports


def period_span(year: PerformanceYear, period: EvaluationPeriod | None) -> tuple[date, date]:
    """The days an appraisal covers: its period, or the whole year for the annual appraisal."""
    if period is not None:
        return period.starts_on, period.ends_on
    return year_bounds(year.year)


def appraisal_standards(staff: Staff) -> list[tuple[Competency, int]]:
    """(competency, standard level) the staff member is assessed against: the position's standards,
    or, where the agency has set none, the national competencies at the default level of the position."""
    if staff.position_id is None:
        return []
    standards = (
        PositionCompetency.objects.filter(position_id=staff.position_id)
        .select_related("competency")
        .order_by("competency__group", "competency__code")
    )
    if rows := [(row.competency, row.standard_level) for row in standards]:
        return rows
    level = default_standard_level(staff.position)
    if level is None:
        return []
    return [(competency, level) for competency in Competency.objects.national().order_by("group", "code")]


def approver_ids(appraisal: Appraisal) -> set[int]:
    """The rater's superior and whoever acts for them: who approves what this rater submitted."""
    if appraisal.rater_id is None:
        return set()
    return rater_ids(appraisal.rater) - {appraisal.skp.staff_id, appraisal.rater_id}


def is_owner(user, appraisal: Appraisal) -> bool:
    staff = roles_of(user).staff
    return staff is not None and staff.pk == appraisal.skp.staff_id


def is_rater(user, appraisal: Appraisal) -> bool:
    """The staff member's rater today: the direct supervisor or the official acting for them."""
    staff = roles_of(user).staff
    owner = appraisal.skp.staff
    return staff is not None and staff.pk != owner.pk and staff.pk in rater_ids(owner)


def is_approver(user, appraisal: Appraisal) -> bool:
    """The superior of the rater who submitted it, or the agency's HR when that rater has none.

    Nobody approves an appraisal of their own or one they rated."""
    staff = roles_of(user).staff
    owner = appraisal.skp.staff
    if appraisal.rater_id is None or (staff is not None and staff.pk in (owner.pk, appraisal.rater_id)):
        return False
    approvers = approver_ids(appraisal)
    if approvers:
        return staff is not None and staff.pk in approvers
    return roles_of(user).administers(owner.agency_id)


def with_related(queryset):
    return queryset.select_related(
        "skp__staff__position",
        "skp__staff__unit",
        "skp__staff__agency",
        "skp__year",
        "period",
        "rater",
        "approved_by__staff",
    )


def appraisal_rows(appraisal: Appraisal):
    """Everything the form and the document show, in five queries."""
    achievements = list(
        appraisal.achievements.select_related("indicator__rhk").order_by(
            "-indicator__rhk__kind", "indicator__rhk__order", "indicator__rhk_id", "indicator_id"
        )
    )
    results = list(
        appraisal.result_ratings.select_related("rhk").order_by("-rhk__kind", "rhk__order", "rhk_id")
    )
    by_rhk = {}
    for row in achievements:
        by_rhk.setdefault(row.indicator.rhk_id, []).append(row)
    for row in results:
        row.achievements = by_rhk.get(row.rhk_id, [])
    expectations = {e.value: e.expectation for e in appraisal.skp.expectations.all()}
    notes = list(appraisal.behaviour_notes.order_by("pk"))
    for note in notes:
        note.expectation = expectations.get(note.value, "")
    competencies = list(
        appraisal.competency_levels.select_related("competency").order_by(
            "competency__group", "competency__code"
        )
    )
    return AppraisalRows(results=results, notes=notes, competencies=competencies)


@dataclass
class AppraisalRows:
    results: list
    notes: list
    competencies: list

    @property
    def main_results(self):
        return [row for row in self.results if row.rhk.kind == "main"]

    @property
    def additional_results(self):
        return [row for row in self.results if row.rhk.kind == "additional"]

    @property
    def gaps(self):
        return [row for row in self.competencies if row.gap]


def last_return(appraisal: Appraisal):
    """The superior's return, with its comment, while the appraisal is back with the rater."""
    if appraisal.status != AppraisalStatus.RETURNED:
        return None
    return (
        appraisal.events.filter(kind=AppraisalEventKind.RETURNED)
        .select_related("actor__staff")
        .order_by("-at")
        .first()
    )


def appraisals_of(staff: Staff):
    """The staff member's appraisals of every year, newest first: their history."""
    return with_related(Appraisal.objects.filter(skp__staff=staff)).order_by(
        "-skp__year__year", F("period__sequence").desc(nulls_first=True)
    )


@dataclass
class Due:
    """A period (or the year) of an open year's SKP, with its appraisal if one was started."""

    skp: Skp
    period: EvaluationPeriod | None
    appraisal: Appraisal | None

    @property
    def title(self):
        if self.appraisal is not None:
            return self.appraisal.title
        if self.period is None:
            return _("Annual appraisal %(year)s") % {"year": self.skp.year.year}
        return f"{self.period.name} {self.skp.year.year}"

    @property
    def may_start(self):
        return self.appraisal is None and self.skp.status == SkpStatus.APPROVED


def appraisals_due(staff: Staff, *, today: date) -> list[Due]:
    """The periods of the open years that have begun, newest first, each with its appraisal where one
    was started; the annual appraisal comes first once the last period of its year has begun."""
    skps = {
        skp.year_id: skp
        for skp in Skp.objects.filter(staff=staff, year__is_open=True)
        .select_related("year")
        .order_by("-year__year")
    }
    periods = list(EvaluationPeriod.objects.filter(year_id__in=list(skps)).order_by("sequence"))
    existing = {
        (a.skp_id, a.period_id): a for a in with_related(Appraisal.objects.filter(skp__in=skps.values()))
    }
    rows = []
    for year_id, skp in skps.items():
        year_periods = [p for p in periods if p.year_id == year_id]
        annual = existing.get((skp.pk, None))
        if annual is not None or (year_periods and year_periods[-1].starts_on <= today):
            rows.append(Due(skp, None, annual))
        rows += [
            Due(skp, p, existing.get((skp.pk, p.pk))) for p in reversed(year_periods) if p.starts_on <= today
        ]
    return rows


@dataclass
class TeamRow:
    staff: Staff
    skp: Skp | None
    appraisal: Appraisal | None


def team_appraisals(rater: Staff, *, year: PerformanceYear, period: EvaluationPeriod | None) -> list[TeamRow]:
    """The staff this official rates (direct reports, and those of whom they act for) with their SKP of
    the year and their appraisal of the period: three queries, whatever the size of the team."""
    members = list(direct_reports(rater))
    ids = [m.pk for m in members]
    skps = {skp.staff_id: skp for skp in Skp.objects.filter(staff_id__in=ids, year=year)}
    appraisals = {
        a.skp.staff_id: a
        for a in Appraisal.objects.filter(
            skp__staff_id__in=ids, skp__year=year, period=period
        ).select_related("skp")
    }
    return [TeamRow(m, skps.get(m.pk), appraisals.get(m.pk)) for m in members]


def waiting_by_period(rater: Staff, *, year: PerformanceYear) -> dict:
    """{period id (None for the annual appraisal): how many appraisals of the rater's team wait for
    their assessment}, from one query."""
    rows = (
        Appraisal.objects.filter(
            skp__staff__in=direct_reports(rater).values("pk"),
            skp__year=year,
            status__in=[AppraisalStatus.SUPERVISOR_ASSESSMENT, AppraisalStatus.RETURNED],
        )
        .values("period_id")
        .annotate(n=Count("pk"))
    )
    return {row["period_id"]: row["n"] for row in rows}


def approval_inbox(staff: Staff | None, hr_agency_id: int | None):
    """Submitted appraisals this user approves: those of raters they supervise (or act for), and, for
    HR, those of raters with no superior."""
    scope = Q(pk__in=[])
    if staff is not None:
        scope |= Q(rater__supervisor=staff) | Q(rater__supervisor__in=acted_for_ids(staff))
    if hr_agency_id is not None:
        scope |= Q(rater__supervisor__isnull=True, skp__staff__agency_id=hr_agency_id)
    rows = Appraisal.objects.filter(scope, status=AppraisalStatus.SUBMITTED)
    if staff is not None:
        rows = rows.exclude(skp__staff=staff).exclude(rater=staff)
    return with_related(rows).order_by("submitted_at", "pk")


# What each recorded change is called in the history, by the key the services store.
_FIELD_LABELS = {
    "achieved": _("achievement"),
    "achieved_text": _("achievement"),
    "change_reason": _("reason for the difference"),
    "evidence_link": _("evidence link"),
    "self_comment": _("staff member's comment"),
    "rating": _("rating"),
    "feedback": _("feedback"),
    "note": _("behaviour note"),
    "level": _("assessed level"),
    "evidence": _("evidence"),
    "results_rating": _("results rating"),
    "results_override_reason": _("why the proposal was not followed"),
    "results_feedback": _("feedback on the results"),
    "behaviour_rating": _("behaviour rating"),
    "behaviour_feedback": _("feedback on the behaviour"),
    "overall_feedback": _("overall feedback"),
    "results_proposed": _("proposed results rating"),
    "predikat": _("predikat kinerja"),
    "jpm": _("JPM (%)"),
    "jpm_band": _("JPM band"),
    "potential": _("potential"),
    "potential_source": _("potential from"),
    "talent_box": _("talent box"),
    "status": _("status"),
    "progress": _("progress"),
}
_VALUE_LABELS = {
    choice.value: choice.label
    for choices in (Rating, Predikat, JpmBand, Potential, CoreValue, ActionStatus)
    for choice in choices
}


@dataclass(frozen=True)
class ChangeLine:
    field: str
    item: str
    before: str
    after: str


def _shown(value):
    return _VALUE_LABELS.get(value, value)


def history(appraisal: Appraisal) -> list:
    """The appraisal's events, newest first, each with `lines`: what changed, in words."""
    events = list(appraisal.events.select_related("actor__staff").order_by("-at", "-pk"))
    for event in events:
        event.lines = [
            ChangeLine(
                field=_FIELD_LABELS.get(change.get("field"), change.get("field", "")),
                item=_shown(change.get("item", "")),
                before=_shown(change.get("from", "")),
                after=_shown(change.get("to", "")),
            )
            for change in event.changes or []
        ]
    return events
