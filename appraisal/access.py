"""Access to appraisal objects, on top of the staff scope in accounts.access.

An object owned by a staff member is visible to whoever may see that staff member (themself,
the chain above them, their agency's HR, the super admin); others get 404. Only the owner may
change it (403 for the other viewers). Reviewing (approving an SKP, acknowledging a report) is
for the owner's rater: the direct supervisor or the official acting for them.

Performance years, with their periods and goals, belong to an agency: its members read them, its HR
changes them. National holidays are read by everyone signed in and changed by the super admin only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import agency_object_for_user, roles_of, visible_staff
from accounts.models import Staff
from accounts.selectors import rater_ids
from appraisal.models import (
    AgencyGoal,
    Appraisal,
    Competency,
    CompetencyLevel,
    DailyReport,
    DevelopmentAction,
    DevelopmentActivity,
    EvaluationPeriod,
    Holiday,
    PerformanceYear,
    Skp,
)
from appraisal.selectors.appraisals import is_approver, is_rater
from appraisal.selectors.appraisals import with_related as appraisal_with_related
from appraisal.selectors.feedback import (
    in_chain_below,
    is_party,
    may_give_feedback,
    may_manage_mentoring,
    mentorships_visible_to,
    notes_visible_to,
    with_related,
)


def _visible(user, obj):
    if obj is None or not visible_staff(user).filter(pk=obj.staff_id).exists():
        raise Http404
    return obj


def _own_id(user):
    staff = roles_of(user).staff
    return staff.pk if staff else None


def is_rater_of(user, staff):
    own = _own_id(user)
    return own is not None and own != staff.pk and own in rater_ids(staff)


def skp_for_user(user, pk, *, write=False):
    skp = _visible(user, Skp.objects.select_related("staff__agency", "year", "rater").filter(pk=pk).first())
    if write and skp.staff_id != _own_id(user):
        raise PermissionDenied
    return skp


def skp_for_review(user, pk):
    skp = skp_for_user(user, pk)
    if not is_rater_of(user, skp.staff):
        raise PermissionDenied
    return skp


def daily_report_for_user(user, pk, *, write=False):
    reports = DailyReport.objects.select_related("staff", "rhk", "indicator")
    report = _visible(user, reports.filter(pk=pk).first())
    if write and report.staff_id != _own_id(user):
        raise PermissionDenied
    return report


def performance_year_for_user(user, pk, *, write=False):
    return agency_object_for_user(PerformanceYear, user, pk, write=write)


def _of_year(model, user, pk, write):
    """A part of a performance year, readable and changeable as the year is; its year is loaded."""
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise Http404
    obj.year = performance_year_for_user(user, obj.year_id, write=write)
    return obj


def evaluation_period_for_user(user, pk, *, write=False):
    return _of_year(EvaluationPeriod, user, pk, write)


def agency_goal_for_user(user, pk, *, write=False):
    return _of_year(AgencyGoal, user, pk, write)


def holiday_for_user(user, pk, *, write=False):
    """National holidays: everyone signed in reads, the super admin changes. Agency ones: its members."""
    holiday = Holiday.objects.select_related("agency").filter(pk=pk).first()
    roles = roles_of(user)
    if holiday is None:
        raise Http404
    if holiday.agency_id is None:
        may_write = roles.is_superadmin
    else:
        if not roles.is_member_of(holiday.agency_id):
            raise Http404
        may_write = roles.administers(holiday.agency_id)
    if write and not may_write:
        raise PermissionDenied
    return holiday


def _checked_competency(user, competency, *, write):
    """National competencies: everyone signed in reads, the super admin changes. Technical ones:
    their agency's members read, its HR changes; others do not see they exist."""
    roles = roles_of(user)
    if competency is None:
        raise Http404
    if competency.agency_id is None:
        may_write = roles.is_superadmin
    else:
        if not roles.is_member_of(competency.agency_id):
            raise Http404
        may_write = roles.administers(competency.agency_id)
    if write and not may_write:
        raise PermissionDenied
    return competency


def competency_for_user(user, pk, *, write=False):
    competency = Competency.objects.select_related("agency").filter(pk=pk).first()
    return _checked_competency(user, competency, write=write)


def competency_level_for_user(user, pk, *, write=False):
    level = CompetencyLevel.objects.select_related("competency__agency").filter(pk=pk).first()
    _checked_competency(user, level.competency if level else None, write=write)
    return level


def feedback_note_for_user(user, pk):
    note = with_related(notes_visible_to(user)).filter(pk=pk).first()
    if note is None:
        raise Http404
    return note


def feedback_subject_for_user(user, pk):
    """The staff member whose feedback page the user opens: those who may write about them and those
    who may see their notes get it; others 404. Returns (staff, may_write)."""
    roles = roles_of(user)
    staff = Staff.objects.select_related("agency", "unit", "position").filter(pk=pk).first()
    if staff is None:
        raise Http404
    may_write = may_give_feedback(roles.staff, staff)
    may_read = (
        may_write
        or roles.administers(staff.agency_id)
        or (roles.staff is not None and roles.staff.pk == staff.pk)
        or (roles.is_supervisor and in_chain_below(roles.staff, staff.pk))
    )
    if not may_read:
        raise Http404
    return staff, may_write


def mentorship_for_user(user, pk, *, manage=False, log=False):
    """A mentorship within the user's scope (else 404). manage: the user pairs and ends it;
    log: the user is its mentor or mentee (else 403)."""
    mentorship = (
        mentorships_visible_to(user)
        .select_related("mentor__agency", "mentee__agency", "mentee__position", "mentor__position")
        .filter(pk=pk)
        .first()
    )
    if mentorship is None:
        raise Http404
    if manage and not may_manage_mentoring(user, mentorship.mentee):
        raise PermissionDenied
    if log and not is_party(user, mentorship):
        raise PermissionDenied
    return mentorship


def development_activity_for_user(user, pk, *, write=False):
    activity = DevelopmentActivity.objects.select_related("agency", "competency").filter(pk=pk).first()
    roles = roles_of(user)
    if activity is None:
        raise Http404
    if activity.agency_id is None:
        may_read, may_write = roles.administers_any, roles.is_superadmin
    else:
        may_read, may_write = roles.is_member_of(activity.agency_id), roles.administers(activity.agency_id)
    if not may_read:
        raise Http404
    if write and not may_write:
        raise PermissionDenied
    return activity


def _appraisal_role_check(user, appraisal, role):
    checks = {
        "owner": lambda: _own_id(user) == appraisal.skp.staff_id,
        "rater": lambda: is_rater(user, appraisal),
        "approver": lambda: is_approver(user, appraisal),
        "hr": lambda: roles_of(user).administers(appraisal.skp.staff.agency_id),
    }
    if role is not None and not checks[role]():
        raise PermissionDenied


def appraisal_for_user(user, pk, *, role=None):
    """An appraisal whose staff member the user may see (else 404); role ("owner", "rater",
    "approver" or "hr") also requires the user to act in it (else 403)."""
    appraisal = appraisal_with_related(Appraisal.objects.filter(pk=pk)).first()
    if appraisal is None or not visible_staff(user).filter(pk=appraisal.skp.staff_id).exists():
        raise Http404
    _appraisal_role_check(user, appraisal, role)
    return appraisal


def development_action_for_user(user, pk, *, appraisal):
    """An action of the given (already checked) appraisal; 404 for an action of another one."""
    action = DevelopmentAction.objects.select_related("activity").filter(pk=pk, appraisal=appraisal).first()
    if action is None:
        raise Http404
    action.appraisal = appraisal
    return action
