"""The demo appraisals of Disdukcapil, written through the appraisal, development and feedback services.

Every quarter that ended before the demo's clock has an appraisal for each staff member whose SKP is
approved: final for all but the last of them, and in every stage of the workflow for the last one
(see appraisal_script.LAST_QUARTER), so that every inbox holds something. In the quarter still running
only the staff of appraisal_script.CURRENT_QUARTER have begun their self-assessment.

An appraisal is keyed by its SKP and period, a catalogue entry by its agency and title. Missing ones
are written step by step by the people the rules name (the staff member, their rater, the rater's
superior or the agency's HR); existing ones are left as they are, so running it again changes nothing.
The services stamp each step with the time it runs.
"""

import random
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from accounts.demo import ACCOUNTS, DISDUKCAPIL
from accounts.models import Staff, StaffStatus
from accounts.selectors import rater_ids
from appraisal.demo import appraisal_script as script
from appraisal.demo.development_catalogue import DISDUKCAPIL as AGENCY_CATALOGUE
from appraisal.demo.development_catalogue import NATIONAL
from appraisal.demo.feedback import sync_feedback
from appraisal.models import (
    ActionStatus,
    Appraisal,
    Aspect,
    Competency,
    DevelopmentAction,
    DevelopmentActivity,
    EvaluationPeriod,
    Rhk,
    RhkKind,
    Skp,
    SkpStatus,
)
from appraisal.rules.ratings import Rating, predikat
from appraisal.rules.results import propose_results_rating
from appraisal.selectors.appraisals import approver_ids
from appraisal.services.appraisals import (
    appraisal_approve,
    appraisal_return,
    appraisal_start,
    assessment_save,
    assessment_submit,
    objection_file,
    potential_set,
    self_assessment_save,
    self_assessment_submit,
)
from appraisal.services.development import action_add, action_agree, action_progress
from appraisal.services.feedback import development_activity_create

CENT = Decimal("0.01")


def sync_catalogue(agency, summary):
    """The national activities and Disdukcapil's own, each added when its title is not there yet."""
    existing = {
        (a.agency_id, a.title.lower()): a
        for a in DevelopmentActivity.objects.filter(agency__isnull=True)
        | DevelopmentActivity.objects.filter(agency=agency)
    }
    competencies = {}
    catalogue, created = {}, 0
    for owner, rows in ((None, NATIONAL), (agency, AGENCY_CATALOGUE)):
        for row in rows:
            activity = existing.get((owner and owner.pk, row.title.lower()))
            if activity is None:
                competencies = competencies or {
                    c.code: c for c in Competency.objects.filter(agency__isnull=True)
                }
                activity = development_activity_create(
                    agency=owner,
                    title=row.title,
                    kind=row.kind,
                    competency=competencies.get(row.competency),
                    description=row.description,
                    provider=row.provider,
                    duration_hours=row.hours,
                )
                created += 1
            catalogue[row.title] = activity
    summary.add(DevelopmentActivity, rows=len(catalogue), created=created, updated=0)
    return catalogue


class _Run:
    """What the steps of one run share: the clock, the agency's people with their accounts, the
    catalogue, and the competencies and development actions met on the way."""

    def __init__(self, *, agency, today, catalogue):
        self.today = today
        self.catalogue = catalogue
        members = Staff.objects.filter(agency=agency).select_related("user", "position")
        self.by_pk = {m.pk: m for m in members}
        self.by_name = {m.name: m for m in members}
        self.hr_username = next(a.username for a in ACCOUNTS if a.hr_agency == agency.code)
        self.competencies = {}
        self.actions = []

    @cached_property
    def hr(self):
        return get_user_model().objects.get(username=self.hr_username)

    def active(self, pk):
        member = self.by_pk.get(pk)
        return member if member is not None and member.is_active else None

    def rater_of(self, member):
        """The direct supervisor when in service, otherwise the official acting for them."""
        if supervisor := self.active(member.supervisor_id):
            return supervisor
        return next(
            (self.active(pk) for pk in sorted(rater_ids(member)) if self.active(pk) and pk != member.pk), None
        )

    def approver_of(self, appraisal):
        """The rater's superior (or their Plt), or HR for a rater with none."""
        ids = approver_ids(appraisal)
        if not ids:
            return self.hr
        rater = self.by_pk[appraisal.rater_id]
        ordered = [rater.supervisor_id, *sorted(ids)]
        return next((self.active(pk).user for pk in ordered if pk in ids and self.active(pk)), None)


