"""Service requests imported from a file: what is stored, and every refusal storing nothing."""

import csv
import io
from datetime import datetime, timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from accounts.imports import ImportRejected
from accounts.tests import factories as account_factories
from surveys import imports
from surveys.models import ServiceRequest
from surveys.tests import factories

HEADER = [column.name for column in imports.REQUEST_COLUMNS]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _local(text):
    return timezone.make_aware(datetime.strptime(text, "%Y-%m-%d %H:%M"))


@pytest.fixture
def ktp(org):
    return factories.service(unit_obj=org.bidang_a, code="KTP-EL", target_minutes=60)


def row(**values):
    base = {
        "kode_layanan": "KTP-EL",
        "nomor_permohonan": "KTP-001",
        "nip_petugas": "",
        "diterima": "2026-11-23 08:15",
        "selesai": "2026-11-23 08:52",
        "tepat_pertama_kali": "ya",
    }
    return {**base, **values}


def csv_upload(rows, header=HEADER, *, delimiter=",", name="permohonan.csv"):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for values in rows:
        writer.writerow([values.get(column, "") for column in header])
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"))


def xlsx_upload(rows, header=HEADER):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for values in rows:
        sheet.append([values.get(column, "") for column in header])
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("permohonan.xlsx", out.getvalue())


def run_import(org, upload):
    return imports.service_requests_import(agency=org.agency, upload=upload, by=org.hr)


def rejected(org, upload):
    with pytest.raises(ImportRejected) as caught:
        run_import(org, upload)
    return caught.value


def errors_of(error):
    return [(e.row, e.column, e.message) for e in error.errors]


@pytest.fixture
def akta(org):
    return factories.service(unit_obj=org.bidang_b, code="AKTA-LAHIR", target_minutes=3 * 1440)


def test_it_imports_requests_in_both_date_styles(org, ktp, akta):
    upload = csv_upload(
        [
            row(nip_petugas=org.staff_a.nip),
            row(
                kode_layanan="akta-lahir",
                nomor_permohonan="AL-045",
                nip_petugas=org.staff_b.nip,
                diterima="23/11/2026 09:30",
                selesai="",
                tepat_pertama_kali="tidak",
            ),
        ]
    )
    summary = run_import(org, upload)
    assert (summary.rows, summary.created, summary.updated, summary.unchanged) == (2, 2, 0, 0)
    first = ServiceRequest.objects.get(reference="KTP-001")
    assert (first.service, first.officer, first.correct_first_time) == (ktp, org.staff_a, True)
    assert (first.received_at, first.completed_at) == (_local("2026-11-23 08:15"), _local("2026-11-23 08:52"))
    second = ServiceRequest.objects.get(reference="AL-045")
    assert (second.service, second.completed_at, second.correct_first_time) == (akta, None, False)
    assert second.received_at == _local("2026-11-23 09:30")


def test_it_imports_a_workbook_with_date_cells_and_a_semicolon_csv(org, ktp):
    values = row(
        nip_petugas=org.staff_a.nip,
        diterima=datetime(2026, 11, 23, 8, 15),
        selesai=datetime(2026, 11, 23, 9, 0),
    )
    run_import(org, xlsx_upload([values]))
    stored = ServiceRequest.objects.get()
    assert stored.completed_at == _local("2026-11-23 09:00")

    run_import(org, csv_upload([row(nomor_permohonan="KTP-002", nip_petugas=org.staff_a.nip)], delimiter=";"))
    assert ServiceRequest.objects.count() == 2


def test_it_rejects_a_file_with_a_bad_row_then_imports_it_fixed(org, ktp):
    good = row(nip_petugas=org.staff_a.nip)
    bad = row(nomor_permohonan="KTP-002", nip_petugas=org.staff_a.nip, selesai="2026-11-23 07:00")

    error = rejected(org, csv_upload([good, bad]))

    assert errors_of(error) == [(3, "selesai", "The completion time cannot be before the time received.")]
    assert error.rows_with_errors == 1
    assert ServiceRequest.objects.count() == 0

    summary = run_import(org, csv_upload([good, {**bad, "selesai": "2026-11-23 09:00"}]))
    assert (summary.created, ServiceRequest.objects.count()) == (2, 2)


def test_it_updates_requests_imported_again_and_never_adds_them_twice(org, ktp):
    rows = [row(nomor_permohonan=f"KTP-{n}", nip_petugas=org.staff_a.nip) for n in range(3)]
    run_import(org, csv_upload(rows))

    again = run_import(org, csv_upload(rows))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    rows[1] = {**rows[1], "nip_petugas": org.staff_a2.nip, "tepat_pertama_kali": "tidak"}
    changed = run_import(org, csv_upload(rows))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 2)
    assert ServiceRequest.objects.count() == 3
    updated = ServiceRequest.objects.get(reference="KTP-1")
    assert (updated.officer, updated.correct_first_time) == (org.staff_a2, False)


def test_it_leaves_values_of_columns_left_out_unchanged(org, ktp):
    run_import(org, csv_upload([row(nip_petugas=org.staff_a.nip, tepat_pertama_kali="tidak")]))
    header = ["kode_layanan", "nomor_permohonan", "nip_petugas", "diterima"]
    summary = run_import(
        org, csv_upload([row(nip_petugas=org.staff_a.nip, diterima="2026-11-23 08:20")], header)
    )
    stored = ServiceRequest.objects.get()
    assert summary.updated == 1
    assert stored.received_at == _local("2026-11-23 08:20")
    assert (stored.completed_at, stored.correct_first_time) == (_local("2026-11-23 08:52"), False)


