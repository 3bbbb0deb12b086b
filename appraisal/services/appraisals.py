"""Writes to an appraisal: the self-assessment, the rater's assessment and the approval workflow.

    self-assessment → rater's assessment → submitted → final
                              ↑______ returned ______|

The staff member (or their rater, to go on without it) starts the appraisal once the period has
begun and the SKP is approved; the rater fills the form and submits it; the rater's superior (the
rater's own rater, or the agency's HR for a rater with no superior) returns or approves it. A final
appraisal changes only through an objection, decided by that superior.

Every save names the version its form was read at. A save over a newer version is refused with
who changed it and when, so a second browser never overwrites the first one's work. Every change
is recorded as an AppraisalEvent with what changed.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts.access import roles_of
from accounts.models import Staff
from accounts.selectors import rater_ids
from appraisal.models import (
    Appraisal,
    AppraisalEvent,
    AppraisalEventKind,
    AppraisalStatus,
    BehaviourNote,
    CompetencyAssessment,
    CoreValue,
    DailyReport,
    EvaluationPeriod,
    IndicatorAchievement,
    Objection,
    ObjectionStatus,
    PotentialSource,
    ResultRating,
    RhkKind,
    Skp,
    SkpStatus,
)
from appraisal.rules.competency import MAX_LEVEL, MIN_LEVEL, job_person_match, jpm_band
from appraisal.rules.ratings import Rating, predikat
from appraisal.rules.results import propose_results_rating
from appraisal.rules.talent import Potential, potential_from_jpm_band, talent_box
from appraisal.selectors.appraisals import (
    appraisal_standards,
    is_approver,
    is_rater,
    period_span,
)
from appraisal.selectors.appraisals import (
    is_owner as _is_owner,
)

_ACHIEVEMENT_LIMIT = Decimal("1000000000000")
_RATER_STAGES = (AppraisalStatus.SUPERVISOR_ASSESSMENT, AppraisalStatus.RETURNED)


def _refusal(message) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: message})


def _staff_of(user) -> Staff | None:
    return roles_of(user).staff


def _lock(appraisal: Appraisal, version: int | None = None) -> None:
    """Reads the appraisal again under a row lock, so that checks and derived values start from the
    row as stored rather than as the caller read it; refuses a form read at an older version."""
    appraisal.refresh_from_db(from_queryset=Appraisal.objects.select_for_update())
    if version is not None and int(version) != appraisal.version:
        last = appraisal.events.select_related("actor__staff").order_by("-at", "-pk").first()
        who = _("someone else")
        if last is not None:
            staff = getattr(last.actor, "staff", None)
            who = staff.name if staff else last.actor.get_full_name() or last.actor.get_username()
        when = date_format(timezone.localtime(last.at), "DATETIME_FORMAT") if last else ""
        raise _refusal(
            _(
                "This appraisal was changed by someone else (%(who)s, %(when)s) while you were editing. "
                "Your changes were not saved: reload the page to see theirs, then make yours again."
            )
            % {"who": who, "when": when}
        )


def _save(appraisal: Appraisal, fields) -> None:
    appraisal.version += 1
    appraisal.save(update_fields=[*fields, "version", "updated_at"])


def _record(appraisal, kind, by, *, comment="", changes=(), at=None) -> AppraisalEvent:
    return AppraisalEvent.objects.create(
        appraisal=appraisal,
        kind=kind,
        actor=by,
        at=at or timezone.now(),
        comment=comment,
        changes=list(changes),
    )


def _change(field, before, after, item="") -> dict:
    return {
        "field": field,
        "item": item,
        "from": "" if before is None else str(before),
        "to": "" if after is None else str(after),
    }


def _short(text) -> str:
    return Truncator(text).chars(60)


# --- Starting -----------------------------------------------------------------------------------------


def _start_error(skp: Skp, period: EvaluationPeriod | None, today: date) -> str | None:
    if skp.status != SkpStatus.APPROVED:
        return _("The SKP must be approved before its appraisal can start.")
    if not skp.year.is_open:
        return _("The performance year %(year)s is closed.") % {"year": skp.year.year}
    if period is not None:
        if period.year_id != skp.year_id:
            return _("This period belongs to another performance year.")
        if period.starts_on > today:
            return _("%(period)s has not begun yet.") % {"period": period.name}
        return None
    last = skp.year.periods.order_by("-sequence").first()
    if last is None or last.starts_on > today:
        return _("The annual appraisal starts with the last period of the year.")
    return None


def _reported_totals(skp: Skp, period: EvaluationPeriod | None) -> dict[int, Decimal]:
    start, end = period_span(skp.year, period)
    rows = (
        DailyReport.objects.filter(staff_id=skp.staff_id, date__range=(start, end), indicator__rhk__skp=skp)
        .values("indicator_id")
        .annotate(total=Sum("output_quantity"))
    )
    return {row["indicator_id"]: row["total"] for row in rows}


@transaction.atomic
def appraisal_start(*, skp: Skp, period: EvaluationPeriod | None, by, today: date | None = None) -> Appraisal:
    """Starts the appraisal with the achievements pre-filled from the daily reports of the period,
    a row for every work result, BerAKHLAK value and competency of the position's standard."""
    today = today or timezone.localdate()
    owner = skp.staff
    if not (_staff_of(by) and (_staff_of(by).pk == owner.pk or _staff_of(by).pk in rater_ids(owner))):
        raise _refusal(_("Only the staff member or their rater starts an appraisal."))
    if message := _start_error(skp, period, today):
        raise _refusal(message)
    try:
        with transaction.atomic():
            appraisal = Appraisal.objects.create(skp=skp, period=period)
    except IntegrityError as exc:
        raise _refusal(_("This appraisal has already been started; open it instead.")) from exc
    totals = _reported_totals(skp, period)
    indicators = [i for rhk in skp.results.prefetch_related("indicators") for i in rhk.indicators.all()]
    achievements = []
    for indicator in indicators:
        reported = totals.get(indicator.pk, Decimal("0")) if indicator.target_value is not None else None
        achievements.append(
            IndicatorAchievement(
                appraisal=appraisal, indicator=indicator, reported=reported, achieved=reported
            )
        )
    IndicatorAchievement.objects.bulk_create(achievements)
    ResultRating.objects.bulk_create(ResultRating(appraisal=appraisal, rhk=rhk) for rhk in skp.results.all())
    BehaviourNote.objects.bulk_create(
        BehaviourNote(appraisal=appraisal, value=value) for value in CoreValue.values
    )
    CompetencyAssessment.objects.bulk_create(
        CompetencyAssessment(appraisal=appraisal, competency=competency, standard_level=level)
        for competency, level in appraisal_standards(owner)
    )
    _record(appraisal, AppraisalEventKind.STARTED, by)
    return appraisal


