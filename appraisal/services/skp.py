"""Writes to the SKP (performance plan): its results, indicators, annex, expectations and workflow.

The owner writes the plan while it is a draft or returned; the rater (the direct supervisor or the
official acting for them) writes the leader's expectations, returns the plan with a comment or
approves it. An approved plan changes only through a revision, which keeps the approved content in
the history. Every workflow step is recorded as an SkpEvent.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, ProtectedError, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts.models import ActingAssignment, Staff
from accounts.selectors import rater_ids
from appraisal.models import (
    AgencyGoal,
    Aspect,
    BehaviourExpectation,
    CoreValue,
    DailyReport,
    Indicator,
    PerformanceYear,
    Rhk,
    RhkKind,
    Skp,
    SkpApproach,
    SkpEvent,
    SkpEventKind,
    SkpStatus,
)
from appraisal.selectors.skp import skp_snapshot

# The largest target DecimalField(max_digits=14, decimal_places=2) holds.
_TARGET_LIMIT = Decimal("1000000000000")


@dataclass
class HandDown:
    """What rhk_assign_to_subordinates did: results created, plans started, subordinates skipped."""

    created: list[Rhk] = field(default_factory=list)
    started: list[Skp] = field(default_factory=list)
    locked: list[Staff] = field(default_factory=list)
    already_linked: list[Staff] = field(default_factory=list)


def edit_refusal(skp: Skp) -> str | None:
    """Why the plan's content cannot change now, or None while it is a draft or returned."""
    if skp.status == SkpStatus.APPROVED:
        return _("Approved plans change only through a revision.")
    if skp.status == SkpStatus.SUBMITTED:
        return _("This plan is waiting for the rater's decision; it can change again once it is returned.")
    return None


def _refusal(message) -> ValidationError:
    """A refusal of the whole request (not of one field): one message or a list of them."""
    return ValidationError({NON_FIELD_ERRORS: message})


def _staff_id(user) -> int | None:
    return Staff.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()


def _lock(skp: Skp) -> None:
    """Reads the status again under a row lock, so two requests cannot both pass a status check."""
    skp.status, skp.revision = (
        Skp.objects.select_for_update().filter(pk=skp.pk).values_list("status", "revision").get()
    )


def _ensure_editable(skp: Skp) -> None:
    _lock(skp)
    if message := edit_refusal(skp):
        raise _refusal(message)


def _touch(skp: Skp) -> None:
    skp.save(update_fields=["updated_at"])


def _is_rater(user, skp: Skp) -> bool:
    own = _staff_id(user)
    return own is not None and own != skp.staff_id and own in rater_ids(skp.staff)


def _ensure_rater(user, skp: Skp) -> None:
    if not _is_rater(user, skp):
        raise _refusal(_("Only the rater of this plan (the direct supervisor or their Plt/Plh) may do this."))


def _event(skp: Skp, kind: str, by, *, at=None, comment: str = "", snapshot=None) -> SkpEvent:
    return SkpEvent.objects.create(
        skp=skp,
        kind=kind,
        actor=by,
        at=at or timezone.now(),
        comment=comment,
        revision=skp.revision,
        snapshot=snapshot,
    )


def _short(text: str) -> str:
    return Truncator(text).chars(60)


# --- Starting a plan -------------------------------------------------------------------------------


def _year_error(year: PerformanceYear, staff: Staff) -> str | None:
    if year.agency_id != staff.agency_id:
        return _("This performance year belongs to another agency.")
    if not year.is_open:
        return _("The performance year %(year)s is closed.") % {"year": year.year}
    return None


def _already(year: PerformanceYear) -> str:
    return _("There is already an SKP for %(year)s; open it instead of starting another.") % {
        "year": year.year
    }


def _seed_expectations(skps: Iterable[Skp]) -> None:
    BehaviourExpectation.objects.bulk_create(
        [BehaviourExpectation(skp=skp, value=value) for skp in skps for value in CoreValue.values]
    )


