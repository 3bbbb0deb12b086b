"""HR onboarding: work units and staff imported from a CSV or XLSX file.

Every row is checked before anything is written, and one bad row rejects the whole file. The
writes are bulk operations in one transaction, so the number of queries does not grow with the
number of rows. A column left out of the file leaves that field of existing rows unchanged.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from accounts.models import (
    LEVELS_BY_TYPE,
    AsnKind,
    ImportKind,
    ImportRun,
    Position,
    PositionLevel,
    PositionType,
    Rank,
    Staff,
    StaffStatus,
    Unit,
)
from accounts.services import lock_supervisor_chain, nip_error, rank_error

MAX_ROWS = 50_000
# Rows per UPDATE statement: Django's bulk_update builds one CASE per field, which slows down
# quadratically with the rows in one statement.
UPDATE_BATCH = 1000


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    aliases: tuple[str, ...] = ()
    examples: tuple[str, str] = ("", "")

    @property
    def keys(self):
        return {_header_key(self.name), *(_header_key(alias) for alias in self.aliases)}


STRUCTURE_COLUMNS = (
    Column(
        "kode_unit",
        True,
        gettext_lazy("Code of the work unit, unique in the agency."),
        ("UNOR ID", "KODE UNOR"),
        ("DUK", "DUK.1"),
    ),
    Column(
        "nama_unit",
        True,
        gettext_lazy("Name of the work unit."),
        ("NAMA UNOR", "UNOR NAMA"),
        ("Dinas Kependudukan dan Pencatatan Sipil", "Bidang Pelayanan Pendaftaran Penduduk"),
    ),
    Column(
        "kode_unit_induk",
        False,
        gettext_lazy("Code of the parent unit, in this file or already stored; empty for the top unit."),
        ("DIATASAN ID", "KODE UNOR INDUK", "UNOR INDUK ID"),
        ("", "DUK"),
    ),
)

STAFF_COLUMNS = (
    Column(
        "nip",
        True,
        gettext_lazy("NIP (PNS) or NI PPPK: 18 digits, stored as text."),
        ("NIP BARU", "NI PPPK"),
        ("198609262015051001", "200012312024211001"),
    ),
    Column("jenis_asn", True, gettext_lazy("PNS or PPPK."), ("JENIS PEGAWAI",), ("PNS", "PPPK")),
    Column(
        "nama",
        True,
        gettext_lazy("Name without academic titles."),
        ("NAMA PEGAWAI",),
        ("Rina Marlina", "Budi Santoso"),
    ),
    Column("gelar_depan", False, gettext_lazy("Title before the name, e.g. Dr."), (), ("Dr.", "")),
    Column(
        "gelar_belakang",
        False,
        gettext_lazy("Title after the name, e.g. S.Kom., M.Si."),
        (),
        ("M.Si.", "S.Kom."),
    ),
    Column(
        "golongan",
        False,
        gettext_lazy("Grade: I/a to IV/e for PNS, I to XVII for PPPK; may be empty."),
        ("GOL AKHIR NAMA", "GOL"),
        ("IV/c", "IX"),
    ),
    Column(
        "jabatan",
        True,
        gettext_lazy("Position name; a new name adds the position to the agency."),
        ("JABATAN NAMA", "NAMA JABATAN"),
        ("Kepala Dinas", "Pranata Komputer Ahli Pertama"),
    ),
    Column(
        "jenis_jabatan",
        True,
        gettext_lazy("JPT, Administrator, Pengawas, Pelaksana or Fungsional."),
        ("JENIS JABATAN NAMA",),
        ("JPT", "Fungsional"),
    ),
    Column(
        "jenjang_jabatan",
        False,
        gettext_lazy(
            "JPT: Utama, Madya or Pratama. Fungsional: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, "
            "Pemula, Terampil, Mahir or Penyelia. Empty for the other types."
        ),
        ("JENJANG",),
        ("Pratama", "Ahli Pertama"),
    ),
    Column(
        "kode_unit",
        True,
        gettext_lazy("Code of a work unit of the agency (import the work units first)."),
        ("UNOR ID", "KODE UNOR"),
        ("DUK", "DUK.1"),
    ),
    Column(
        "nip_atasan",
        False,
        gettext_lazy("NIP of the direct supervisor, in this file or already stored; may be empty."),
        ("ATASAN NIP",),
        ("", "198609262015051001"),
    ),
    Column(
        "email",
        False,
        gettext_lazy("E-mail address for password resets; may be empty."),
        ("E-MAIL",),
        ("rina.marlina@example.org", "budi.santoso@example.org"),
    ),
    Column("telepon", False, gettext_lazy("Phone number."), ("NO HP", "NOMOR HP"), ("081234567890", "")),
    Column(
        "status",
        False,
        gettext_lazy("aktif, mutasi, pensiun or nonaktif; empty means aktif."),
        (),
        ("aktif", "aktif"),
    ),
)

COLUMNS = {ImportKind.STRUCTURE: STRUCTURE_COLUMNS, ImportKind.STAFF: STAFF_COLUMNS}

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


@dataclass(frozen=True)
class RowError:
    """One problem: the row as numbered in the spreadsheet (None for the whole file) and column."""

    row: int | None
    column: str
    message: str


class ImportRejected(Exception):
    """The file was refused; nothing was stored."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} import error(s)")
        self.errors = errors

    @property
    def file_errors(self):
        return [error for error in self.errors if error.row is None]

    @property
    def row_errors(self):
        return [error for error in self.errors if error.row is not None]

    @property
    def rows_with_errors(self):
        return len({error.row for error in self.row_errors})


