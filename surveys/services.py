"""Writes to the service catalogue and to service requests. Every rule the database cannot state is here.

Service requests also come in bulk from a CSV or XLSX file: every row is checked before anything is
written, one bad row rejects the whole file, and a request number already stored for the service
updates that request instead of adding it twice.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.imports.columns import Column, _header_key, _text
from accounts.imports.errors import _Errors, _file_error
from accounts.imports.examples import _example_csv, _example_xlsx
from accounts.imports.reading import MAX_ROWS, Table, _csv_rows, _read_bytes, _xlsx_rows
from accounts.models import Agency, Staff, Unit
from surveys.models import Service, ServiceRequest
from surveys.service_levels import MAX_TARGET_MINUTES, parse_datetime_text, parse_yes_no

logger = logging.getLogger(__name__)

CODE_MAX = Service._meta.get_field("code").max_length
NAME_MAX = Service._meta.get_field("name").max_length
REFERENCE_MAX = ServiceRequest._meta.get_field("reference").max_length
# Rows per bulk statement.
BATCH = 1000


# Services -----------------------------------------------------------------------------------


def _check_service(service):
    errors = {}
    if service.unit.agency_id != service.agency_id:
        errors["unit"] = _("The unit belongs to another agency.")
    if not service.code:
        errors["code"] = _("The service code is required.")
    elif len(service.code) > CODE_MAX:
        errors["code"] = _("At most %(max)d characters are allowed.") % {"max": CODE_MAX}
    else:
        same_code = Service.objects.filter(agency_id=service.agency_id, code__iexact=service.code)
        if same_code.exclude(pk=service.pk).exists():
            errors["code"] = _("This agency already has a service with this code.")
    if not service.name:
        errors["name"] = _("The service name is required.")
    elif len(service.name) > NAME_MAX:
        errors["name"] = _("At most %(max)d characters are allowed.") % {"max": NAME_MAX}
    if service.target_minutes < 1:
        errors["target_minutes"] = _("The target time must be at least one minute.")
    elif service.target_minutes > MAX_TARGET_MINUTES:
        errors["target_minutes"] = _("The target time must be at most 365 days.")
    if errors:
        raise ValidationError(errors)


def _save_service(service, **kwargs):
    try:
        with transaction.atomic():
            service.save(**kwargs)
    except IntegrityError:
        # Another save of the same code won the race between the check and this write.
        raise ValidationError({"code": _("This agency already has a service with this code.")}) from None


@transaction.atomic
def service_create(
    *, agency: Agency, unit: Unit, code: str, name: str, target_minutes: int, is_active: bool = True
) -> Service:
    """Adds a service (jenis layanan) to the agency's catalogue, e.g. KTP-el in 60 minutes."""
    service = Service(
        agency=agency,
        unit=unit,
        code=code.strip(),
        name=" ".join(name.split()),
        target_minutes=target_minutes,
        is_active=is_active,
    )
    _check_service(service)
    _save_service(service)
    return service


@transaction.atomic
def service_update(
    *, service: Service, unit: Unit, code: str, name: str, target_minutes: int, is_active: bool
) -> Service:
    """Changes a service; its agency stays. A new target applies to the figures of every period."""
    service.unit = unit
    service.code = code.strip()
    service.name = " ".join(name.split())
    service.target_minutes = target_minutes
    service.is_active = is_active
    _check_service(service)
    _save_service(service, update_fields=["unit", "code", "name", "target_minutes", "is_active"])
    return service


# One request --------------------------------------------------------------------------------


def _aware(value):
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _officer_error(officer, agency_id):
    if officer.agency_id != agency_id:
        return _("The officer is not a staff member of the service's agency.")
    if not officer.is_active:
        return _("%(name)s is not an active staff member.") % {"name": officer.full_name}
    return None


def _time_errors(received_at, completed_at, now):
    """Errors of the two times, keyed by the field they belong to."""
    errors = {}
    if received_at > now:
        errors["received_at"] = _("The time received cannot be in the future.")
    if completed_at is not None:
        if completed_at > now:
            errors["completed_at"] = _("The completion time cannot be in the future.")
        elif completed_at < received_at:
            errors["completed_at"] = _("The completion time cannot be before the time received.")
    return errors


def _reference_taken_message(reference):
    return _("Request number %(number)s is already recorded for this service.") % {"number": reference}


@transaction.atomic
def service_request_record(
    *,
    service: Service,
    officer: Staff,
    received_at: datetime,
    completed_at: datetime | None = None,
    correct_first_time: bool = True,
    reference: str = "",
) -> ServiceRequest:
    """Records one request (permohonan): who handled it, when it was received and completed.

    The time received is when the requirements were complete; an empty completion time keeps the
    request open.
    """
    request = ServiceRequest(
        service=service,
        officer=officer,
        received_at=_aware(received_at),
        completed_at=_aware(completed_at),
        correct_first_time=correct_first_time,
        reference=(reference or "").strip(),
    )
    errors = _time_errors(request.received_at, request.completed_at, timezone.now())
    if message := _officer_error(officer, service.agency_id):
        errors["officer"] = message
    if len(request.reference) > REFERENCE_MAX:
        errors["reference"] = _("At most %(max)d characters are allowed.") % {"max": REFERENCE_MAX}
    elif request.reference and service.requests.filter(reference=request.reference).exists():
        errors["reference"] = _reference_taken_message(request.reference)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise ValidationError({"reference": _reference_taken_message(request.reference)}) from None
    return request


