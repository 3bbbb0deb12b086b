"""Who may see or change service-level records, on top of the scopes in accounts.access.

The service catalogue is read by the members of the agency and changed by its HR; others get 404.
An officer's service record is visible to whoever may see the officer (themself, the chain above
them, their agency's HR, the super admin); others get 404. Comparing officers is for HR (their
agency) and supervisors (their chain).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import administered_agencies, agency_object_for_user, roles_of, visible_staff
from accounts.models import Staff
from accounts.selectors import subordinates_of
from surveys.models import Service


def service_for_user(user, pk, *, write=False) -> Service:
    return agency_object_for_user(Service, user, pk, write=write, related=("unit",))


def officer_for_user(user, pk) -> Staff:
    officer = visible_staff(user).select_related("agency", "unit", "position").filter(pk=pk).first()
    if officer is None:
        raise Http404
    return officer


def figures_scope(user):
    """The staff whose figures the user may compare side by side; 403 for everyone else."""
    roles = roles_of(user)
    if roles.administers_any:
        return Staff.objects.filter(agency__in=administered_agencies(user))
    if roles.staff is not None and roles.is_supervisor:
        return subordinates_of(roles.staff)
    raise PermissionDenied