# --- Self-assessment ------------------------------------------------------------------------------------


def _number(value, label) -> tuple[Decimal | None, str | None]:
    if value is None or value == "":
        return None, None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None, _("%(what)s: give a number.") % {"what": label}
    if not number.is_finite() or number < 0 or number >= _ACHIEVEMENT_LIMIT:
        return None, _("%(what)s: give a number of zero or more.") % {"what": label}
    if number != number.quantize(Decimal("0.01")):
        return None, _("%(what)s: use at most two decimals.") % {"what": label}
    return number, None


_url = URLValidator(schemes=["http", "https"])
_LINK_LENGTH = IndicatorAchievement._meta.get_field("evidence_link").max_length


@transaction.atomic
def self_assessment_save(
    *, appraisal: Appraisal, by, version: int, comment: str, achievements: Mapping[int, Mapping]
) -> Appraisal:
    """The staff member states what they achieved per indicator (indicator id → achieved number or
    text, reason, evidence link). A number other than the daily reports' total needs a reason."""
    _lock(appraisal, version)
    if not _is_owner(by, appraisal):
        raise _refusal(_("Only the staff member fills in their self-assessment."))
    if appraisal.status != AppraisalStatus.SELF_ASSESSMENT:
        raise _refusal(_("The self-assessment has been sent to the rater and can no longer change."))
    rows = {row.indicator_id: row for row in appraisal.achievements.select_related("indicator")}
    unknown = set(achievements) - set(rows)
    if unknown:
        raise _refusal(_("These indicators are not part of this appraisal."))
    problems, changes, changed = [], [], []
    for indicator_id, data in achievements.items():
        row = rows[indicator_id]
        label = _short(row.indicator.text)
        new = {
            "achieved_text": (data.get("achieved_text") or "").strip(),
            "change_reason": (data.get("change_reason") or "").strip(),
            "evidence_link": (data.get("evidence_link") or "").strip(),
        }
        if row.indicator.target_value is not None:
            number, message = _number(data.get("achieved"), label)
            if message:
                problems.append(message)
            new["achieved"] = number
            if (
                number is not None
                and row.reported is not None
                and number != row.reported
                and not new["change_reason"]
            ):
                problems.append(
                    _("%(what)s: say why the achievement differs from the daily reports' total (%(total)s).")
                    % {"what": label, "total": row.reported}
                )
        if len(new["evidence_link"]) > _LINK_LENGTH:
            problems.append(
                _("%(what)s: the evidence link is longer than %(max)s characters.")
                % {"what": label, "max": _LINK_LENGTH}
            )
        elif new["evidence_link"]:
            try:
                _url(new["evidence_link"])
            except ValidationError:
                problems.append(
                    _("%(what)s: the evidence link must start with http:// or https://.") % {"what": label}
                )
        row_changes = [
            _change(field, getattr(row, field), value, label)
            for field, value in new.items()
            if getattr(row, field) != value
        ]
        if row_changes:
            changes += row_changes
            for field, value in new.items():
                setattr(row, field, value)
            changed.append(row)
    if problems:
        raise _refusal(problems)
    IndicatorAchievement.objects.bulk_update(
        changed, ["achieved", "achieved_text", "change_reason", "evidence_link"]
    )
    comment = (comment or "").strip()
    if comment != appraisal.self_comment:
        changes.append(_change("self_comment", appraisal.self_comment, comment))
        appraisal.self_comment = comment
    if changes:
        _save(appraisal, ["self_comment"])
        _record(appraisal, AppraisalEventKind.SELF_SAVED, by, changes=changes)
    return appraisal


