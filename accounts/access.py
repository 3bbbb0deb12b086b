"""Who may see or change what. Every view reaches owned objects through these helpers.

Outsiders get 404 (the object's existence is not revealed); those who may see but not change
an object get 403 on a write. Scope: staff see their own profile; supervisors the chain below
them (direct, indirect and through a current Plt/Plh assignment); HR admins their agency; the
super admin everything. Supervisor is derived from the chain, never a flag.
"""

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from accounts.models import ActingAssignment, Agency, Position, Staff, Unit
from accounts.selectors import has_subordinates, subordinate_ids_sql


@dataclass(frozen=True)
class Roles:
    staff: Staff | None
    is_supervisor: bool
    hr_agency_id: int | None
    is_superadmin: bool

    @property
    def is_hr(self):
        return self.hr_agency_id is not None

    @property
    def administers_any(self):
        return self.is_superadmin or self.is_hr

    def administers(self, agency_id):
        return self.is_superadmin or (agency_id is not None and agency_id == self.hr_agency_id)

    def is_member_of(self, agency_id):
        """Administers the agency or works in it."""
        return self.administers(agency_id) or (self.staff is not None and self.staff.agency_id == agency_id)


def roles_of(user):
    """The user's roles, computed once per request object."""
    cached = getattr(user, "_roles", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        roles = Roles(None, False, None, False)
    else:
        staff = Staff.objects.select_related("agency", "unit", "position").filter(user=user).first()
        roles = Roles(
            staff=staff,
            is_supervisor=bool(staff and staff.is_active and has_subordinates(staff)),
            hr_agency_id=user.hr_agency_id,
            is_superadmin=user.is_superuser,
        )
    user._roles = roles
    return roles


def visible_staff(user):
    """Every staff profile the user may read, as one lazy query."""
    roles = roles_of(user)
    if roles.is_superadmin:
        return Staff.objects.all()
    scope = Q(pk__in=[])
    if roles.staff:
        scope |= Q(pk=roles.staff.pk)
        if roles.is_supervisor:
            scope |= Q(id__in=subordinate_ids_sql(roles.staff.pk))
    if roles.is_hr:
        scope |= Q(agency_id=roles.hr_agency_id)
    return Staff.objects.filter(scope)


def administered_agencies(user):
    roles = roles_of(user)
    if roles.is_superadmin:
        return Agency.objects.all()
    return Agency.objects.filter(pk=roles.hr_agency_id) if roles.is_hr else Agency.objects.none()


def _checked(obj, *, may_read, may_write, write):
    if obj is None or not may_read:
        raise Http404
    if write and not may_write:
        raise PermissionDenied
    return obj


def staff_for_user(user, pk, *, write=False):
    obj = visible_staff(user).select_related("agency", "unit", "position", "rank", "supervisor", "user")
    obj = obj.filter(pk=pk).first()
    roles = roles_of(user)
    return _checked(
        obj,
        may_read=obj is not None,
        may_write=obj is not None and roles.administers(obj.agency_id),
        write=write,
    )


def agency_for_user(user, pk, *, write=False):
    obj = Agency.objects.filter(pk=pk).first()
    roles = roles_of(user)
    return _checked(
        obj,
        may_read=obj is not None and roles.is_member_of(obj.pk),
        may_write=obj is not None and roles.administers(obj.pk),
        write=write,
    )


def agency_object_for_user(model, user, pk, *, write=False, related=()):
    """An object of a model with an agency: its members read it, its HR and the super admin change it.

    related: more relations to fetch with it.
    """
    obj = model.objects.select_related("agency", *related).filter(pk=pk).first()
    roles = roles_of(user)
    return _checked(
        obj,
        may_read=obj is not None and roles.is_member_of(obj.agency_id),
        may_write=obj is not None and roles.administers(obj.agency_id),
        write=write,
    )


def unit_for_user(user, pk, *, write=False):
    return agency_object_for_user(Unit, user, pk, write=write, related=("parent",))


def position_for_user(user, pk, *, write=False):
    return agency_object_for_user(Position, user, pk, write=write)


def acting_assignment_for_user(user, pk, *, write=False):
    obj = ActingAssignment.objects.select_related("acting__agency", "replaces__agency").filter(pk=pk).first()
    roles = roles_of(user)
    own_id = roles.staff.pk if roles.staff else None
    agency_id = obj.acting.agency_id if obj else None
    return _checked(
        obj,
        may_read=obj is not None
        and (roles.administers(agency_id) or own_id in (obj.acting_id, obj.replaces_id)),
        may_write=obj is not None and roles.administers(agency_id),
        write=write,
    )


def hr_required(view):
    """For agency administration screens: HR admins and the super admin only (others get 403)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles_of(request.user).administers_any:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
