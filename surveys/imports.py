"""Service requests imported in bulk from a CSV or XLSX file.

Every row is checked before anything is written, one bad row rejects the whole file, and a request
number already stored for the service updates that request instead of adding it twice.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.imports.errors import RowErrors, file_error
from accounts.imports.examples import columns_example_file
from accounts.imports.reading import Column, cell_text, read_table
from accounts.models import Agency, Staff
from surveys.models import Service, ServiceRequest
from surveys.service_levels import parse_datetime_text, parse_yes_no
from surveys.services import REFERENCE_MAX, request_time_errors

logger = logging.getLogger(__name__)

# Rows per bulk statement.
BATCH = 1000

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
    text = cell_text(values.get(column))
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
    reference = cell_text(values.get("nomor_permohonan"))
    if not reference:
        errors.add(number, "nomor_permohonan", _("This value is required."))
    elif len(reference) > REFERENCE_MAX:
        message = _("At most %(max)d characters are allowed.") % {"max": REFERENCE_MAX}
        errors.add(number, "nomor_permohonan", message)
    nip = "".join(cell_text(values.get("nip_petugas")).split()).lstrip("'")
    if not nip:
        errors.add(number, "nip_petugas", _("This value is required."))
    elif isinstance(values.get("nip_petugas"), float):
        message = _(
            "The NIP was stored as a number and lost digits; store the NIP as text and type it again."
        )
        errors.add(number, "nip_petugas", message)
        nip = ""
    code = cell_text(values.get("kode_layanan"))
    if not code:
        errors.add(number, "kode_layanan", _("This value is required."))
    correct_text = cell_text(values.get("tepat_pertama_kali"))
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
    errors.add_repeats(
        rows,
        "nomor_permohonan",
        _("Request number %(value)s is also given in row(s) %(rows)s."),
        value=lambda row: row.reference if row.service is not None else "",
        scope=lambda row: row.service.pk,
    )
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
        time_errors = request_time_errors(values["received_at"], values["completed_at"], now)
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
    table = read_table(upload, REQUEST_COLUMNS)
    errors = RowErrors(table)
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
        raise file_error(
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
    return columns_example_file(REQUEST_COLUMNS, fmt)