@transaction.atomic
def skp_start(*, staff: Staff, year: PerformanceYear, approach: str = SkpApproach.QUANTITATIVE) -> Skp:
    """Starts the staff member's plan for the year, with the direct supervisor as rater."""
    errors = {}
    if approach not in SkpApproach.values:
        errors["approach"] = _("Choose the quantitative or the qualitative approach.")
    if message := _year_error(year, staff):
        errors["year"] = message
    elif not staff.is_active:
        errors["staff"] = _("Only active staff have a performance plan.")
    elif Skp.objects.filter(staff=staff, year=year).exists():
        errors["year"] = _already(year)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            skp = Skp.objects.create(staff=staff, year=year, approach=approach, rater_id=staff.supervisor_id)
    except IntegrityError as exc:  # another request started it a moment ago
        raise ValidationError({"year": _already(year)}) from exc
    _seed_expectations([skp])
    return skp


# --- Work results (RHK) ----------------------------------------------------------------------------


def _rhk_fields(skp: Skp, *, kind: str, text: str, supports: Rhk | None, goal: AgencyGoal | None) -> dict:
    """The cleaned fields of a result, or a ValidationError naming what is wrong."""
    errors = {}
    text = (text or "").strip()
    if kind not in RhkKind.values:
        errors["kind"] = _("Choose whether the result is main or additional.")
    if not text:
        errors["text"] = _("Describe the work result.")
    if supports is not None and goal is not None:
        errors["goal"] = _("Link the result either to a superior's result or to an agency goal, not both.")
    elif supports is not None:
        in_plan = Rhk.objects.filter(
            pk=supports.pk, skp__year_id=skp.year_id, skp__staff_id__in=rater_ids(skp.staff)
        ).exclude(skp=skp)
        if not in_plan.exists():
            errors["supports"] = _("This result is not in your supervisor's plan for %(year)s.") % {
                "year": skp.year.year
            }
    elif goal is not None:
        if skp.staff.supervisor_id is not None:
            errors["goal"] = _(
                "Only the head of the agency links a result straight to an agency goal; "
                "link it to a result of your supervisor instead."
            )
        elif goal.year_id != skp.year_id:
            errors["goal"] = _("This goal belongs to another performance year.")
    if errors:
        raise ValidationError(errors)
    return {"kind": kind, "text": text, "supports": supports, "goal": goal}


@transaction.atomic
def rhk_add(
    *,
    skp: Skp,
    kind: str,
    text: str,
    supports: Rhk | None = None,
    goal: AgencyGoal | None = None,
) -> Rhk:
    """Adds a work result; it supports a result of the rater's plan (or, for the head, an agency goal)."""
    _ensure_editable(skp)
    fields = _rhk_fields(skp, kind=kind, text=text, supports=supports, goal=goal)
    last = skp.results.aggregate(last=Max("order"))["last"] or 0
    rhk = Rhk.objects.create(skp=skp, order=last + 1, **fields)
    _touch(skp)
    return rhk


@transaction.atomic
def rhk_update(
    *,
    rhk: Rhk,
    kind: str,
    text: str,
    supports: Rhk | None = None,
    goal: AgencyGoal | None = None,
) -> Rhk:
    skp = rhk.skp
    _ensure_editable(skp)
    fields = _rhk_fields(skp, kind=kind, text=text, supports=supports, goal=goal)
    for name, value in fields.items():
        setattr(rhk, name, value)
    rhk.save(update_fields=list(fields))
    _touch(skp)
    return rhk


@transaction.atomic
def rhk_remove(*, rhk: Rhk) -> None:
    """Removes a result with its indicators, unless team results or daily reports depend on it."""
    skp = rhk.skp
    _ensure_editable(skp)
    if rhk.supported_by.exists():
        raise _refusal(
            _(
                "Results in your team's plans support this result. They must link to another "
                "result before this one can be removed."
            )
        )
    if DailyReport.objects.filter(Q(rhk=rhk) | Q(indicator__rhk=rhk)).exists():
        raise _refusal(_("Daily reports were written against this result, so it cannot be removed."))
    try:
        with transaction.atomic():
            rhk.delete()
    except ProtectedError as exc:
        raise _refusal(_("Other records depend on this result, so it cannot be removed.")) from exc
    _touch(skp)


# --- Indicators (IKI) and their targets ------------------------------------------------------------


