"""Writes to the development plan that follows an appraisal.

The rater proposes actions from the agency's catalogue, each aimed at a competency gap or at a work
result below expectations (or at the person's development in general), with dates. The staff member
agrees to an action, after which its dates are fixed and both report progress on it.
"""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import roles_of
from appraisal.models import (
    ActionStatus,
    Appraisal,
    AppraisalEventKind,
    AppraisalStatus,
    DevelopmentAction,
    DevelopmentActivity,
)
from appraisal.selectors.appraisals import is_owner, is_rater

# Actions are planned within the next two years; anything further is a typing mistake.
_HORIZON_DAYS = 730


def _refusal(message) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: message})


def _record(appraisal, by, comment, changes=()):
    appraisal.events.create(
        kind=AppraisalEventKind.PLAN_CHANGED,
        actor=by,
        at=timezone.now(),
        comment=comment,
        changes=list(changes),
    )


def _ensure_planner(by, appraisal: Appraisal) -> None:
    if not is_rater(by, appraisal):
        raise _refusal(_("Only the rater of this staff member proposes development actions."))
    if appraisal.status == AppraisalStatus.SELF_ASSESSMENT:
        raise _refusal(_("The development plan starts with the rater's assessment."))


@transaction.atomic
def action_add(
    *,
    appraisal: Appraisal,
    by,
    activity: DevelopmentActivity,
    aim: str,
    starts_on: date,
    due_on: date,
    competency_id: int | None = None,
    rhk_id: int | None = None,
) -> DevelopmentAction:
    _ensure_planner(by, appraisal)
    errors = {}
    agency_id = appraisal.skp.staff.agency_id
    if not DevelopmentActivity.objects.for_agency(agency_id).active().filter(pk=activity.pk).exists():
        errors["activity"] = _("Choose an activity the agency's catalogue offers.")
    aim = (aim or "").strip()
    if not aim:
        errors["aim"] = _("Say what the action should improve.")
    if due_on < starts_on:
        errors["due_on"] = _("The due date cannot be before the start.")
    elif (due_on - timezone.localdate()).days > _HORIZON_DAYS:
        errors["due_on"] = _("Plan actions within the next two years.")
    if competency_id and rhk_id:
        errors["aim"] = _("Aim the action at a competency or at a work result, not both.")
    elif competency_id and not appraisal.competency_levels.filter(competency_id=competency_id).exists():
        errors["competency"] = _("This competency is not assessed in this appraisal.")
    elif rhk_id and not appraisal.result_ratings.filter(rhk_id=rhk_id).exists():
        errors["rhk"] = _("This work result is not part of this appraisal.")
    if errors:
        raise ValidationError(errors)
    action = DevelopmentAction.objects.create(
        appraisal=appraisal,
        activity=activity,
        aim=aim,
        starts_on=starts_on,
        due_on=due_on,
        competency_id=competency_id or None,
        rhk_id=rhk_id or None,
        proposed_by=roles_of(by).staff,
    )
    _record(appraisal, by, _("Proposed: %(title)s") % {"title": activity.title})
    return action


def _locked(action: DevelopmentAction) -> DevelopmentAction:
    return (
        DevelopmentAction.objects.select_for_update()
        .select_related("appraisal__skp__staff", "activity")
        .get(pk=action.pk)
    )


@transaction.atomic
def action_remove(*, action: DevelopmentAction, by) -> None:
    action = _locked(action)
    _ensure_planner(by, action.appraisal)
    if action.is_agreed:
        raise _refusal(_("An agreed action is not removed; mark it dropped, with the reason, instead."))
    action.delete()
    _record(action.appraisal, by, _("Withdrawn: %(title)s") % {"title": action.activity.title})


@transaction.atomic
def action_agree(*, action: DevelopmentAction, by) -> DevelopmentAction:
    action = _locked(action)
    if not is_owner(by, action.appraisal):
        raise _refusal(_("Only the staff member agrees to their development actions."))
    if action.is_agreed:
        raise _refusal(_("You have already agreed to this action."))
    action.agreed_at = timezone.now()
    action.save(update_fields=["agreed_at", "updated_at"])
    _record(action.appraisal, by, _("Agreed: %(title)s") % {"title": action.activity.title})
    return action


@transaction.atomic
def action_progress(*, action: DevelopmentAction, by, status: str, note: str) -> DevelopmentAction:
    """The staff member or the rater reports progress on an agreed action."""
    action = _locked(action)
    if not (is_owner(by, action.appraisal) or is_rater(by, action.appraisal)):
        raise _refusal(_("Only the staff member or their rater reports progress."))
    if not action.is_agreed:
        raise _refusal(_("Progress is reported once the staff member has agreed to the action."))
    if (
        status not in ActionStatus.values
        or status == ActionStatus.PLANNED
        and action.status != ActionStatus.PLANNED
    ):
        raise ValidationError({"status": _("Choose in progress, done or dropped.")})
    note = (note or "").strip()
    if status == ActionStatus.DROPPED and not note:
        raise ValidationError({"note": _("Say why the action is dropped.")})
    changes = []
    if action.status != status:
        changes.append(
            {"field": "status", "item": action.activity.title, "from": action.status, "to": status}
        )
    if note and note != action.progress_note:
        changes.append(
            {"field": "progress", "item": action.activity.title, "from": action.progress_note, "to": note}
        )
    action.status, action.progress_note = status, note or action.progress_note
    action.save(update_fields=["status", "progress_note", "updated_at"])
    if changes:
        _record(action.appraisal, by, _("Progress: %(title)s") % {"title": action.activity.title}, changes)
    return action