def _periods(year, today):
    """(quarters whose appraisals are final, the last quarter that has ended, the running quarter)."""
    periods = list(EvaluationPeriod.objects.filter(year=year).order_by("sequence"))
    ended = [p for p in periods if p.ends_on < today]
    running = next((p for p in periods if p.starts_on <= today <= p.ends_on), None)
    return ended[:-1], ended[-1] if ended else None, running, len(periods)


def _ratings(grade, mains):
    """{Rhk: rating} of the main results, the last rating of the grade repeating."""
    return {rhk: grade.results[min(n, len(grade.results) - 1)] for n, rhk in enumerate(mains)}


# Achievement against the quarter's share of the year's target, by the result's rating: a range for
# counts, a factor for days (fewer is better), and a range of points for percentages.
_COUNT_SHARE = {Rating.ABOVE: (1.06, 1.18), Rating.MEETS: (0.96, 1.04), Rating.BELOW: (0.5, 0.7)}
_DAYS_FACTOR = {Rating.ABOVE: Decimal("0.7"), Rating.MEETS: Decimal("1"), Rating.BELOW: Decimal("1.6")}
_POINTS = {Rating.ABOVE: (1, 3), Rating.MEETS: (-1, 1), Rating.BELOW: (-9, -5)}


def _achieved(indicator, rating, share, rng):
    """What the staff member states for one indicator in the quarter, against the year's target."""
    target = indicator.target_value
    if indicator.aspect == Aspect.QUANTITY:
        value = target * share * Decimal(str(round(rng.uniform(*_COUNT_SHARE[rating]), 3)))
        return value.quantize(Decimal("1") if target == target.to_integral() else CENT)
    if indicator.aspect == Aspect.TIME:
        return (target * _DAYS_FACTOR[rating]).quantize(CENT)
    value = target + rng.randint(*_POINTS[rating])
    return min(value, Decimal(100)) if indicator.target_unit == "%" else value


def _self_assessment(appraisal, ratings, share, rng):
    """The achievements (indicator id → values) and comment of the self-assessment."""
    rating_of = {rhk.pk: rating for rhk, rating in ratings.items()}
    achievements = {}
    for n, row in enumerate(appraisal.achievements.select_related("indicator")):
        indicator = row.indicator
        data = {"evidence_link": f"{script.EVIDENCE_HOST}{rng.getrandbits(40):010x}" if n == 0 else ""}
        if indicator.target_value is None:
            data["achieved_text"] = "Terlaksana sesuai rencana."
        else:
            achieved = _achieved(indicator, rating_of.get(indicator.rhk_id, Rating.MEETS), share, rng)
            data["achieved"] = achieved
            if row.reported is not None and achieved != row.reported:
                data["change_reason"] = script.CHANGE_REASON
        achievements[indicator.pk] = data
    comment = rng.choice(script.SELF_COMMENTS)
    return achievements, script.SELF_COMMENT_SHORT if Rating.BELOW in rating_of.values() else comment


