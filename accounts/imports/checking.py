"""Checking every row of a file: cell values, references to stored data, repeats and loops."""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from accounts.imports.reading import cell_text
from accounts.models import (
    LEVELS_BY_TYPE,
    AsnKind,
    Position,
    PositionLevel,
    PositionType,
    Staff,
    StaffStatus,
    Unit,
)
from accounts.services import nip_error, rank_error

ASN_KINDS = {"pns": AsnKind.PNS, "cpns": AsnKind.PNS, "pppk": AsnKind.PPPK}
POSITION_TYPES = {
    **{choice.value: choice for choice in PositionType},
    "jabatanpimpinantinggi": PositionType.JPT,
    "fungsionaltertentu": PositionType.FUNGSIONAL,
    "fungsionalumum": PositionType.PELAKSANA,
}
LEVELS = {level.value.replace("_", ""): level for level in PositionLevel if level.value}
STATUSES = {
    **{choice.value: choice for choice in StaffStatus},
    "aktif": StaffStatus.ACTIVE,
    "mutasi": StaffStatus.TRANSFERRED,
    "pensiun": StaffStatus.RETIRED,
    "nonaktif": StaffStatus.INACTIVE,
}
_NUMBER_IN_EXPONENT_FORM = re.compile(r"\d(?:[.,]\d+)?e\+?\d+", re.IGNORECASE)


def _key(text):
    return re.sub(r"[\s_\-]+", "", text.lower())


def _text_cell(values, column, number, errors, *, max_length, required=False):
    value = cell_text(values.get(column))
    if required and not value:
        errors.add(number, column, _("This value is required."))
    elif len(value) > max_length:
        errors.add(number, column, _("At most %(max)d characters are allowed.") % {"max": max_length})
    return value


def _nip_cell(values, column, number, errors, *, required=False):
    """The NIP as typed, without the spaces of a formatted NIP or the quote that marks text."""
    value = values.get(column)
    text = re.sub(r"\s+", "", cell_text(value)).lstrip("'")
    if isinstance(value, float) or _NUMBER_IN_EXPONENT_FORM.fullmatch(text):
        errors.add(
            number,
            column,
            _("The NIP was stored as a number and lost digits; store the NIP as text and type it again."),
        )
        return ""
    if required and not text:
        errors.add(number, column, _("This value is required."))
    return text


def _nodes_on_cycles(parent_of):
    """Keys of a child -> parent mapping that are their own ancestors."""
    done, on_cycle = set(), set()
    for start in parent_of:
        path, index, node = [], {}, start
        while node is not None and node not in done and node not in index:
            index[node] = len(path)
            path.append(node)
            node = parent_of.get(node)
        if node is not None and node in index:
            on_cycle.update(path[index[node] :])
        done.update(path)
    return on_cycle


def _mark_loops(rows, parent_of, column, errors, message, *, key):
    """Marks every row whose key is its own ancestor in the child -> parent mapping."""
    looping = _nodes_on_cycles(parent_of)
    for row in rows:
        if key(row) in looping:
            errors.add(row.number, column, message)


# Work units ---------------------------------------------------------------------------------


@dataclass
class _UnitRow:
    number: int
    code: str
    name: str
    parent_code: str


def parse_unit_rows(table, errors):
    rows = []
    for number, values in table.rows:
        rows.append(
            _UnitRow(
                number=number,
                code=_text_cell(values, "kode_unit", number, errors, max_length=40, required=True),
                name=_text_cell(values, "nama_unit", number, errors, max_length=200, required=True),
                parent_code=_text_cell(values, "kode_unit_induk", number, errors, max_length=40),
            )
        )
    return rows


def check_unit_rows(rows, table, stored, errors):
    message = _("Unit code %(value)s is also given in row(s) %(rows)s.")
    errors.add_repeats(rows, "kode_unit", message, value=lambda row: row.code)
    known = set(stored) | {row.code for row in rows}
    parent_of = {code: unit.parent.code if unit.parent else None for code, unit in stored.items()}
    for row in rows:
        if not table.has("kode_unit_induk") or not row.code:
            continue
        if row.parent_code == row.code:
            errors.add(row.number, "kode_unit_induk", _("A unit cannot be its own parent."))
        elif row.parent_code and row.parent_code not in known:
            errors.add(
                row.number,
                "kode_unit_induk",
                _("No unit with code %(code)s in this file or in the agency.") % {"code": row.parent_code},
            )
        else:
            parent_of[row.code] = row.parent_code or None
    message = _("This parent makes the unit sit below itself (the parent codes form a loop).")
    _mark_loops(rows, parent_of, "kode_unit_induk", errors, message, key=lambda row: row.code)