def _target_value_error(value) -> tuple[Decimal | None, str | None]:
    if value is None or value == "":
        return None, _("Give the target as a number above zero.")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None, _("Give the target as a number above zero.")
    if not number.is_finite() or number <= 0:
        return None, _("Give the target as a number above zero.")
    if number >= _TARGET_LIMIT:
        return None, _("The target is too large.")
    if number != number.quantize(Decimal("0.01")):
        return None, _("Use at most two decimals.")
    return number, None


def _indicator_fields(
    skp: Skp, *, text: str, aspect: str, target_value, target_unit: str, target_text: str
) -> dict:
    """Quantitative plans give aspect, value and unit; qualitative plans give the target as text."""
    errors = {}
    text = (text or "").strip()
    if not text:
        errors["text"] = _("Describe the indicator.")
    if skp.approach == SkpApproach.QUANTITATIVE:
        if aspect not in Aspect.values:
            errors["aspect"] = _("Choose the aspect: quantity, quality, time or cost.")
        number, message = _target_value_error(target_value)
        if message:
            errors["target_value"] = message
        unit = (target_unit or "").strip()
        if not unit:
            errors["target_unit"] = _("Give the unit of the target, for example documents or percent.")
        fields = {"aspect": aspect, "target_value": number, "target_unit": unit, "target_text": ""}
    else:
        target = (target_text or "").strip()
        if not target:
            errors["target_text"] = _("Describe the target.")
        fields = {"aspect": "", "target_value": None, "target_unit": "", "target_text": target}
    if errors:
        raise ValidationError(errors)
    return {"text": text, **fields}


@transaction.atomic
def indicator_add(
    *,
    rhk: Rhk,
    text: str,
    aspect: str = "",
    target_value: Decimal | None = None,
    target_unit: str = "",
    target_text: str = "",
) -> Indicator:
    skp = rhk.skp
    _ensure_editable(skp)
    fields = _indicator_fields(
        skp,
        text=text,
        aspect=aspect,
        target_value=target_value,
        target_unit=target_unit,
        target_text=target_text,
    )
    indicator = Indicator.objects.create(rhk=rhk, **fields)
    _touch(skp)
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    text: str,
    aspect: str = "",
    target_value: Decimal | None = None,
    target_unit: str = "",
    target_text: str = "",
) -> Indicator:
    skp = indicator.rhk.skp
    _ensure_editable(skp)
    fields = _indicator_fields(
        skp,
        text=text,
        aspect=aspect,
        target_value=target_value,
        target_unit=target_unit,
        target_text=target_text,
    )
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.save(update_fields=list(fields))
    _touch(skp)
    return indicator


@transaction.atomic
def indicator_remove(*, indicator: Indicator) -> None:
    skp = indicator.rhk.skp
    _ensure_editable(skp)
    if indicator.reports.exists():
        raise _refusal(_("Daily reports were written against this indicator, so it cannot be removed."))
    indicator.delete()
    _touch(skp)


# --- Behaviour expectations and annex --------------------------------------------------------------


@transaction.atomic
def expectation_update(*, skp: Skp, by, expectations: Mapping[str, str]) -> None:
    """The rater writes the leader's expectation for BerAKHLAK values (value → text).

    The rater writes them while the plan is drafted or while it waits for their decision; once the
    plan is approved they change only through a revision, like the rest of it.
    """
    _lock(skp)
    _ensure_rater(by, skp)
    if skp.status == SkpStatus.APPROVED:
        raise _refusal(edit_refusal(skp))
    unknown = sorted(set(expectations) - set(CoreValue.values))
    if unknown:
        raise _refusal(_("Unknown core value: %(values)s.") % {"values": ", ".join(unknown)})
    rows = {row.value: row for row in skp.expectations.all()}
    changed, missing = [], []
    for value, text in expectations.items():
        text = (text or "").strip()
        if value not in rows:
            missing.append(BehaviourExpectation(skp=skp, value=value, expectation=text))
        elif rows[value].expectation != text:
            rows[value].expectation = text
            changed.append(rows[value])
    BehaviourExpectation.objects.bulk_update(changed, ["expectation"])
    BehaviourExpectation.objects.bulk_create(missing)
    _touch(skp)


@transaction.atomic
def skp_update_annex(
    *, skp: Skp, resource_support: str, accountability_scheme: str, consequences: str
) -> Skp:
    """Lampiran: resource support, accountability scheme and consequences (free text)."""
    _ensure_editable(skp)
    skp.resource_support = (resource_support or "").strip()
    skp.accountability_scheme = (accountability_scheme or "").strip()
    skp.consequences = (consequences or "").strip()
    skp.save(update_fields=["resource_support", "accountability_scheme", "consequences", "updated_at"])
    return skp