def _assessment(run, appraisal, member, grade, ratings, rng, *, draft=False):
    """The rater's form: every result, two behaviour notes, the competencies and, unless it is a
    draft, the overall ratings."""
    results = {}
    for rhk, rating in ratings.items():
        feedback = grade.below if rating == Rating.BELOW else rng.choice(script.RESULT_FEEDBACK[rating])
        results[rhk.pk] = (rating, feedback)
    notes = rng.sample(sorted(script.BEHAVIOUR_NOTES), 2)
    changes = script.LEVELS.get(member.name, {})
    competencies = {}
    for row in appraisal.competency_levels.select_related("competency"):
        run.competencies[row.competency.code] = row.competency_id
        change, evidence = changes.get(row.competency.code, (0, ""))
        competencies[row.competency_id] = (min(5, max(1, row.standard_level + change)), evidence)
    data = {"results": results, "competencies": competencies}
    if draft:
        return data
    proposal = propose_results_rating(list(ratings.values())).rating or Rating.MEETS
    overall = Rating.ABOVE if grade.override else proposal
    return data | {
        "behaviour": {value: script.BEHAVIOUR_NOTES[value] for value in notes},
        "results_rating": overall,
        "results_override_reason": grade.override if overall != proposal else "",
        "results_feedback": grade.below if overall == Rating.BELOW else "",
        "behaviour_rating": grade.behaviour,
        "overall_feedback": script.OVERALL_FEEDBACK[predikat(overall, grade.behaviour).value],
    }


def _propose_actions(run, appraisal, member, period, rater, mains):
    for action in script.ACTIONS:
        if (action.name, action.period) != (member.name, period.sequence):
            continue
        starts_on = period.ends_on + timedelta(weeks=2 + action.after)
        row = action_add(
            appraisal=appraisal,
            by=rater.user,
            activity=run.catalogue[action.activity],
            aim=action.aim,
            starts_on=starts_on,
            due_on=starts_on + timedelta(weeks=action.weeks),
            competency_id=run.competencies.get(action.competency),
            rhk_id=mains[action.rhk].pk if action.rhk is not None else None,
        )
        run.actions.append((row, action))


def _follow_actions(run, appraisal, member):
    """The staff member agrees to the agreed actions and reports how far they are."""
    for row, action in run.actions:
        if row.appraisal_id != appraisal.pk or not action.agreed:
            continue
        action_agree(action=row, by=member.user)
        if row.due_on < run.today:
            action_progress(action=row, by=member.user, status=ActionStatus.DONE, note=script.DONE_NOTE)
        elif row.starts_on <= run.today:
            action_progress(
                action=row, by=member.user, status=ActionStatus.IN_PROGRESS, note=script.PROGRESS_NOTE
            )


def _appraise(run, skp, mains, period, stage, share):
    """Takes one appraisal as far as `stage`, each step by whoever the rules say takes it."""
    member = run.by_pk[skp.staff_id]
    grade = script.GRADES.get(member.name, {}).get(period.sequence, script.GOOD)
    ratings = _ratings(grade, mains)
    rng = random.Random(f"appraisal|{member.nip}|{period.sequence}")
    steps = script.STAGES.index(stage)
    rater = run.rater_of(member)
    if rater is None:
        steps = min(steps, script.STAGES.index(script.SELF_SAVED))

    appraisal = appraisal_start(skp=skp, period=period, by=member.user, today=run.today)
    if steps >= script.STAGES.index(script.SELF_SAVED):
        achievements, comment = _self_assessment(appraisal, ratings, share, rng)
        self_assessment_save(
            appraisal=appraisal,
            by=member.user,
            version=appraisal.version,
            comment=comment,
            achievements=achievements,
        )
    if steps >= script.STAGES.index(script.WITH_RATER):
        self_assessment_submit(appraisal=appraisal, by=member.user, version=appraisal.version)
    if steps == script.STAGES.index(script.RATER_DRAFT):
        data = _assessment(run, appraisal, member, grade, ratings, rng, draft=True)
        assessment_save(appraisal=appraisal, by=rater.user, version=appraisal.version, data=data)
    if steps < script.STAGES.index(script.SUBMITTED):
        return appraisal
    data = _assessment(run, appraisal, member, grade, ratings, rng)
    assessment_save(appraisal=appraisal, by=rater.user, version=appraisal.version, data=data)
    _propose_actions(run, appraisal, member, period, rater, mains)
    assessment_submit(appraisal=appraisal, by=rater.user, version=appraisal.version)
    approver = run.approver_of(appraisal)
    if approver is None or stage == script.SUBMITTED:
        return appraisal
    if stage == script.RETURNED:
        return appraisal_return(appraisal=appraisal, by=approver, comment=script.RETURN_COMMENT)
    appraisal_approve(appraisal=appraisal, by=approver)
    _follow_actions(run, appraisal, member)
    return appraisal