# Import -------------------------------------------------------------------------------------

REQUEST_COLUMNS = (
    Column(
        "kode_layanan",
        True,
        gettext_lazy("Code of a service in the agency's catalogue."),
        ("KODE LAYANAN", "LAYANAN"),
        ("KTP-EL", "AKTA-LAHIR"),
    ),
    Column(
        "nomor_permohonan",
        True,
        gettext_lazy("Request number, unique per service; importing it again updates the request."),
        ("NOMOR REGISTRASI", "NO PERMOHONAN", "NOMOR"),
        ("KTP-2026-000123", "AL-2026-000045"),
    ),
    Column(
        "nip_petugas",
        True,
        gettext_lazy("NIP of the officer who handled the request, stored as text."),
        ("NIP", "PETUGAS NIP"),
        ("198609262015051001", "198609262015051001"),
    ),
    Column(
        "diterima",
        True,
        gettext_lazy("When the requirements were complete, e.g. 2026-11-23 08:15 or 23/11/2026 08:15."),
        ("WAKTU DITERIMA", "TANGGAL DITERIMA"),
        ("2026-11-23 08:15", "23/11/2026 09:30"),
    ),
    Column(
        "selesai",
        False,
        gettext_lazy("When the request was completed, written the same way; empty while still open."),
        ("WAKTU SELESAI", "TANGGAL SELESAI"),
        ("2026-11-23 08:52", "24/11/2026 10:00"),
    ),
    Column(
        "tepat_pertama_kali",
        False,
        gettext_lazy(
            "ya if the result was right the first time, tidak if it had to be redone; empty means ya."
        ),
        ("TEPAT", "BENAR PERTAMA KALI"),
        ("ya", "tidak"),
    ),
)


@dataclass(frozen=True)
class ImportSummary:
    file_name: str
    rows: int
    created: int
    updated: int

    @property
    def unchanged(self):
        return self.rows - self.created - self.updated