# Staff --------------------------------------------------------------------------------------

# Staff attribute -> the column it comes from; attributes whose column is left out are not touched.
STAFF_ATTRIBUTE_COLUMNS = {
    "asn_kind": "jenis_asn",
    "name": "nama",
    "front_title": "gelar_depan",
    "back_title": "gelar_belakang",
    "rank_id": "golongan",
    "phone": "telepon",
    "status": "status",
}


@dataclass
class _StaffRow:
    number: int
    nip: str
    unit_code: str
    supervisor_nip: str
    email: str
    position_key: tuple[str, str, str] | None  # name, type, level
    fields: dict  # Staff attribute -> value, for the columns the file gives


def _choice_cell(values, column, number, errors, choices, message, *, default=None):
    text = cell_text(values.get(column))
    if not text:
        if default is None:
            errors.add(number, column, _("This value is required."))
        return default
    choice = choices.get(_key(text))
    if choice is None:
        errors.add(number, column, message % {"value": text})
    return choice


def _rank_cell(values, number, asn_kind, ranks, errors):
    text = re.sub(r"\s+", "", cell_text(values.get("golongan"))).upper()
    if not text:
        return None
    rank = ranks.get(text)
    if rank is None:
        message = _("Unknown grade %(grade)s: use I/a to IV/e for PNS, I to XVII for PPPK.")
        errors.add(number, "golongan", message % {"grade": text})
        return None
    if asn_kind and (message := rank_error(rank, asn_kind)):
        errors.add(number, "golongan", message)
    return rank.pk


def _position_cells(values, number, errors):
    name = " ".join(_text_cell(values, "jabatan", number, errors, max_length=200, required=True).split())
    position_type = _choice_cell(
        values,
        "jenis_jabatan",
        number,
        errors,
        POSITION_TYPES,
        _("Unknown position type %(value)s: use JPT, Administrator, Pengawas, Pelaksana or Fungsional."),
    )
    level = _choice_cell(
        values, "jenjang_jabatan", number, errors, LEVELS, _("Unknown level %(value)s."), default=""
    )
    if position_type is None or level is None:
        return None
    allowed = LEVELS_BY_TYPE[position_type]
    if level not in allowed:
        if allowed == ("",):
            message = _("A %(type)s position has no level: leave the level empty.")
        else:
            message = _("A %(type)s position needs one of these levels: %(levels)s.")
        labels = ", ".join(str(PositionLevel(value).label) for value in allowed)
        errors.add(number, "jenjang_jabatan", message % {"type": position_type.label, "levels": labels})
        return None
    return (name, position_type.value, level) if name else None


def _email_cell(values, number, errors):
    email = _text_cell(values, "email", number, errors, max_length=254)
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        errors.add(number, "email", _("%(value)s is not a valid e-mail address.") % {"value": email})
        return ""
    return get_user_model().objects.normalize_email(email)


def parse_staff_row(number, values, table, ranks, errors):
    asn_kind = _choice_cell(
        values, "jenis_asn", number, errors, ASN_KINDS, _("Unknown ASN kind %(value)s: use PNS or PPPK.")
    )
    nip = _nip_cell(values, "nip", number, errors, required=True)
    if nip and asn_kind and (message := nip_error(nip, asn_kind)):
        errors.add(number, "nip", message)
    fields = {
        "asn_kind": asn_kind,
        "name": _text_cell(values, "nama", number, errors, max_length=150, required=True),
        "front_title": _text_cell(values, "gelar_depan", number, errors, max_length=40),
        "back_title": _text_cell(values, "gelar_belakang", number, errors, max_length=60),
        "rank_id": _rank_cell(values, number, asn_kind, ranks, errors),
        "phone": _text_cell(values, "telepon", number, errors, max_length=30),
        "status": _choice_cell(
            values,
            "status",
            number,
            errors,
            STATUSES,
            _("Unknown status %(value)s: use aktif, mutasi, pensiun or nonaktif."),
            default=StaffStatus.ACTIVE,
        ),
    }
    return _StaffRow(
        number=number,
        nip=nip,
        unit_code=_text_cell(values, "kode_unit", number, errors, max_length=40, required=True),
        supervisor_nip=_nip_cell(values, "nip_atasan", number, errors),
        email=_email_cell(values, number, errors),
        position_key=_position_cells(values, number, errors),
        fields={name: value for name, value in fields.items() if table.has(STAFF_ATTRIBUTE_COLUMNS[name])},
    )


