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
from surveys.models import Service, SurveyLink


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


def survey_service_for_user(user, pk, *, write=False) -> Service:
    """A service with its SKM survey: members of its agency read it, its HR and the super admin
    change it (the setup screens ask for write); others get 404."""
    return agency_object_for_user(Service, user, pk, write=write, related=("unit",))


def survey_link_for_user(user, pk, *, write=False) -> SurveyLink:
    """A public survey link, by the rules of its service: members of the service's agency read it,
    its HR and the super admin change it; others get 404."""
    link = SurveyLink.objects.select_related("service__agency", "officer").filter(pk=pk).first()
    roles = roles_of(user)
    agency_id = link.service.agency_id if link else None
    if link is None or not roles.is_member_of(agency_id):
        raise Http404
    if write and not roles.administers(agency_id):
        raise PermissionDenied
    return link