@transaction.atomic
def self_assessment_submit(*, appraisal: Appraisal, by, version: int, reason: str = "") -> Appraisal:
    """The staff member sends the self-assessment to the rater. The rater may also go on without it
    (a staff member away for the period), saying why."""
    _lock(appraisal, version)
    if appraisal.status != AppraisalStatus.SELF_ASSESSMENT:
        raise _refusal(_("The self-assessment has already been sent to the rater."))
    reason = (reason or "").strip()
    if _is_owner(by, appraisal):
        missing = [
            _short(row.indicator.text)
            for row in appraisal.achievements.select_related("indicator")
            if (row.achieved is None if row.indicator.target_value is not None else not row.achieved_text)
        ]
        if missing:
            raise _refusal([_("State your achievement for “%(what)s”.") % {"what": what} for what in missing])
    elif is_rater(by, appraisal):
        if not reason:
            raise ValidationError({"reason": _("Say why the appraisal goes on without the self-assessment.")})
    else:
        raise _refusal(_("Only the staff member sends their self-assessment."))
    now = timezone.now()
    appraisal.status, appraisal.self_submitted_at = AppraisalStatus.SUPERVISOR_ASSESSMENT, now
    _save(appraisal, ["status", "self_submitted_at"])
    _record(appraisal, AppraisalEventKind.SELF_SUBMITTED, by, comment=reason, at=now)
    return appraisal


# --- The rater's assessment -----------------------------------------------------------------------------


def _rating(value) -> str:
    return value if value in Rating.values else None


def _text(value) -> str:
    return (value or "").strip()