def _file_error(message):
    return ImportRejected([RowError(None, "", message)])


def _header_key(title):
    return re.sub(r"[\s_.\-]+", "", title.lower())


def _key(text):
    return re.sub(r"[\s_\-]+", "", text.lower())


def _text(value):
    """A cell as text; whole numbers lose the ".0" a spreadsheet may add."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Reading ------------------------------------------------------------------------------------


@dataclass
class Table:
    headers: dict[str, str]  # column name -> the header as written in the file
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)

    def has(self, column):
        return column in self.headers


def _read_bytes(upload):
    limit = settings.IMPORT_MAX_BYTES
    too_big = _file_error(
        _("The file is larger than %(limit)s. Split it into smaller files.")
        % {"limit": filesizeformat(limit)}
    )
    if upload.size is not None and upload.size > limit:
        raise too_big
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_big
    if not data.strip():
        raise _file_error(_("The file is empty."))
    return data


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _file_error(_("The CSV file is neither UTF-8 nor Windows-1252 text.")) from None
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise _file_error(_("The CSV file is damaged: %(reason)s") % {"reason": exc}) from None


def _xlsx_cell(value):
    # Floats stay floats so that a NIP column can tell a number that lost its last digits.
    if isinstance(value, str):
        return value.strip()
    if value is None or isinstance(value, float):
        return value
    return str(value)


def _xlsx_rows(data):
    unreadable = _("The file could not be opened as an Excel workbook (.xlsx).")
    # A damaged workbook fails in many ways inside the zip and XML parsers; all mean the same here.
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise _file_error(unreadable) from None
    try:
        sheet = book.worksheets[0]
        # The stored size of a sheet is often wrong; reading without it sees every row.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            yield tuple(_xlsx_cell(value) for value in row)
    except Exception:
        raise _file_error(unreadable) from None
    finally:
        book.close()


def _map_header(cells, kind):
    columns = COLUMNS[kind]
    by_key = {key: column.name for column in columns for key in column.keys}
    headers, positions, unknown, repeated = {}, {}, [], []
    for index, cell in enumerate(cells):
        title = _text(cell)
        if not title:
            continue
        name = by_key.get(_header_key(title))
        if name is None:
            unknown.append(title)
        elif name in headers:
            repeated.append(title)
        else:
            headers[name], positions[index] = title, name
    missing = [column.name for column in columns if column.required and column.name not in headers]
    problems = []
    if missing:
        problems.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if repeated:
        problems.append(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if problems:
        if _fits_other_kind(cells, kind):
            problems.append(_("The columns fit the other kind of file: check the choice of file kind."))
        else:
            problems.append(_("The accepted columns are listed on the import page."))
        raise _file_error(" ".join(problems))
    return headers, positions


def _fits_other_kind(cells, kind):
    other = ImportKind.STAFF if kind == ImportKind.STRUCTURE else ImportKind.STRUCTURE
    keys = {key for column in COLUMNS[other] for key in column.keys}
    titles = [_header_key(_text(cell)) for cell in cells if _text(cell)]
    return bool(titles) and all(title in keys for title in titles)


def read_table(upload, kind) -> Table:
    """Reads the first sheet of an .xlsx or a .csv file; raises ImportRejected for a bad file."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise _file_error(
            _("Only .csv and .xlsx files can be imported (save older .xls workbooks as .xlsx).")
        )
    data = _read_bytes(upload)
    rows = _csv_rows(data) if suffix == ".csv" else _xlsx_rows(data)
    header = next(rows, None)
    if header is None:
        raise _file_error(_("The file is empty."))
    if not any(_text(cell) for cell in header):
        raise _file_error(_("The first row must hold the column names."))
    headers, positions = _map_header(header, kind)
    table = Table(headers)
    for number, cells in enumerate(rows, start=2):
        values = {name: cells[index] if index < len(cells) else "" for index, name in positions.items()}
        if not any(_text(value) for value in values.values()):
            continue
        if len(table.rows) == MAX_ROWS:
            raise _file_error(_("The file has more than %(max)d rows. Split it.") % {"max": MAX_ROWS})
        table.rows.append((number, values))
    if not table.rows:
        raise _file_error(_("The file has a header row but no data rows."))
    return table


# Checking -----------------------------------------------------------------------------------


