"""Writes to staff and organisation. Every rule the database cannot state is checked here."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from accounts import nip as nip_rules
from accounts.models import (
    LEVELS_BY_TYPE,
    ActingAssignment,
    Agency,
    Position,
    Staff,
    Unit,
)
from accounts.selectors import supervisor_chain_ids

STAFF_FIELDS = (
    "nip",
    "asn_kind",
    "name",
    "front_title",
    "back_title",
    "unit",
    "position",
    "rank",
    "supervisor",
    "status",
    "phone",
)


# Any fixed number: the key of the advisory lock taken while supervisor links change.
_CHAIN_LOCK_KEY = 7_421_001


def lock_supervisor_chain():
    """Serialises changes to supervisor links (SQLite already serialises every write)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def nip_error(value, asn_kind):
    """The readable reason a staff number is invalid for its ASN kind, or None."""
    try:
        nip_rules.parse_number(value, asn_kind)
    except nip_rules.NipError as exc:
        return str(exc.message)
    return None


def rank_error(rank, asn_kind):
    if rank is not None and rank.asn_kind != asn_kind:
        return _("Grade %(grade)s is not a %(kind)s grade.") % {
            "grade": rank.code,
            "kind": asn_kind.upper(),
        }
    return None


def supervisor_cycle_error(staff_id, supervisor):
    """Refuses a supervisor who is the person or anyone below them in the chain."""
    if supervisor is None or staff_id is None:
        return None
    if supervisor.pk == staff_id or staff_id in supervisor_chain_ids(supervisor.pk):
        return _(
            "%(name)s cannot be the supervisor: they report (directly or indirectly) to this "
            "staff member, which would make the chain a loop."
        ) % {"name": supervisor.full_name}
    return None


def _stripped_nip(fields):
    """The NIP rule ignores surrounding spaces, so the stored number must not keep them."""
    nip = fields.get("nip")
    return {**fields, "nip": nip.strip()} if isinstance(nip, str) else fields


def _check_staff(staff):
    errors = {}
    if message := nip_error(staff.nip, staff.asn_kind):
        errors["nip"] = message
    if message := rank_error(staff.rank, staff.asn_kind):
        errors["rank"] = message
    if staff.unit.agency_id != staff.agency_id:
        errors["unit"] = _("The unit belongs to another agency.")
    if staff.position.agency_id != staff.agency_id:
        errors["position"] = _("The position belongs to another agency.")
    if staff.supervisor is not None and staff.supervisor.agency_id != staff.agency_id:
        errors["supervisor"] = _("The supervisor belongs to another agency.")
    elif message := supervisor_cycle_error(staff.pk, staff.supervisor):
        errors["supervisor"] = message
    duplicate = Staff.objects.filter(nip=staff.nip).exclude(pk=staff.pk)
    if staff.nip and duplicate.exists():
        errors["nip"] = _("Another staff member already has this number.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def staff_create(*, agency: Agency, email: str = "", **fields) -> Staff:
    """Creates the staff profile and its sign-in account (username = NIP, no usable password)."""
    lock_supervisor_chain()
    fields = _stripped_nip(fields)
    staff = Staff(agency=agency, **{k: v for k, v in fields.items() if k in STAFF_FIELDS})
    _check_staff(staff)
    user = get_user_model().objects.create_user(username=staff.nip, email=email)
    staff.user = user
    staff.save()
    return staff


@transaction.atomic
def staff_update(*, staff: Staff, email: str | None = None, **fields) -> Staff:
    """Changes a profile; the supervisor chain is locked so two edits cannot build a loop."""
    lock_supervisor_chain()
    fields = _stripped_nip(fields)
    changed = [name for name in STAFF_FIELDS if name in fields]
    for name in changed:
        setattr(staff, name, fields[name])
    _check_staff(staff)
    staff.save(update_fields=changed)
    user_fields = []
    if staff.user.username != staff.nip and "nip" in changed:
        staff.user.username = staff.nip
        user_fields.append("username")
    if email is not None and staff.user.email != email:
        staff.user.email = email
        user_fields.append("email")
    if user_fields:
        staff.user.save(update_fields=user_fields)
    return staff


def unit_cycle_error(unit_id, parent):
    if parent is None or unit_id is None:
        return None
    node, seen = parent, set()
    while node is not None and node.pk not in seen:
        if node.pk == unit_id:
            return _("A unit cannot sit below itself or below one of its own sub-units.")
        seen.add(node.pk)
        node = node.parent
    return None


def _check_unit(unit):
    errors = {}
    if unit.parent is not None and unit.parent.agency_id != unit.agency_id:
        errors["parent"] = _("The parent unit belongs to another agency.")
    elif message := unit_cycle_error(unit.pk, unit.parent):
        errors["parent"] = message
    if not unit.code:
        errors["code"] = _("The unit code is required.")
    elif Unit.objects.filter(agency_id=unit.agency_id, code=unit.code).exclude(pk=unit.pk).exists():
        errors["code"] = _("This agency already has a unit with this code.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def unit_create(*, agency: Agency, code: str, name: str, parent: Unit | None = None) -> Unit:
    unit = Unit(agency=agency, code=code.strip(), name=name.strip(), parent=parent)
    _check_unit(unit)
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, code: str, name: str, parent: Unit | None) -> Unit:
    unit.code, unit.name, unit.parent = code.strip(), name.strip(), parent
    _check_unit(unit)
    unit.save(update_fields=["code", "name", "parent"])
    return unit


def _check_position(position):
    errors = {}
    if position.level not in LEVELS_BY_TYPE[position.position_type]:
        errors["level"] = _("This level does not belong to the chosen position type.")
    same_name = Position.objects.filter(agency_id=position.agency_id, name=position.name)
    if same_name.exclude(pk=position.pk).exists():
        errors["name"] = _("This agency already has a position with this name.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def position_create(*, agency: Agency, name: str, position_type: str, level: str = "") -> Position:
    position = Position(agency=agency, name=name.strip(), position_type=position_type, level=level)
    _check_position(position)
    position.save()
    return position


@transaction.atomic
def position_update(*, position: Position, name: str, position_type: str, level: str) -> Position:
    position.name, position.position_type, position.level = name.strip(), position_type, level
    _check_position(position)
    position.save(update_fields=["name", "position_type", "level"])
    return position


def _check_acting(assignment):
    errors = {}
    if assignment.acting_id == assignment.replaces_id:
        errors["replaces"] = _("An official cannot act on their own behalf.")
    elif assignment.acting.agency_id != assignment.replaces.agency_id:
        errors["replaces"] = _("Both officials must belong to the same agency.")
    if assignment.ends_on < assignment.starts_on:
        errors["ends_on"] = _("The end date must not be before the start date.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def acting_assignment_create(
    *, acting: Staff, replaces: Staff, kind: str, starts_on: date, ends_on: date, decree_number: str = ""
) -> ActingAssignment:
    assignment = ActingAssignment(
        acting=acting,
        replaces=replaces,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        decree_number=decree_number.strip(),
    )
    _check_acting(assignment)
    assignment.save()
    return assignment


@transaction.atomic
def acting_assignment_update(*, assignment: ActingAssignment, **fields) -> ActingAssignment:
    names = [
        n for n in ("acting", "replaces", "kind", "starts_on", "ends_on", "decree_number") if n in fields
    ]
    for name in names:
        setattr(assignment, name, fields[name])
    _check_acting(assignment)
    assignment.save(update_fields=names)
    return assignment