def _begin_current(run, skp, period):
    """The staff member opens the running quarter's self-assessment, pre-filled from the daily
    reports, and notes how far it is."""
    member = run.by_pk[skp.staff_id]
    appraisal = appraisal_start(skp=skp, period=period, by=member.user, today=run.today)
    self_assessment_save(
        appraisal=appraisal,
        by=member.user,
        version=appraisal.version,
        comment=script.CURRENT_QUARTER[member.name],
        achievements={},
    )
    return appraisal


def _after_final(run, written, final_periods):
    """HR's potential on the latest final appraisal of one staff member, and an objection pending on
    the newest final appraisal below expectations of another."""
    name, potential, note = script.POTENTIAL
    if final_periods and (appraisal := written.get((name, final_periods[-1].pk))):
        potential_set(appraisal=appraisal, by=run.hr, potential=potential, note=note)
    name, reason = script.OBJECTION
    contested = [
        appraisal
        for (owner, _period), appraisal in written.items()
        if owner == name and appraisal.is_final and appraisal.results_rating == Rating.BELOW
    ]
    if contested:
        appraisal = max(contested, key=lambda a: a.period.sequence)
        # Filed within the objection period, which runs from the approval the service dated now.
        objection_file(
            appraisal=appraisal,
            by=run.by_name[name].user,
            reason=reason,
            today=min(run.today, timezone.localdate(appraisal.approved_at)),
        )


def sync_appraisals(*, agencies, years, today, summary):
    """The catalogue, Disdukcapil's appraisals up to the clock, and the feedback around them."""
    agency = agencies[DISDUKCAPIL.code]
    year = years[DISDUKCAPIL.code]
    catalogue = sync_catalogue(agency, summary)
    run = _Run(agency=agency, today=today, catalogue=catalogue)
    final_periods, last, running, count = _periods(year, today)

    skps = list(
        Skp.objects.filter(year=year, status=SkpStatus.APPROVED, staff__status=StaffStatus.ACTIVE)
        .select_related("staff__position", "year")
        .order_by("staff__nip")
    )
    existing = set(Appraisal.objects.filter(skp__in=skps).values_list("skp_id", "period_id"))
    planned, todo = 0, []
    for skp in skps:
        name = run.by_pk[skp.staff_id].name
        steps = [(period, script.FINAL) for period in final_periods]
        if last is not None:
            steps.append((last, script.LAST_QUARTER.get(name, script.FINAL)))
        if running is not None and running != last and name in script.CURRENT_QUARTER:
            steps.append((running, None))
        for period, stage in steps:
            if stage != script.NOT_STARTED:
                planned += 1
                if (skp.pk, period.pk) not in existing:
                    todo.append((skp, name, period, stage))

    mains, written = {}, {}
    if todo:
        for rhk in Rhk.objects.filter(skp__in=skps, kind=RhkKind.MAIN).order_by("order", "pk"):
            mains.setdefault(rhk.skp_id, []).append(rhk)
    for skp, name, period, stage in todo:
        if stage is None:
            written[name, period.pk] = _begin_current(run, skp, period)
        else:
            share = Decimal(period.sequence) / count
            written[name, period.pk] = _appraise(run, skp, mains[skp.pk], period, stage, share)
    _after_final(run, written, final_periods)

    rows = (
        Appraisal.objects.filter(skp__in=skps)
        .values("status")
        .annotate(n=Count("pk", distinct=True), actions=Count("development_actions"))
    )
    summary.appraisal_statuses = Counter({row["status"]: row["n"] for row in rows})
    summary.add(Appraisal, rows=planned, created=len(written), updated=0)
    actions = sum(row["actions"] for row in rows)
    summary.add(DevelopmentAction, rows=actions, created=len(run.actions), updated=0)
    sync_feedback(run=run, periods=(last, running), summary=summary)