class _Errors:
    """Collects row errors, named by the headers as the file writes them, in the file's order."""

    def __init__(self, table):
        self.headers = table.headers
        self.order = {title: index for index, title in enumerate(table.headers.values())}
        self.items = []

    def add(self, row, column, message):
        self.items.append(RowError(row, self.headers.get(column, column), message))

    def raise_any(self):
        if self.items:
            raise ImportRejected(
                sorted(self.items, key=lambda error: (error.row, self.order.get(error.column, 0)))
            )


def _text_cell(values, column, number, errors, *, max_length, required=False):
    value = _text(values.get(column))
    if required and not value:
        errors.add(number, column, _("This value is required."))
    elif len(value) > max_length:
        errors.add(number, column, _("At most %(max)d characters are allowed.") % {"max": max_length})
    return value


def _nip_cell(values, column, number, errors, *, required=False):
    """The NIP as typed, without the spaces of a formatted NIP or the quote that marks text."""
    value = values.get(column)
    text = re.sub(r"\s+", "", _text(value)).lstrip("'")
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


def _repeated(rows, key, column, errors, message):
    """Marks every row that shares its key with another row."""
    numbers = {}
    for row in rows:
        if getattr(row, key):
            numbers.setdefault(getattr(row, key), []).append(row.number)
    for value, found in numbers.items():
        if len(found) == 1:
            continue
        for number in found:
            others = ", ".join(str(n) for n in found if n != number)
            errors.add(number, column, message % {"value": value, "rows": others})


def _bulk_update(model, objs, fields):
    if objs:
        model.objects.bulk_update(objs, fields, batch_size=UPDATE_BATCH)


# Work units ---------------------------------------------------------------------------------


@dataclass
class _UnitRow:
    number: int
    code: str
    name: str
    parent_code: str


def _parse_unit_rows(table, errors):
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


def _check_unit_rows(rows, table, stored, errors):
    _repeated(rows, "code", "kode_unit", errors, _("Unit code %(value)s is also given in row(s) %(rows)s."))
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
    looping = _nodes_on_cycles(parent_of)
    for row in rows:
        if row.code in looping:
            errors.add(
                row.number,
                "kode_unit_induk",
                _("This parent makes the unit sit below itself (the parent codes form a loop)."),
            )


def _import_units(agency, table):
    errors = _Errors(table)
    rows = _parse_unit_rows(table, errors)
    stored = {unit.code: unit for unit in Unit.objects.filter(agency=agency).select_related("parent")}
    _check_unit_rows(rows, table, stored, errors)
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
    text = _text(values.get(column))
    if not text:
        if default is None:
            errors.add(number, column, _("This value is required."))
        return default
    choice = choices.get(_key(text))
    if choice is None:
        errors.add(number, column, message % {"value": text})
    return choice


def _rank_cell(values, number, asn_kind, ranks, errors):
    text = re.sub(r"\s+", "", _text(values.get("golongan"))).upper()
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


def _parse_staff_row(number, values, table, ranks, errors):
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


def _load_staff_context(agency, rows):
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


def _check_staff_rows(agency, rows, table, context, errors):
    _repeated(rows, "nip", "nip", errors, _("NIP %(value)s is also given in row(s) %(rows)s."))
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
    looping = _nodes_on_cycles(supervisors)
    for row in rows:
        if row.nip in looping:
            errors.add(
                row.number,
                "nip_atasan",
                _("The supervisor links form a loop: this staff member would report to themselves."),
            )


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
    errors = _Errors(table)
    ranks = {rank.code.upper(): rank for rank in Rank.objects.all()}
    rows = [_parse_staff_row(number, values, table, ranks, errors) for number, values in table.rows]
    context = _load_staff_context(agency, rows)
    _check_staff_rows(agency, rows, table, context, errors)
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


# Example files ------------------------------------------------------------------------------


def example_file(kind, fmt):
    """A .csv or .xlsx file with the columns of this kind of import and two example rows."""
    columns = COLUMNS[kind]
    header = [column.name for column in columns]
    rows = [[column.examples[i] for column in columns] for i in (0, 1)]
    return _example_csv(header, rows) if fmt == "csv" else _example_xlsx(header, rows)


def _example_csv(header, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    # The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _example_xlsx(header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for index, title in enumerate(header, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(title) + 4)
        if title.startswith("nip"):
            # Text format keeps the 18 digits exact when more rows are typed in.
            sheet.column_dimensions[letter].number_format = "@"
            for cell in sheet[letter]:
                cell.number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Entry point --------------------------------------------------------------------------------

IMPORTERS = {ImportKind.STRUCTURE: _import_units, ImportKind.STAFF: _import_staff}


def import_file(*, agency, kind: str, upload, uploaded_by) -> ImportRun:
    """Checks the whole file, then stores it in one transaction; raises ImportRejected on any error.

    The returned run holds the summary: rows, created, updated and unchanged counts.
    """
    table = read_table(upload, kind)
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
        raise _file_error(
            _("The agency's data changed while the file was being imported; nothing was stored. Try again.")
        ) from None
