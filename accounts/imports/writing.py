"""Storing a checked file: bulk writes in one transaction, summarised in an ImportRun."""

from pathlib import PurePath

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.imports.checking import (
    check_staff_rows,
    check_unit_rows,
    load_staff_context,
    parse_staff_row,
    parse_unit_rows,
)
from accounts.imports.columns import COLUMNS, OTHER_COLUMNS
from accounts.imports.errors import RowErrors, file_error
from accounts.imports.reading import read_table
from accounts.models import ImportKind, ImportRun, Position, Rank, Staff, Unit
from accounts.services import lock_supervisor_chain

# Rows per UPDATE statement: Django's bulk_update builds one CASE per field, which slows down
# quadratically with the rows in one statement.
UPDATE_BATCH = 1000


def _bulk_update(model, objs, fields):
    if objs:
        model.objects.bulk_update(objs, fields, batch_size=UPDATE_BATCH)


# Work units ---------------------------------------------------------------------------------


def _import_units(agency, table):
    errors = RowErrors(table)
    rows = parse_unit_rows(table, errors)
    stored = {unit.code: unit for unit in Unit.objects.filter(agency=agency).select_related("parent")}
    check_unit_rows(rows, table, stored, errors)
    errors.raise_any()

    new_units = [Unit(agency=agency, code=row.code, name=row.name) for row in rows if row.code not in stored]
    Unit.objects.bulk_create(new_units)
    units = {**stored, **{unit.code: unit for unit in new_units}}
    created = {unit.code for unit in new_units}
    changed, updated = [], 0
    for row in rows:
        unit = units[row.code]
        parent_id = units[row.parent_code].pk if row.parent_code else None
        before = (unit.name, unit.parent_id)
        unit.name = row.name
        if table.has("kode_unit_induk"):
            unit.parent_id = parent_id
        if (unit.name, unit.parent_id) != before:
            changed.append(unit)
            updated += row.code not in created
    _bulk_update(Unit, changed, ["name", "parent"])
    return len(new_units), updated


# Staff --------------------------------------------------------------------------------------


def _ensure_positions(agency, rows, stored):
    new = {}
    for row in rows:
        name, position_type, level = row.position_key
        if name not in stored and name not in new:
            new[name] = Position(agency=agency, name=name, position_type=position_type, level=level)
    Position.objects.bulk_create(new.values())
    return {**stored, **new}


def _staff_values(row, context, positions):
    return {
        **row.fields,
        "unit_id": context.units[row.unit_code],
        "position_id": positions[row.position_key[0]].pk,
    }


def _create_staff(agency, rows, context, positions):
    user_model = get_user_model()
    users = [user_model(username=row.nip, email=row.email, password=make_password(None)) for row in rows]
    user_model.objects.bulk_create(users)
    staff = [
        Staff(user=user, agency=agency, nip=row.nip, **_staff_values(row, context, positions))
        for row, user in zip(rows, users, strict=True)
    ]
    return Staff.objects.bulk_create(staff)


def _update_staff(rows, table, context, positions):
    """Applies the rows to stored profiles; returns the NIPs of the profiles that changed."""
    changed, changed_fields, changed_users = [], set(), []
    for row in rows:
        staff = context.existing[row.nip]
        values = _staff_values(row, context, positions)
        differing = {name for name, value in values.items() if getattr(staff, name) != value}
        if differing:
            for name in differing:
                setattr(staff, name, values[name])
            changed.append(staff)
            changed_fields |= differing
        if table.has("email") and staff.user.email != row.email:
            staff.user.email = row.email
            changed_users.append(staff.user)
    # Each field written costs a CASE over every row, so only fields that differ somewhere are.
    _bulk_update(Staff, changed, sorted(changed_fields))
    _bulk_update(get_user_model(), changed_users, ["email"])
    return {staff.nip for staff in changed} | {user.username for user in changed_users}


def _link_supervisors(rows, staff_by_nip, ids):
    """Second pass, once every row has an id; returns the NIPs whose supervisor changed."""
    relinked = []
    for row in rows:
        staff = staff_by_nip[row.nip]
        supervisor_id = ids[row.supervisor_nip] if row.supervisor_nip else None
        if staff.supervisor_id != supervisor_id:
            staff.supervisor_id = supervisor_id
            relinked.append(staff)
    _bulk_update(Staff, relinked, ["supervisor"])
    return {staff.nip for staff in relinked}


def _import_staff(agency, table):
    errors = RowErrors(table)
    ranks = {rank.code.upper(): rank for rank in Rank.objects.all()}
    rows = [parse_staff_row(number, values, table, ranks, errors) for number, values in table.rows]
    context = load_staff_context(agency, rows)
    check_staff_rows(agency, rows, table, context, errors)
    errors.raise_any()

    positions = _ensure_positions(agency, rows, context.positions)
    new_rows = [row for row in rows if row.nip not in context.existing]
    stored_rows = [row for row in rows if row.nip in context.existing]
    created = _create_staff(agency, new_rows, context, positions)
    changed = _update_staff(stored_rows, table, context, positions)
    if table.has("nip_atasan"):
        staff_by_nip = {**context.existing, **{staff.nip: staff for staff in created}}
        ids = {**context.ids, **{staff.nip: staff.pk for staff in created}}
        changed |= _link_supervisors(rows, staff_by_nip, ids) - {staff.nip for staff in created}
    return len(created), len(changed)


# Entry point --------------------------------------------------------------------------------

IMPORTERS = {ImportKind.STRUCTURE: _import_units, ImportKind.STAFF: _import_staff}


def import_file(*, agency, kind: str, upload, uploaded_by) -> ImportRun:
    """Checks the whole file, then stores it in one transaction; raises ImportRejected on any error.

    The returned run holds the summary: rows, created, updated and unchanged counts.
    """
    table = read_table(upload, COLUMNS[kind], other_columns=OTHER_COLUMNS[kind])
    try:
        with transaction.atomic():
            lock_supervisor_chain()
            created, updated = IMPORTERS[kind](agency, table)
            return ImportRun.objects.create(
                agency=agency,
                kind=kind,
                file_name=PurePath(upload.name).name[:255],
                uploaded_by=uploaded_by,
                row_count=len(table.rows),
                created_count=created,
                updated_count=updated,
                finished_at=timezone.now(),
            )
    except IntegrityError:
        # Units and positions edited by hand at the same moment are not serialised with imports.
        raise file_error(
            _("The agency's data changed while the file was being imported; nothing was stored. Try again.")
        ) from None