# --- Workflow ---------------------------------------------------------------------------------------


def _completeness_problems(skp: Skp, raters: set[int]) -> list[str]:
    """What is missing before the plan can go to the rater, as readable sentences."""
    problems = []
    if not raters:
        problems.append(
            _("No supervisor is recorded for you, so nobody can approve this plan. Please ask HR.")
        )
    results = list(skp.results.select_related("supports__skp").annotate(indicator_count=Count("indicators")))
    main = [r for r in results if r.kind == RhkKind.MAIN]
    if not main:
        problems.append(_("Add at least one main work result."))
    has_supervisor = skp.staff.supervisor_id is not None
    for rhk in main:
        if rhk.indicator_count == 0:
            problems.append(
                _("Main result “%(text)s” needs at least one indicator with its target.")
                % {"text": _short(rhk.text)}
            )
        if has_supervisor and rhk.supports_id is None:
            problems.append(
                _("Main result “%(text)s” is not linked to a result of your supervisor.")
                % {"text": _short(rhk.text)}
            )
        if not has_supervisor and rhk.goal_id is None:
            problems.append(
                _("Main result “%(text)s” is not linked to an agency goal.") % {"text": _short(rhk.text)}
            )
    for rhk in results:
        source = rhk.supports
        if source is not None and (source.skp.staff_id not in raters or source.skp.year_id != skp.year_id):
            problems.append(
                _("“%(text)s” supports a result that is no longer in your supervisor's plan; link it again.")
                % {"text": _short(rhk.text)}
            )
    return problems


@transaction.atomic
def skp_submit(*, skp: Skp, by) -> Skp:
    """The owner sends a complete draft (or a returned plan) to the rater."""
    _lock(skp)
    if _staff_id(by) != skp.staff_id:
        raise _refusal(_("Only the owner of the plan submits it."))
    if skp.status == SkpStatus.SUBMITTED:
        raise _refusal(_("This plan was already submitted and waits for the rater's decision."))
    if skp.status == SkpStatus.APPROVED:
        raise _refusal(edit_refusal(skp))
    raters = rater_ids(skp.staff)
    if problems := _completeness_problems(skp, raters):
        raise _refusal(problems)
    now = timezone.now()
    skp.status, skp.submitted_at = SkpStatus.SUBMITTED, now
    skp.rater_id = skp.staff.supervisor_id  # the supervisor of today, should the staff have moved
    skp.save(update_fields=["status", "submitted_at", "rater", "updated_at"])
    _event(skp, SkpEventKind.SUBMITTED, by, at=now)
    return skp


def _ensure_submitted(skp: Skp) -> None:
    if skp.status != SkpStatus.SUBMITTED:
        raise _refusal(_("Only a submitted plan can be returned or approved."))


@transaction.atomic
def skp_return(*, skp: Skp, by, comment: str) -> Skp:
    """The rater sends the plan back to the owner, saying what should change."""
    _lock(skp)
    _ensure_rater(by, skp)
    _ensure_submitted(skp)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what should change before the plan can be approved.")})
    skp.status = SkpStatus.RETURNED
    skp.save(update_fields=["status", "updated_at"])
    _event(skp, SkpEventKind.RETURNED, by, comment=comment)
    return skp


@transaction.atomic
def skp_approve(*, skp: Skp, by) -> Skp:
    """The rater approves; the history keeps the approved content as it stands now."""
    _lock(skp)
    _ensure_rater(by, skp)
    _ensure_submitted(skp)
    now = timezone.now()
    skp.status, skp.approved_at = SkpStatus.APPROVED, now
    skp.save(update_fields=["status", "approved_at", "updated_at"])
    _event(skp, SkpEventKind.APPROVED, by, at=now, snapshot=skp_snapshot(skp))
    return skp


