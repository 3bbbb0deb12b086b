"""The import screen and example downloads: who may use them, what they show, and query counts."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import imports
from accounts.models import ImportRun, Staff
from accounts.tests.factories import unique_nip

BACKEND = "accounts.backends.NipOrUsernameBackend"
URL = reverse("accounts:import")
STAFF_HEADER = [column.name for column in imports.STAFF_COLUMNS]


def staff_csv(rows, name="staff.csv"):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, STAFF_HEADER, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode())


def staff_rows(count, supervisor_nip, *, batch="A"):
    """A chain of new staff: the first reports to a stored official, each next one to the previous."""
    rows = []
    for n in range(count):
        rows.append(
            {
                "nip": unique_nip(),
                "jenis_asn": "PNS",
                "nama": f"Pegawai Impor {n}",
                "golongan": "III/b",
                "jabatan": f"Jabatan Impor {batch}{n % 7}",
                "jenis_jabatan": "Pelaksana",
                "kode_unit": "DUK.1",
                "nip_atasan": rows[-1]["nip"] if rows else supervisor_nip,
                "email": f"pegawai{n}@example.org",
            }
        )
    return rows


def login(client, user):
    client.force_login(user, backend=BACKEND)
    return client


def post_file(client, agency, upload, kind="staff"):
    return client.post(URL, {"agency": agency.pk, "kind": kind, "file": upload}, HTTP_ACCEPT_LANGUAGE="en")


def test_it_lets_hr_import_staff(client, org):
    login(client, org.hr)
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "nip_atasan" in page.content.decode()
    assert reverse("accounts:import_template", args=["xlsx"]) + "?kind=staff" in page.content.decode()

    response = post_file(client, org.agency, staff_csv(staff_rows(3, org.kabid_a.nip)))

    assert response.status_code == 302 and response.url == URL
    assert Staff.objects.filter(agency=org.agency, name__startswith="Pegawai Impor").count() == 3
    shown = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "staff.csv was imported: 3 rows, 3 created, 0 updated, 0 unchanged." in shown
    assert ImportRun.objects.get().uploaded_by == org.hr


def test_it_fixes_the_agency_of_an_hr_admin(client, org):
    login(client, org.hr)
    response = client.get(URL)
    assert response.context["form"].fields["agency"].disabled
    assert org.agency.short_name in response.content.decode()
    assert org.other_agency.short_name not in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_forbids_a_staff_member(client, org, method):
    login(client, org.staff_a.user)
    assert getattr(client, method)(URL).status_code == 403
    template = reverse("accounts:import_template", args=["csv"])
    assert client.get(template).status_code == 403


def test_it_sends_anonymous_visitors_to_sign_in(client, org):
    for url in (URL, reverse("accounts:import_template", args=["csv"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_it_keeps_hr_of_another_agency_out_of_this_agency(client, org):
    login(client, org.other_hr)
    before = Staff.objects.filter(agency=org.agency).count()
    response = post_file(client, org.agency, staff_csv(staff_rows(2, org.kabid_a.nip)))
    assert response.status_code == 200
    assert Staff.objects.filter(agency=org.agency).count() == before
    assert not Staff.objects.filter(name__startswith="Pegawai Impor").exists()
    assert not ImportRun.objects.exists()


def test_it_lets_the_super_admin_choose_the_agency(client, org):
    login(client, org.superadmin)
    content = client.get(URL).content.decode()
    assert org.agency.short_name in content and org.other_agency.short_name in content
    response = post_file(client, org.agency, staff_csv(staff_rows(2, org.kabid_a.nip)))
    assert response.status_code == 302
    assert Staff.objects.filter(agency=org.agency, name__startswith="Pegawai Impor").count() == 2


def test_it_shows_the_error_table_and_stores_nothing(client, org):
    login(client, org.hr)
    rows = staff_rows(4, org.kabid_a.nip)
    rows[1]["nip"] = "19860926201505100X"
    rows[2]["nip_atasan"] = org.kabid_a.nip
    rows[3]["kode_unit"] = "DUK.404"
    rows[3]["email"] = "bukan-email"
    before = Staff.objects.count()

    response = post_file(client, org.agency, staff_csv(rows))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="table table-sm table-striped align-middle table-responsive-stack import-errors"' in content
    assert "3 errors in 2 rows; nothing was stored." in content
    assert "No work unit with code DUK.404" in content
    assert Staff.objects.count() == before
    assert not ImportRun.objects.exists()


def test_it_refuses_a_20_mb_upload_with_a_message(client, org):
    login(client, org.hr)
    upload = SimpleUploadedFile("staff.csv", b"nip,nama\n" + b"1" * (20 * 1024 * 1024))
    response = post_file(client, org.agency, upload)
    assert response.status_code == 200
    assert "The file is larger than 5.0" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("fmt", "kind"), [("csv", "staff"), ("xlsx", "staff"), ("csv", "structure"), ("xlsx", "structure")]
)
def test_it_downloads_example_files(client, org, fmt, kind):
    login(client, org.hr)
    response = client.get(reverse("accounts:import_template", args=[fmt]), {"kind": kind})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="sikasn-{kind}-template.{fmt}"'
    expected = [column.name for column in imports.COLUMNS[kind]]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == expected
    assert len(rows) == 3


@pytest.mark.parametrize(("fmt", "query"), [("pdf", "staff"), ("csv", "pegawai"), ("xls", "structure")])
def test_it_answers_404_to_an_unknown_example_file(client, org, fmt, query):
    login(client, org.hr)
    assert client.get(reverse("accounts:import_template", args=[fmt]), {"kind": query}).status_code == 404


def test_it_answers_405_to_a_post_for_an_example_file(client, org):
    login(client, org.hr)
    assert client.post(reverse("accounts:import_template", args=["csv"])).status_code == 405
    assert client.put(URL).status_code == 405


def test_it_costs_the_same_queries_for_10_and_200_rows(client, org, django_assert_max_num_queries):
    login(client, org.hr)
    counts = []
    for size in (10, 200):
        upload = staff_csv(staff_rows(size, org.kabid_a.nip, batch=size), name=f"staff-{size}.csv")
        with django_assert_max_num_queries(25) as captured:
            response = post_file(client, org.agency, upload)
        assert response.status_code == 302
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    assert Staff.objects.filter(name__startswith="Pegawai Impor").count() == 210