def _derive(appraisal: Appraisal, result_rows, competency_rows) -> None:
    """Proposal, predikat, JPM, band, potential and talent box from the ratings as they now stand."""
    main = [r.rating for r in result_rows if r.rating and r.rhk.kind == RhkKind.MAIN]
    extra = [r.rating for r in result_rows if r.rating and r.rhk.kind == RhkKind.ADDITIONAL]
    proposal = propose_results_rating(main, extra).rating
    appraisal.results_proposed = proposal.value if proposal else ""
    both = appraisal.results_rating and appraisal.behaviour_rating
    appraisal.predikat = predikat(appraisal.results_rating, appraisal.behaviour_rating).value if both else ""
    levels = {row.competency_id: row.level for row in competency_rows}
    if competency_rows and all(level is not None for level in levels.values()):
        standards = {row.competency_id: row.standard_level for row in competency_rows}
        appraisal.jpm = job_person_match(levels, standards)
        appraisal.jpm_band = jpm_band(appraisal.jpm).value
    else:
        appraisal.jpm, appraisal.jpm_band = None, ""
    if appraisal.potential_source != PotentialSource.HR:
        if appraisal.jpm_band:
            appraisal.potential = potential_from_jpm_band(appraisal.jpm_band).value
            appraisal.potential_source = PotentialSource.JPM
        else:
            appraisal.potential, appraisal.potential_source = "", ""
    _derive_box(appraisal)


def _derive_box(appraisal: Appraisal) -> None:
    ready = appraisal.potential and appraisal.results_rating
    appraisal.talent_box = talent_box(appraisal.results_rating, appraisal.potential) if ready else None


_DERIVED = ["results_proposed", "predikat", "jpm", "jpm_band", "potential", "potential_source", "talent_box"]
OVERALL_FIELDS = (
    "results_rating",
    "results_override_reason",
    "results_feedback",
    "behaviour_rating",
    "behaviour_feedback",
    "overall_feedback",
)


def _ensure_rater_stage(by, appraisal: Appraisal) -> None:
    if not is_rater(by, appraisal):
        raise _refusal(
            _("Only the rater of this staff member (the direct supervisor or their Plt/Plh) may do this.")
        )
    if appraisal.status == AppraisalStatus.SELF_ASSESSMENT:
        raise _refusal(_("The staff member has not sent the self-assessment yet."))
    if appraisal.status not in _RATER_STAGES:
        raise _refusal(_("This appraisal is no longer with the rater and cannot change."))