@transaction.atomic
def skp_open_revision(*, skp: Skp, by, reason: str) -> Skp:
    """Opens an approved plan for change: it becomes a draft of the next revision."""
    _lock(skp)
    if _staff_id(by) != skp.staff_id and not _is_rater(by, skp):
        raise _refusal(_("Only the owner of the plan or their rater may open a revision."))
    if skp.status != SkpStatus.APPROVED:
        raise _refusal(_("Only an approved plan needs a revision; this one can still be changed."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the approved plan must change.")})
    skp.status, skp.revision, skp.submitted_at = SkpStatus.DRAFT, skp.revision + 1, None
    skp.save(update_fields=["status", "revision", "submitted_at", "updated_at"])
    _event(skp, SkpEventKind.REVISION, by, comment=reason)
    return skp


# --- Handing a result down the cascade --------------------------------------------------------------


def _led_supervisor_ids(staff_id: int) -> set[int]:
    """Supervisor ids whose direct reports this official rates today: their own, and whom they act for."""
    acting = ActingAssignment.objects.current().filter(acting_id=staff_id)
    return {staff_id, *acting.values_list("replaces_id", flat=True)}


def _names(staff: Iterable[Staff]) -> str:
    return ", ".join(s.name for s in staff)


@transaction.atomic
def rhk_assign_to_subordinates(
    *,
    source_rhk: Rhk,
    subordinates: Iterable[Staff],
    text: str | None = None,
    kind: str = RhkKind.MAIN,
    by,
) -> HandDown:
    """Hands one of the supervisor's results down to direct reports, as a supporting result in each plan.

    Plans are started as drafts where none exists; subordinates whose plan is submitted or approved,
    or already holds a result supporting this one, are skipped and reported. The number of queries
    does not depend on the number of subordinates.
    """
    source_skp = source_rhk.skp
    owner_id = source_skp.staff_id
    if _staff_id(by) != owner_id:
        raise _refusal(_("Only the owner of this result may hand it down."))
    people = list({s.pk: s for s in subordinates}.values())
    errors = {}
    if kind not in RhkKind.values:
        errors["kind"] = _("Choose whether the result is main or additional.")
    if message := _year_error(source_skp.year, source_skp.staff):
        errors["source_rhk"] = message
    led = _led_supervisor_ids(owner_id)
    strangers = [s for s in people if s.supervisor_id not in led or s.pk == owner_id]
    inactive = [s for s in people if s.is_active is False]
    if not people:
        errors["subordinates"] = _("Choose at least one subordinate.")
    elif strangers:
        errors["subordinates"] = _("Not your direct reports: %(names)s.") % {"names": _names(strangers)}
    elif inactive:
        errors["subordinates"] = _("No longer active: %(names)s.") % {"names": _names(inactive)}
    if errors:
        raise ValidationError(errors)
    text = (text or "").strip() or source_rhk.text
    year = source_skp.year

    plans = {
        skp.staff_id: skp
        for skp in Skp.objects.select_for_update().filter(year=year, staff_id__in=[s.pk for s in people])
    }
    result = HandDown(locked=[s for s in people if s.pk in plans and not plans[s.pk].is_editable])
    editable = [plans[s.pk] for s in people if s.pk in plans and plans[s.pk].is_editable]
    try:
        with transaction.atomic():
            result.started = Skp.objects.bulk_create(
                [Skp(staff=s, year=year, rater_id=s.supervisor_id) for s in people if s.pk not in plans]
            )
    except IntegrityError as exc:
        raise _refusal(_("Someone changed these plans at the same moment. Please try again.")) from exc
    _seed_expectations(result.started)

    linked = set(Rhk.objects.filter(skp__in=editable, supports=source_rhk).values_list("skp_id", flat=True))
    last = dict(
        Rhk.objects.filter(skp__in=editable)
        .values("skp")
        .annotate(last=Max("order"))
        .values_list("skp", "last")
    )
    targets = [skp for skp in editable if skp.pk not in linked] + result.started
    by_plan = {skp.pk: s for s in people for skp in [plans.get(s.pk)] if skp is not None}
    result.already_linked = [by_plan[pk] for pk in linked]
    result.created = Rhk.objects.bulk_create(
        [
            Rhk(skp=skp, kind=kind, text=text, supports=source_rhk, order=(last.get(skp.pk) or 0) + 1)
            for skp in targets
        ]
    )
    Skp.objects.filter(pk__in=[skp.pk for skp in targets]).update(updated_at=timezone.now())
    return result