@dataclass
class _StaffContext:
    """What the database holds that the rows refer to, read in a fixed number of queries."""

    units: dict[str, int]  # unit code -> id
    ids: dict[str, int]  # NIP -> id, the agency's staff
    supervisors: dict[str, str | None]  # NIP -> supervisor's NIP, the agency's staff
    existing: dict[str, Staff]  # NIP -> profile in any agency, for the NIPs of the file
    positions: dict[str, Position]  # name -> position of the agency
    taken_usernames: set[str]


def load_staff_context(agency, rows):
    nips = {row.nip for row in rows if row.nip}
    links = list(Staff.objects.filter(agency=agency).values_list("id", "nip", "supervisor_id"))
    nip_by_id = {pk: nip for pk, nip, _supervisor in links}
    existing = {staff.nip: staff for staff in Staff.objects.filter(nip__in=nips).select_related("user")}
    names = {row.position_key[0] for row in rows if row.position_key}
    return _StaffContext(
        units=dict(Unit.objects.filter(agency=agency).values_list("code", "id")),
        ids={nip: pk for pk, nip, _supervisor in links},
        supervisors={nip: nip_by_id.get(supervisor) for _pk, nip, supervisor in links},
        existing=existing,
        positions={p.name: p for p in Position.objects.filter(agency=agency, name__in=names)},
        taken_usernames=set(
            get_user_model()
            .objects.filter(username__in=nips - existing.keys())
            .values_list("username", flat=True)
        ),
    )


def _check_identity(agency, row, context, errors):
    stored = context.existing.get(row.nip)
    if stored is not None and stored.agency_id != agency.pk:
        errors.add(row.number, "nip", _("This NIP belongs to a staff member of another agency."))
    elif stored is None and row.nip in context.taken_usernames:
        errors.add(
            row.number,
            "nip",
            _("An account with this NIP as user name exists without a staff profile; ask the administrator."),
        )


def _check_position(row, context, first_seen, errors):
    if row.position_key is None:
        return
    name, position_type, level = row.position_key
    first_number, first_key = first_seen.setdefault(name, (row.number, row.position_key))
    stored = context.positions.get(name)
    if first_key != row.position_key:
        message = _("Row %(row)d gives position %(name)s another type or level.")
        errors.add(row.number, "jenis_jabatan", message % {"row": first_number, "name": name})
    elif stored is not None and (stored.position_type, stored.level) != (position_type, level):
        kind = stored.get_position_type_display()
        if stored.level:
            kind = f"{kind} {stored.get_level_display()}"
        message = _("The agency already has position %(name)s as %(kind)s; use that type and level.")
        errors.add(row.number, "jenis_jabatan", message % {"name": name, "kind": kind})


def _supervisor_link(row, file_nips, context, errors):
    """The supervisor's NIP when the link is valid, else None."""
    if not row.supervisor_nip:
        return None
    if row.supervisor_nip == row.nip:
        errors.add(row.number, "nip_atasan", _("A staff member cannot be their own supervisor."))
        return None
    if row.supervisor_nip not in file_nips and row.supervisor_nip not in context.ids:
        message = _("No staff member with NIP %(nip)s in this file or in the agency.")
        errors.add(row.number, "nip_atasan", message % {"nip": row.supervisor_nip})
        return None
    return row.supervisor_nip


def check_staff_rows(agency, rows, table, context, errors):
    message = _("NIP %(value)s is also given in row(s) %(rows)s.")
    errors.add_repeats(rows, "nip", message, value=lambda row: row.nip)
    file_nips = {row.nip for row in rows if row.nip}
    supervisors, first_seen = dict(context.supervisors), {}
    for row in rows:
        _check_identity(agency, row, context, errors)
        _check_position(row, context, first_seen, errors)
        if row.unit_code and row.unit_code not in context.units:
            message = _("No work unit with code %(code)s in this agency; import the work units first.")
            errors.add(row.number, "kode_unit", message % {"code": row.unit_code})
        if table.has("nip_atasan") and row.nip:
            supervisors[row.nip] = _supervisor_link(row, file_nips, context, errors)
    message = _("The supervisor links form a loop: this staff member would report to themselves.")
    _mark_loops(rows, supervisors, "nip_atasan", errors, message, key=lambda row: row.nip)