@transaction.atomic
def assessment_save(*, appraisal: Appraisal, by, version: int, data: Mapping) -> Appraisal:
    """The rater's form: `results` (RHK id → (rating, feedback)), `behaviour` (value → note),
    `competencies` (competency id → (level, evidence)) and the overall fields. Any part may be left
    empty while it is a draft; what is given must be on the scale, and every rating below
    expectations needs constructive feedback."""
    _lock(appraisal, version)
    _ensure_rater_stage(by, appraisal)
    problems, changes = [], []
    result_rows = list(appraisal.result_ratings.select_related("rhk"))
    notes = {row.value: row for row in appraisal.behaviour_notes.all()}
    competency_rows = list(appraisal.competency_levels.select_related("competency"))

    changed_results = []
    given = data.get("results", {})
    if set(given) - {row.rhk_id for row in result_rows}:
        raise _refusal(_("These work results are not part of this appraisal."))
    for row in result_rows:
        if row.rhk_id not in given:
            continue
        rating, feedback = given[row.rhk_id]
        rating, feedback = rating or "", _text(feedback)
        label = _short(row.rhk.text)
        if rating and _rating(rating) is None:
            problems.append(_("%(what)s: choose above, meets or below expectations.") % {"what": label})
            continue
        if rating == Rating.BELOW and not feedback:
            problems.append(
                _("%(what)s is below expectations: write feedback on how to improve.") % {"what": label}
            )
        if (row.rating, row.feedback) != (rating, feedback):
            if row.rating != rating:
                changes.append(_change("rating", row.rating, rating, label))
            if row.feedback != feedback:
                changes.append(_change("feedback", row.feedback, feedback, label))
            row.rating, row.feedback = rating, feedback
            changed_results.append(row)

    changed_notes = []
    given = data.get("behaviour", {})
    if set(given) - set(notes):
        raise _refusal(_("Unknown core value."))
    for value, note in given.items():
        note = _text(note)
        if notes[value].note != note:
            changes.append(_change("note", notes[value].note, note, value))
            notes[value].note = note
            changed_notes.append(notes[value])

    changed_levels = []
    given = data.get("competencies", {})
    if set(given) - {row.competency_id for row in competency_rows}:
        raise _refusal(_("These competencies are not part of this appraisal."))
    for row in competency_rows:
        if row.competency_id not in given:
            continue
        level, evidence = given[row.competency_id]
        evidence = _text(evidence)
        if level in ("", None):
            level = None
        elif isinstance(level, bool) or not isinstance(level, int) or not MIN_LEVEL <= level <= MAX_LEVEL:
            problems.append(
                _("%(what)s: the level must be a whole number from %(min)s to %(max)s.")
                % {"what": row.competency.name, "min": MIN_LEVEL, "max": MAX_LEVEL}
            )
            continue
        if (row.level, row.evidence) != (level, evidence):
            if row.level != level:
                changes.append(_change("level", row.level, level, row.competency.name))
            if row.evidence != evidence:
                changes.append(_change("evidence", row.evidence, evidence, row.competency.name))
            row.level, row.evidence = level, evidence
            changed_levels.append(row)

    before = {field: getattr(appraisal, field) for field in (*OVERALL_FIELDS, *_DERIVED)}
    for field in OVERALL_FIELDS:
        if field in data:
            value = data[field] or ""
            value = value if field.endswith("_rating") else _text(value)
            if field.endswith("_rating") and value and _rating(value) is None:
                problems.append(_("Choose above, meets or below expectations."))
                continue
            setattr(appraisal, field, value)
    if problems:
        raise _refusal(problems)
    _derive(appraisal, result_rows, competency_rows)
    problems = overall_problems(appraisal)
    if problems:
        raise _refusal(problems)

    ResultRating.objects.bulk_update(changed_results, ["rating", "feedback"])
    BehaviourNote.objects.bulk_update(changed_notes, ["note"])
    CompetencyAssessment.objects.bulk_update(changed_levels, ["level", "evidence"])
    for field, old in before.items():
        if getattr(appraisal, field) != old:
            changes.append(_change(field, old, getattr(appraisal, field)))
    if changes:
        appraisal.rater = _staff_of(by)
        _save(appraisal, [*OVERALL_FIELDS, *_DERIVED, "rater"])
        _record(appraisal, AppraisalEventKind.ASSESSMENT_SAVED, by, changes=changes)
    return appraisal


def overall_problems(appraisal: Appraisal) -> list[str]:
    """What is wrong with the overall ratings as they stand (also for a draft)."""
    problems = []
    if appraisal.results_rating == Rating.BELOW and not appraisal.results_feedback:
        problems.append(_("The results are below expectations: write feedback on how to improve them."))
    if appraisal.behaviour_rating == Rating.BELOW and not appraisal.behaviour_feedback:
        problems.append(_("The behaviour is below expectations: write feedback on how to improve it."))
    if (
        appraisal.results_rating
        and appraisal.results_rating != appraisal.results_proposed
        and not appraisal.results_override_reason
    ):
        proposed = Rating(appraisal.results_proposed).label if appraisal.results_proposed else _("none yet")
        problems.append(
            _("The proposed results rating is %(proposed)s: choose it, or say why you rate otherwise.")
            % {"proposed": proposed}
        )
    return problems


def completeness_problems(appraisal: Appraisal) -> list[str]:
    """What is still missing before the rater can submit, as readable sentences."""
    problems = [
        _("Rate the work result “%(what)s”.") % {"what": _short(row.rhk.text)}
        for row in appraisal.result_ratings.select_related("rhk")
        if not row.rating
    ]
    problems += [
        _("Assess the level of %(what)s.") % {"what": row.competency.name}
        for row in appraisal.competency_levels.select_related("competency")
        if row.level is None
    ]
    if not appraisal.results_rating:
        problems.append(_("Choose the overall results rating."))
    if not appraisal.behaviour_rating:
        problems.append(_("Choose the overall behaviour rating."))
    return problems + overall_problems(appraisal)


