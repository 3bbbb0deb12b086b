"""Who may read the SKM results and act on the responses, on top of the scopes in accounts.access.

The agency's HR and the super admin read everything of the agency and act on it (people served,
suggestions, the review of flagged responses, the raw answers). A supervisor reads the results of
the services of their own unit and the units below it, and of the unit of an official they currently
act for (Plt/Plh). Other members of the agency get 403; everyone else 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import administered_agencies, roles_of
from accounts.models import ActingAssignment, Unit
from surveys.models import Service, SurveyResponse


def led_unit_ids(user) -> set[int]:
    """The units whose service results a supervisor reads: their unit, the unit of whoever they act
    for, and every unit below those; two queries, once per request."""
    cached = getattr(user, "_skm_led_units", None)
    if cached is not None:
        return cached
    roles = roles_of(user)
    found: set[int] = set()
    if roles.staff is not None and roles.is_supervisor:
        staff = roles.staff
        roots = {staff.unit_id}
        roots.update(
            ActingAssignment.objects.current()
            .filter(acting=staff)
            .values_list("replaces__unit_id", flat=True)
        )
        children = {}
        for pk, parent_id in Unit.objects.filter(agency_id=staff.agency_id).values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        stack = list(roots)
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(children.get(pk, ()))
    user._skm_led_units = found
    return found


def results_service_for_user(user, pk) -> Service:
    """A service whose results the user may read."""
    service = Service.objects.select_related("agency", "unit").filter(pk=pk).first()
    roles = roles_of(user)
    if service is None or not roles.is_member_of(service.agency_id):
        raise Http404
    if roles.administers(service.agency_id) or service.unit_id in led_unit_ids(user):
        return service
    raise PermissionDenied


def readable_services(user):
    """Every service whose results the user may read; 403 for those who read none by their role."""
    roles = roles_of(user)
    if roles.administers_any:
        return Service.objects.filter(agency__in=administered_agencies(user))
    if roles.staff is not None and roles.is_supervisor:
        return Service.objects.filter(agency_id=roles.staff.agency_id, unit_id__in=led_unit_ids(user))
    raise PermissionDenied


def administered_services(user):
    """The services whose responses the user acts on (HR and the super admin); 403 for others."""
    if not roles_of(user).administers_any:
        raise PermissionDenied
    return Service.objects.filter(agency__in=administered_agencies(user))


def response_for_user(user, pk) -> SurveyResponse:
    """A response HR acts on: 404 outside the agency, 403 for other members of it."""
    response = SurveyResponse.objects.select_related("service__agency").filter(pk=pk).first()
    roles = roles_of(user)
    if response is None or not roles.is_member_of(response.service.agency_id):
        raise Http404
    if not roles.administers(response.service.agency_id):
        raise PermissionDenied
    return response
