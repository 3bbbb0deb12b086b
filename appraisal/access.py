"""Access to appraisal objects, on top of the staff scope in accounts.access.

An object owned by a staff member is visible to whoever may see that staff member (themself,
the chain above them, their agency's HR, the super admin); others get 404. Only the owner may
change it (403 for the other viewers). Reviewing (approving an SKP, acknowledging a report) is
for the owner's rater: the direct supervisor or the official acting for them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import roles_of, visible_staff
from accounts.selectors import rater_ids
from appraisal.models import DailyReport, PerformanceYear, Skp


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
    year = PerformanceYear.objects.select_related("agency").filter(pk=pk).first()
    roles = roles_of(user)
    own_agency_id = roles.staff.agency_id if roles.staff else None
    member = year is not None and (roles.administers(year.agency_id) or own_agency_id == year.agency_id)
    if not member:
        raise Http404
    if write and not roles.administers(year.agency_id):
        raise PermissionDenied
    return year