@transaction.atomic
def assessment_submit(*, appraisal: Appraisal, by, version: int) -> Appraisal:
    """The rater submits the complete assessment to their superior for approval."""
    _lock(appraisal, version)
    _ensure_rater_stage(by, appraisal)
    appraisal.refresh_from_db()
    if problems := completeness_problems(appraisal):
        raise _refusal(problems)
    now = timezone.now()
    appraisal.status, appraisal.submitted_at, appraisal.rater = AppraisalStatus.SUBMITTED, now, _staff_of(by)
    _save(appraisal, ["status", "submitted_at", "rater"])
    _record(appraisal, AppraisalEventKind.SUBMITTED, by, at=now)
    return appraisal


# --- Approval ---------------------------------------------------------------------------------------------


def _ensure_approver(by, appraisal: Appraisal) -> None:
    if _is_owner(by, appraisal):
        raise _refusal(_("Nobody approves their own appraisal."))
    if appraisal.rater_id is not None and getattr(_staff_of(by), "pk", None) == appraisal.rater_id:
        raise _refusal(_("The rater's superior approves the appraisal, not the rater."))
    if not is_approver(by, appraisal):
        raise _refusal(_("Only the rater's superior may approve or return this appraisal."))


@transaction.atomic
def appraisal_return(*, appraisal: Appraisal, by, comment: str) -> Appraisal:
    _lock(appraisal)
    _ensure_approver(by, appraisal)
    if appraisal.status != AppraisalStatus.SUBMITTED:
        raise _refusal(_("Only a submitted appraisal can be returned or approved."))
    comment = _text(comment)
    if not comment:
        raise ValidationError({"comment": _("Say what the rater should change.")})
    appraisal.status = AppraisalStatus.RETURNED
    _save(appraisal, ["status"])
    _record(appraisal, AppraisalEventKind.RETURNED, by, comment=comment)
    return appraisal


@transaction.atomic
def appraisal_approve(*, appraisal: Appraisal, by, comment: str = "") -> Appraisal:
    _lock(appraisal)
    _ensure_approver(by, appraisal)
    if appraisal.status != AppraisalStatus.SUBMITTED:
        raise _refusal(_("Only a submitted appraisal can be returned or approved."))
    now = timezone.now()
    appraisal.status, appraisal.approved_at = AppraisalStatus.FINAL, now
    appraisal.approved_by = by
    _save(appraisal, ["status", "approved_at", "approved_by"])
    _record(appraisal, AppraisalEventKind.APPROVED, by, comment=_text(comment), at=now)
    return appraisal


# --- Objection (keberatan) -----------------------------------------------------------------------------


def objection_deadline(appraisal: Appraisal) -> date | None:
    if appraisal.approved_at is None:
        return None
    return timezone.localdate(appraisal.approved_at) + timedelta(days=appraisal.skp.year.objection_days)


@transaction.atomic
def objection_file(*, appraisal: Appraisal, by, reason: str, today: date | None = None) -> Objection:
    today = today or timezone.localdate()
    _lock(appraisal)
    if not _is_owner(by, appraisal):
        raise _refusal(_("Only the staff member may object to their appraisal."))
    if appraisal.status != AppraisalStatus.FINAL:
        raise _refusal(_("An objection can be filed once the appraisal is final."))
    if Objection.objects.filter(appraisal=appraisal).exists():
        raise _refusal(_("You have already filed an objection to this appraisal."))
    if today > objection_deadline(appraisal):
        raise _refusal(
            _("The objection period ended on %(date)s.")
            % {"date": date_format(objection_deadline(appraisal), "DATE_FORMAT")}
        )
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say what you object to and why.")})
    now = timezone.now()
    objection = Objection.objects.create(appraisal=appraisal, reason=reason, filed_at=now)
    _save(appraisal, [])
    _record(appraisal, AppraisalEventKind.OBJECTION_FILED, by, comment=reason, at=now)
    return objection