def _map_columns(cells):
    by_key = {key: column.name for column in REQUEST_COLUMNS for key in column.keys}
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
    missing = [column.name for column in REQUEST_COLUMNS if column.required and column.name not in headers]
    problems = []
    if missing:
        problems.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if repeated:
        problems.append(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if problems:
        problems.append(_("The accepted columns are listed on the import page."))
        raise _file_error(" ".join(problems))
    return headers, positions


def _read_requests_table(upload) -> Table:
    """The rows of an uploaded .csv or .xlsx file; raises ImportRejected for a bad file."""
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
    headers, positions = _map_columns(header)
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


@dataclass
class _RequestRow:
    number: int
    code: str
    reference: str
    nip: str
    received_at: datetime | None
    completed_at: datetime | None
    correct_first_time: bool | None
    service: Service | None = None
    officer: Staff | None = None


def _datetime_cell(values, column, number, errors, *, required):
    text = _text(values.get(column))
    if not text:
        if required:
            errors.add(number, column, _("This value is required."))
        return None
    parsed = parse_datetime_text(text)
    if parsed is None:
        message = _("%(value)s is not a date and time: write it like 2026-11-23 08:15 or 23/11/2026 08:15.")
        errors.add(number, column, message % {"value": text})
        return None
    return timezone.make_aware(parsed)


def _parse_request_row(number, values, errors):
    reference = _text(values.get("nomor_permohonan"))
    if not reference:
        errors.add(number, "nomor_permohonan", _("This value is required."))
    elif len(reference) > REFERENCE_MAX:
        message = _("At most %(max)d characters are allowed.") % {"max": REFERENCE_MAX}
        errors.add(number, "nomor_permohonan", message)
    nip = "".join(_text(values.get("nip_petugas")).split()).lstrip("'")
    if not nip:
        errors.add(number, "nip_petugas", _("This value is required."))
    elif isinstance(values.get("nip_petugas"), float):
        message = _(
            "The NIP was stored as a number and lost digits; store the NIP as text and type it again."
        )
        errors.add(number, "nip_petugas", message)
        nip = ""
    code = _text(values.get("kode_layanan"))
    if not code:
        errors.add(number, "kode_layanan", _("This value is required."))
    correct_text = _text(values.get("tepat_pertama_kali"))
    correct = parse_yes_no(correct_text) if correct_text else True
    if correct is None:
        message = _("Unknown value %(value)s: use ya or tidak.")
        errors.add(number, "tepat_pertama_kali", message % {"value": correct_text})
    return _RequestRow(
        number=number,
        code=code,
        reference=reference,
        nip=nip,
        received_at=_datetime_cell(values, "diterima", number, errors, required=True),
        completed_at=_datetime_cell(values, "selesai", number, errors, required=False),
        correct_first_time=correct,
    )


def _find_service(row, services, errors):
    if not row.code:
        return
    row.service = services.get(row.code) or services.get(row.code.lower())
    if row.service is None:
        message = _("No service with code %(code)s in this agency's catalogue.")
        errors.add(row.number, "kode_layanan", message % {"code": row.code})


def _find_officer(row, agency, staff_by_nip, errors):
    if not row.nip:
        return
    officer = staff_by_nip.get(row.nip)
    if officer is None or officer.agency_id != agency.pk:
        message = _("No staff member with NIP %(nip)s in this agency.")
        errors.add(row.number, "nip_petugas", message % {"nip": row.nip})
    elif not officer.is_active:
        message = _("%(name)s is not an active staff member.") % {"name": officer.full_name}
        errors.add(row.number, "nip_petugas", message)
    else:
        row.officer = officer


def _check_repeats(rows, errors):
    numbers = {}
    for row in rows:
        if row.service is not None and row.reference:
            numbers.setdefault((row.service.pk, row.reference), []).append(row.number)
    for (_service_id, reference), found in numbers.items():
        if len(found) == 1:
            continue
        for number in found:
            others = ", ".join(str(n) for n in found if n != number)
            message = _("Request number %(value)s is also given in row(s) %(rows)s.")
            errors.add(number, "nomor_permohonan", message % {"value": reference, "rows": others})


def _final_values(row, stored, table):
    """The values the request will have: a column left out of the file keeps the stored value."""
    completed_at = row.completed_at
    correct = row.correct_first_time
    if stored is not None:
        if not table.has("selesai"):
            completed_at = stored.completed_at
        if not table.has("tepat_pertama_kali"):
            correct = stored.correct_first_time
    return {
        "officer_id": row.officer.pk,
        "received_at": row.received_at,
        "completed_at": completed_at,
        "correct_first_time": correct,
    }


def _check_rows(agency, table, errors):
    rows = [_parse_request_row(number, values, errors) for number, values in table.rows]
    services = {}
    for service in Service.objects.filter(agency=agency):
        services.setdefault(service.code.lower(), service)
        services[service.code] = service
    nips = {row.nip for row in rows if row.nip}
    staff_by_nip = {staff.nip: staff for staff in Staff.objects.filter(nip__in=nips)}
    for row in rows:
        _find_service(row, services, errors)
        _find_officer(row, agency, staff_by_nip, errors)
    _check_repeats(rows, errors)
    return rows


def _load_stored(agency, rows):
    references = {row.reference for row in rows if row.service is not None and row.reference}
    stored = ServiceRequest.objects.filter(service__agency=agency, reference__in=references)
    return {(request.service_id, request.reference): request for request in stored}


def _planned_writes(rows, stored, table, errors):
    now = timezone.now()
    new, changed, fields = [], [], set()
    for row in rows:
        if row.service is None or row.officer is None or row.received_at is None or not row.reference:
            continue
        existing = stored.get((row.service.pk, row.reference))
        values = _final_values(row, existing, table)
        time_errors = _time_errors(values["received_at"], values["completed_at"], now)
        for field, message in time_errors.items():
            errors.add(row.number, "diterima" if field == "received_at" else "selesai", message)
        if time_errors:
            continue
        if existing is None:
            new.append(ServiceRequest(service=row.service, reference=row.reference, **values))
            continue
        differing = {name for name, value in values.items() if getattr(existing, name) != value}
        for name in differing:
            setattr(existing, name, values[name])
        if differing:
            changed.append(existing)
            fields |= differing
    return new, changed, sorted(fields)


def service_requests_import(*, agency: Agency, upload, by) -> ImportSummary:
    """Checks every row of the file, then stores all of it in one transaction.

    Raises ImportRejected, listing every problem by row and column, when any row is wrong; then
    nothing is stored. A request number already stored for the service updates that request.
    """
    table = _read_requests_table(upload)
    errors = _Errors(table)
    rows = _check_rows(agency, table, errors)
    stored = _load_stored(agency, rows)
    new, changed, fields = _planned_writes(rows, stored, table, errors)
    errors.raise_any()
    try:
        with transaction.atomic():
            ServiceRequest.objects.bulk_create(new, batch_size=BATCH)
            if changed:
                ServiceRequest.objects.bulk_update(changed, fields, batch_size=BATCH)
    except IntegrityError:
        # The same request numbers were stored by someone else between the check and the write.
        raise _file_error(
            _("The agency's data changed while the file was being imported; nothing was stored. Try again.")
        ) from None
    name = PurePath(upload.name).name
    logger.info(
        "service requests imported: agency=%s user=%s file=%s rows=%d created=%d updated=%d",
        agency.pk,
        getattr(by, "pk", None),
        name,
        len(rows),
        len(new),
        len(changed),
    )
    return ImportSummary(file_name=name, rows=len(rows), created=len(new), updated=len(changed))


def requests_example_file(fmt: str) -> bytes:
    """A .csv or .xlsx file with the import columns and two example rows."""
    header = [column.name for column in REQUEST_COLUMNS]
    rows = [[column.examples[i] for column in REQUEST_COLUMNS] for i in (0, 1)]
    return _example_csv(header, rows) if fmt == "csv" else _example_xlsx(header, rows)