def test_it_checks_a_kept_completion_time_against_a_new_time_received(org, ktp):
    run_import(org, csv_upload([row(nip_petugas=org.staff_a.nip)]))
    header = ["kode_layanan", "nomor_permohonan", "nip_petugas", "diterima"]
    error = rejected(org, csv_upload([row(nip_petugas=org.staff_a.nip, diterima="2026-11-23 10:00")], header))
    assert errors_of(error) == [(2, "selesai", "The completion time cannot be before the time received.")]


def test_it_lists_every_problem_by_row_and_column(org, ktp):
    other_agency_staff = org.outsider.nip
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    rows = [
        row(kode_layanan="PASPOR", nip_petugas=org.staff_a.nip),
        row(nomor_permohonan="KTP-2", nip_petugas="199001012015011999"),
        row(nomor_permohonan="KTP-3", nip_petugas=other_agency_staff),
        row(nomor_permohonan="KTP-4", nip_petugas=org.kabid_b.nip),
        row(nomor_permohonan="KTP-5", nip_petugas=org.staff_a.nip, diterima="2026-11-23"),
        row(nomor_permohonan="KTP-6", nip_petugas=org.staff_a.nip, diterima=future, selesai=""),
        row(nomor_permohonan="KTP-7", nip_petugas=org.staff_a.nip, tepat_pertama_kali="mungkin"),
        row(nomor_permohonan="KTP-8", nip_petugas=org.staff_a.nip),
        row(nomor_permohonan="KTP-8", nip_petugas=org.staff_a2.nip),
        row(nomor_permohonan="", nip_petugas="", kode_layanan="", diterima=""),
    ]
    error = rejected(org, csv_upload(rows))
    assert errors_of(error) == [
        (2, "kode_layanan", "No service with code PASPOR in this agency's catalogue."),
        (3, "nip_petugas", "No staff member with NIP 199001012015011999 in this agency."),
        (4, "nip_petugas", f"No staff member with NIP {other_agency_staff} in this agency."),
        (5, "nip_petugas", f"{org.kabid_b.full_name} is not an active staff member."),
        (
            6,
            "diterima",
            "2026-11-23 is not a date and time: write it like 2026-11-23 08:15 or 23/11/2026 08:15.",
        ),
        (7, "diterima", "The time received cannot be in the future."),
        (8, "tepat_pertama_kali", "Unknown value mungkin: use ya or tidak."),
        (9, "nomor_permohonan", "Request number KTP-8 is also given in row(s) 10."),
        (10, "nomor_permohonan", "Request number KTP-8 is also given in row(s) 9."),
        (11, "kode_layanan", "This value is required."),
        (11, "nomor_permohonan", "This value is required."),
        (11, "nip_petugas", "This value is required."),
        (11, "diterima", "This value is required."),
    ]
    assert ServiceRequest.objects.count() == 0


def test_it_refuses_a_nip_that_a_spreadsheet_turned_into_a_number(org, ktp):
    error = rejected(org, xlsx_upload([row(nip_petugas=float(org.staff_a.nip))]))
    assert errors_of(error)[0][:2] == (2, "nip_petugas")
    assert "stored as a number" in errors_of(error)[0][2]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("requests.xls", b"old"), "Only .csv and .xlsx"),
        (SimpleUploadedFile("requests.csv", b""), "The file is empty."),
        (
            SimpleUploadedFile("requests.csv", b"kode_layanan,nomor_permohonan\n"),
            "Required columns are missing",
        ),
        (
            SimpleUploadedFile("requests.csv", ",".join([*HEADER, "catatan"]).encode() + b"\nx\n"),
            "Unknown columns: catatan.",
        ),
        (SimpleUploadedFile("requests.csv", ",".join(HEADER).encode() + b"\n"), "no data rows"),
        (SimpleUploadedFile("requests.xlsx", b"not a workbook"), "could not be opened"),
    ],
)
def test_it_rejects_a_bad_file_as_a_whole(org, upload, message):
    error = rejected(org, upload)
    assert message in error.file_errors[0].message
    assert ServiceRequest.objects.count() == 0


def test_it_accepts_the_column_names_of_other_exports(org, ktp):
    header = ["Kode Layanan", "NO PERMOHONAN", "NIP", "Waktu Diterima", "WAKTU_SELESAI", "Tepat"]
    values = [["KTP-EL", "KTP-9", org.staff_a.nip, "23/11/2026 08:00", "23/11/2026 08:30", "Ya"]]
    out = io.StringIO(newline="")
    csv.writer(out).writerows([header, *values])
    run_import(org, SimpleUploadedFile("export.csv", out.getvalue().encode()))
    assert ServiceRequest.objects.get().reference == "KTP-9"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_imports_its_own_example_file(org, fmt):
    officer = account_factories.staff(unit_obj=org.bidang_a, nip="198609262015051001")
    factories.service(unit_obj=org.bidang_a, code="KTP-EL")
    factories.service(unit_obj=org.bidang_b, code="AKTA-LAHIR", target_minutes=4320)
    summary = run_import(org, SimpleUploadedFile(f"example.{fmt}", imports.requests_example_file(fmt)))
    assert summary.created == 2
    assert set(ServiceRequest.objects.values_list("officer", flat=True)) == {officer.pk}


def test_it_imports_with_a_fixed_number_of_queries(org, ktp, django_assert_max_num_queries):
    def upload(count, start, officer):
        return csv_upload(
            [row(nomor_permohonan=f"KTP-{start + n}", nip_petugas=officer.nip) for n in range(count)]
        )

    with django_assert_max_num_queries(8):
        run_import(org, upload(5, 0, org.staff_a))
    with django_assert_max_num_queries(8):
        run_import(org, upload(50, 100, org.staff_a))
    with django_assert_max_num_queries(8):
        summary = run_import(org, upload(50, 100, org.staff_a2))
    assert summary.updated == 50
    assert ServiceRequest.objects.count() == 55