@transaction.atomic
def objection_decide(
    *,
    appraisal: Appraisal,
    by,
    grant: bool,
    decision: str,
    results_rating: str = "",
    behaviour_rating: str = "",
    feedback: str = "",
) -> Objection:
    """The rater's superior rejects the objection, or grants it with new overall ratings."""
    _lock(appraisal)
    objection = Objection.objects.select_for_update().filter(appraisal=appraisal).first()
    if objection is None or not objection.is_pending:
        raise _refusal(_("There is no objection waiting for a decision."))
    if not is_approver(by, appraisal):
        raise _refusal(_("Only the rater's superior decides on the objection."))
    decision = _text(decision)
    errors = {}
    if not decision:
        errors["decision"] = _("Explain the decision to the staff member.")
    changes = []
    if grant:
        for field, value in (("results_rating", results_rating), ("behaviour_rating", behaviour_rating)):
            if _rating(value) is None:
                errors[field] = _("Choose above, meets or below expectations.")
        if not errors:
            before = {
                f: getattr(appraisal, f)
                for f in ["results_rating", "behaviour_rating", "predikat", "talent_box"]
            }
            appraisal.results_rating, appraisal.behaviour_rating = results_rating, behaviour_rating
            feedback = _text(feedback)
            for field, rating in (
                ("results_feedback", results_rating),
                ("behaviour_feedback", behaviour_rating),
            ):
                if rating == Rating.BELOW and not getattr(appraisal, field):
                    if not feedback:
                        errors["feedback"] = _(
                            "A rating below expectations needs feedback on how to improve."
                        )
                    setattr(appraisal, field, feedback)
            if appraisal.results_rating != appraisal.results_proposed:
                appraisal.results_override_reason = decision
            appraisal.predikat = predikat(appraisal.results_rating, appraisal.behaviour_rating).value
            _derive_box(appraisal)
            changes = [
                _change(f, old, getattr(appraisal, f))
                for f, old in before.items()
                if getattr(appraisal, f) != old
            ]
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    objection.status = ObjectionStatus.GRANTED if grant else ObjectionStatus.REJECTED
    objection.decision, objection.decided_by, objection.decided_at = decision, by, now
    objection.save(update_fields=["status", "decision", "decided_by", "decided_at"])
    _save(
        appraisal,
        [
            "results_rating",
            "behaviour_rating",
            "results_feedback",
            "behaviour_feedback",
            "results_override_reason",
            "predikat",
            "talent_box",
        ],
    )
    _record(appraisal, AppraisalEventKind.OBJECTION_DECIDED, by, comment=decision, changes=changes, at=now)
    return objection


# --- Potential entered by HR ----------------------------------------------------------------------------


@transaction.atomic
def potential_set(*, appraisal: Appraisal, by, potential: str, note: str) -> Appraisal:
    """HR enters the potential (from an assessment centre, say) instead of the JPM band; an empty
    potential goes back to the JPM band."""
    _lock(appraisal)
    if not roles_of(by).administers(appraisal.skp.staff.agency_id):
        raise _refusal(_("Only the agency's HR enters a potential."))
    note = _text(note)
    before = (appraisal.potential, appraisal.talent_box)
    if potential:
        if potential not in Potential.values:
            raise ValidationError({"potential": _("Choose high, medium or low.")})
        if not note:
            raise ValidationError({"note": _("Say where this potential comes from.")})
        appraisal.potential, appraisal.potential_source = potential, PotentialSource.HR
    elif appraisal.jpm_band:
        appraisal.potential = potential_from_jpm_band(appraisal.jpm_band).value
        appraisal.potential_source = PotentialSource.JPM
    else:
        appraisal.potential, appraisal.potential_source = "", ""
    appraisal.potential_note = note
    _derive_box(appraisal)
    _save(appraisal, ["potential", "potential_source", "potential_note", "talent_box"])
    changes = [
        _change(field, old, new)
        for field, old, new in zip(
            ("potential", "talent_box"), before, (appraisal.potential, appraisal.talent_box), strict=True
        )
        if old != new
    ]
    _record(appraisal, AppraisalEventKind.POTENTIAL_SET, by, comment=note, changes=changes)
    return appraisal
