import csv
import re

import openpyxl
import pytest
from playwright.sync_api import expect

from accounts.models import Staff
from e2e.conftest import screenshot, sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
HEADER = [
    "nip",
    "jenis_asn",
    "nama",
    "gelar_belakang",
    "golongan",
    "jabatan",
    "jenis_jabatan",
    "jenjang_jabatan",
    "kode_unit",
    "nip_atasan",
]
# Birth years after 1994, so that no NIP made by the factories can be the same.
FIRST_NIP = "199703152022031001"
GOOD_NIP = "199805202022031002"
BAD_NIP = "199805202022131002"  # month 13 in digits 13–14
THIRD_NIP = "199511082021032001"


def _staff_rows(org, second_nip):
    return [
        [
            FIRST_NIP,
            "PNS",
            "Dewi Lestari",
            "S.Kom.",
            "III/a",
            "Pranata Komputer Ahli Pertama",
            "Fungsional",
            "Ahli Pertama",
            "DUK.1",
            org.kabid_a.nip,
        ],
        [
            second_nip,
            "PNS",
            "Agus Prasetyo",
            "S.E.",
            "III/b",
            "Penata Laporan Keuangan",
            "Pelaksana",
            "",
            "DUK.1",
            org.kabid_a.nip,
        ],
        [
            THIRD_NIP,
            "PNS",
            "Yuliana Sari",
            "S.H.",
            "III/a",
            "Analis Kependudukan",
            "Fungsional",
            "Ahli Pertama",
            "DUK.2",
            org.head.nip,
        ],
    ]


def _write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _upload(page, path):
    page.locator("input[name=kind][value=staff]").check()
    page.locator("input[name=file]").set_input_files(path)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def _sign_in_as_hr(page, org):
    sign_in(page, org.hr.username, PASSWORD)
    page.locator("main a[href*='/accounts/import/']").click()


def test_it_rejects_a_file_with_a_bad_nip_then_imports_it_once_fixed(page, live_server, org, tmp_path):
    _sign_in_as_hr(page, org)
    expect(page).to_have_url(f"{live_server.url}/accounts/import/")
    staff_before = Staff.objects.count()

    _upload(page, _write_csv(tmp_path / "pegawai.csv", _staff_rows(org, BAD_NIP)))
    errors = page.locator("table.import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.locator("td").nth(0)).to_have_text("3")
    expect(errors.locator("td").nth(1)).to_have_text("nip")
    expect(errors.locator("td").nth(2)).to_contain_text("13–14")
    expect(page.locator(".import-error-summary")).to_contain_text("tidak ada data yang disimpan")
    assert Staff.objects.count() == staff_before
    screenshot(page, "import-errors-desktop")

    _upload(page, _write_csv(tmp_path / "pegawai.csv", _staff_rows(org, GOOD_NIP)))
    expect(page).to_have_url(f"{live_server.url}/accounts/import/")
    expect(page.locator("table.import-errors")).to_have_count(0)
    success = page.locator("main .alert-success")
    expect(success).to_contain_text("pegawai.csv")
    expect(success).to_contain_text(re.compile(r"\b3 ditambahkan\b"))
    assert Staff.objects.count() == staff_before + 3
    screenshot(page, "import-success-desktop")

    page.get_by_role("navigation").locator("a[href='/accounts/staff/']").click()
    for full_name, nip, unit in [
        ("Dewi Lestari, S.Kom.", FIRST_NIP, "Bidang Pelayanan Pendaftaran Penduduk"),
        ("Agus Prasetyo, S.E.", GOOD_NIP, "Bidang Pelayanan Pendaftaran Penduduk"),
        ("Yuliana Sari, S.H.", THIRD_NIP, "Bidang Pencatatan Sipil"),
    ]:
        page.locator("input[name=q]").fill(full_name.split(",")[0])
        with page.expect_navigation():
            page.locator("form[role=search] button[type=submit]").click()
        row = page.locator("main table tbody tr")
        expect(row).to_have_count(1)
        expect(row).to_contain_text(full_name)
        expect(row.locator(".nip")).to_have_text(nip)
        expect(row).to_contain_text(unit)


def test_it_imports_a_workbook_on_a_phone(phone_page, live_server, org, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["nip", "jenis_asn", "nama", "golongan", "jabatan", "jenis_jabatan", "kode_unit"])
    sheet.append(
        ["199602142020121001", "PNS", "Rudi Hartono", "II/c", "Pengadministrasi Umum", "Pelaksana", "DUK.2"]
    )
    sheet.append(
        ["199607042024211003", "PPPK", "Fitri Handayani", "IX", "Pengelola Data", "Pelaksana", "DUK.2"]
    )
    workbook = tmp_path / "pegawai-baru.xlsx"
    book.save(workbook)
    staff_before = Staff.objects.count()

    _sign_in_as_hr(phone_page, org)
    expect(phone_page).to_have_url(f"{live_server.url}/accounts/import/")
    expect(phone_page.locator("main form input[name=file]")).to_be_visible()
    expect(phone_page.locator("#columns-staff")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    overflowing = phone_page.evaluate(
        "[...document.querySelectorAll('main .table-responsive')]"
        ".filter(box => box.scrollWidth > box.clientWidth).length"
    )
    assert overflowing == 0, "A table of the import page scrolls sideways"
    screenshot(phone_page, "import-phone")

    _upload(phone_page, workbook)
    success = phone_page.locator("main .alert-success")
    expect(success).to_contain_text("pegawai-baru.xlsx")
    expect(success).to_contain_text(re.compile(r"\b2 ditambahkan\b"))
    assert Staff.objects.count() == staff_before + 2
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "import-success-phone")
