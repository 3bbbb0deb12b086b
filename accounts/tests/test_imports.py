"""Staff and structure import: reading files, checking every row, storing all or nothing."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from accounts import imports
from accounts.imports import writing
from accounts.models import ImportRun, Position, Staff, Unit
from accounts.tests import factories
from accounts.tests.factories import make_pppk_ni, unique_nip

STAFF_HEADER = [column.name for column in imports.STAFF_COLUMNS]
UNIT_HEADER = [column.name for column in imports.STRUCTURE_COLUMNS]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def staff_row(**values):
    row = {
        "nip": unique_nip(),
        "jenis_asn": "PNS",
        "nama": "Siti Rahmawati",
        "gelar_depan": "",
        "gelar_belakang": "S.Kom.",
        "golongan": "III/a",
        "jabatan": "Pranata Komputer Ahli Pertama",
        "jenis_jabatan": "Fungsional",
        "jenjang_jabatan": "Ahli Pertama",
        "kode_unit": "DUK.1",
        "nip_atasan": "",
        "email": "",
        "telepon": "",
        "status": "",
    }
    return {**row, **values}


def csv_file(rows, header=STAFF_HEADER, *, name="staff.csv", delimiter=",", encoding="utf-8"):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(
        [row.get(column, "") for column in header] if isinstance(row, dict) else row for row in rows
    )
    return SimpleUploadedFile(name, out.getvalue().encode(encoding))


def xlsx_file(rows, header=STAFF_HEADER, *, name="staff.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column, "") for column in header] if isinstance(row, dict) else row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def with_number_cells(upload, texts):
    """Rewrites text cells as number cells, as some SIMPEG exports store NIPs."""
    source = zipfile.ZipFile(io.BytesIO(upload.read()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                for text in texts:
                    data = data.replace(
                        f't="inlineStr"><is><t>{text}</t></is>'.encode(), f't="n"><v>{text}</v>'.encode()
                    )
            target.writestr(item, data)
    return SimpleUploadedFile(upload.name, out.getvalue())


def run_import(org, upload, kind="staff"):
    return imports.import_file(agency=org.agency, kind=kind, upload=upload, uploaded_by=org.hr)


def rejected(org, upload, kind="staff"):
    with pytest.raises(imports.ImportRejected) as caught:
        run_import(org, upload, kind)
    return caught.value


def messages_of(error, column=None):
    return " ".join(e.message for e in error.errors if column is None or e.column == column)


def table_counts():
    return (
        Staff.objects.count(),
        get_user_model().objects.count(),
        Position.objects.count(),
        Unit.objects.count(),
        ImportRun.objects.count(),
    )


# Good files ---------------------------------------------------------------------------------


def test_it_imports_a_csv_staff_file(org):
    head = staff_row(
        nama="Rina Marlina",
        gelar_depan="Dr.",
        gelar_belakang="M.Si.",
        golongan="IV/c",
        jabatan="Sekretaris",
        jenis_jabatan="JPT",
        jenjang_jabatan="Pratama",
        kode_unit="DUK",
        nip_atasan=org.head.nip,
        email="Rina@Example.ORG",
        telepon="0812 3456 789",
    )
    member = staff_row(nip_atasan=head["nip"], status="pensiun")

    run = run_import(org, csv_file([member, head]))

    assert (run.row_count, run.created_count, run.updated_count, run.unchanged_count) == (2, 2, 0, 0)
    assert (run.agency, run.kind, run.file_name, run.uploaded_by) == (
        org.agency,
        "staff",
        "staff.csv",
        org.hr,
    )
    rina = Staff.objects.select_related("user", "position", "rank", "unit").get(nip=head["nip"])
    assert rina.full_name == "Dr. Rina Marlina, M.Si."
    assert (rina.position.position_type, rina.position.level) == ("jpt", "pratama")
    assert (rina.rank.code, rina.unit, rina.supervisor, rina.phone) == (
        "IV/c",
        org.root,
        org.head,
        "0812 3456 789",
    )
    assert (rina.user.username, rina.user.email) == (head["nip"], "Rina@example.org")
    assert not rina.user.has_usable_password()
    siti = Staff.objects.get(nip=member["nip"])
    assert (siti.supervisor, siti.status, siti.unit) == (rina, "retired", org.bidang_a)


def test_it_imports_an_xlsx_file_with_nips_stored_as_numbers(org):
    first, second = staff_row(), staff_row(jenis_asn="PPPK", golongan="IX")
    second["nip"] = make_pppk_ni(serial=77)
    first["nip_atasan"] = org.kabid_a.nip
    second["nip_atasan"] = first["nip"]
    numbers = [first["nip"], second["nip"], org.kabid_a.nip]

    upload = with_number_cells(xlsx_file([first, second]), numbers)
    cells = next(openpyxl.load_workbook(upload, read_only=True).active.iter_rows(min_row=3, values_only=True))
    assert (cells[0], cells[10]) == (int(second["nip"]), int(first["nip"]))
    upload.seek(0)

    run = run_import(org, upload)

    assert run.created_count == 2
    pppk = Staff.objects.get(nip=second["nip"])
    assert (pppk.asn_kind, pppk.rank.code, pppk.supervisor.nip) == ("pppk", "IX", first["nip"])


def test_it_reads_a_semicolon_csv_in_windows_1252(org):
    row = staff_row(nama="Dédé Sùmarna", nip_atasan=f"'{org.kabid_a.nip}")
    run_import(org, csv_file([row], delimiter=";", encoding="cp1252"))
    assert Staff.objects.get(nip=row["nip"]).name == "Dédé Sùmarna"


def test_it_reads_a_utf8_csv_with_byte_order_mark(org):
    row = staff_row(nama="Dédé")
    run_import(org, csv_file([row], encoding="utf-8-sig"))
    assert Staff.objects.get(nip=row["nip"]).name == "Dédé"


def test_it_accepts_the_column_names_of_siasn_exports(org):
    header = [
        "NIP BARU",
        "Jenis ASN",
        "NAMA",
        "GELAR DEPAN",
        "GELAR BELAKANG",
        "GOL AKHIR NAMA",
        "JABATAN NAMA",
        "JENIS JABATAN",
        "Jenjang_Jabatan",
        "UNOR ID",
        "NIP ATASAN",
    ]
    nip = unique_nip()
    row = [
        nip,
        "pns",
        "Budi",
        "",
        "S.E.",
        "III/B",
        "Pengadministrasi Umum",
        "Pelaksana",
        "",
        "DUK.2",
        org.kabid_b.nip,
    ]

    run_import(org, xlsx_file([row], header))

    budi = Staff.objects.get(nip=nip)
    assert (budi.rank.code, budi.position.position_type, budi.supervisor) == (
        "III/b",
        "pelaksana",
        org.kabid_b,
    )


def test_it_updates_on_reimport_and_never_duplicates(org):
    rows = [
        staff_row(nip_atasan=org.kabid_a.nip, email="a@example.org"),
        staff_row(nip_atasan=org.kabid_a.nip),
    ]
    run_import(org, csv_file(rows))
    before = table_counts()

    rows[0]["nama"] = "Nama Baru"
    rows[1]["email"] = "b@example.org"
    again = run_import(org, csv_file(rows))

    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 2, 0)
    assert table_counts()[:4] == before[:4]
    assert Staff.objects.get(nip=rows[0]["nip"]).name == "Nama Baru"
    assert Staff.objects.get(nip=rows[1]["nip"]).user.email == "b@example.org"
    third = run_import(org, csv_file(rows))
    assert (third.created_count, third.updated_count, third.unchanged_count) == (0, 0, 2)


def test_it_updates_staff_added_by_hand_and_moves_their_supervisor(org):
    row = staff_row(
        nip=org.staff_a.nip,
        nama="Staf A Baru",
        jabatan=org.staff_a.position.name,
        jenis_jabatan="Pelaksana",
        jenjang_jabatan="",
        kode_unit="DUK.2",
        nip_atasan=org.kabid_b.nip,
    )
    run = run_import(org, csv_file([row]))
    org.staff_a.refresh_from_db()
    assert (run.created_count, run.updated_count) == (0, 1)
    assert (org.staff_a.name, org.staff_a.unit, org.staff_a.supervisor) == (
        "Staf A Baru",
        org.bidang_b,
        org.kabid_b,
    )


def test_it_leaves_the_fields_of_omitted_columns_unchanged(org):
    header = ["nip", "jenis_asn", "nama", "jabatan", "jenis_jabatan", "kode_unit"]
    row = [org.staff_a.nip, "PNS", "Staf A", org.staff_a.position.name, "pelaksana", "DUK.1"]
    run = run_import(org, csv_file([row], header))
    org.staff_a.refresh_from_db()
    assert run.unchanged_count == 1
    assert (org.staff_a.supervisor, org.staff_a.rank.code) == (org.kabid_a, "III/a")
    assert org.staff_a.user.email == f"{org.staff_a.nip}@example.test"


def test_it_imports_a_structure_file_with_parents_given_later(org):
    rows = [
        ["DUK.1.1", "Seksi Identitas Penduduk", "DUK.1"],
        ["DUK.3.1", "Seksi Pengolahan Data", "DUK.3"],
        ["DUK.3", "Bidang Pengelolaan Informasi", "DUK"],
        ["DUK.1", "Bidang Pelayanan Pendaftaran Penduduk (baru)", "DUK"],
    ]
    run = run_import(org, csv_file(rows, UNIT_HEADER), kind="structure")

    assert (run.created_count, run.updated_count, run.unchanged_count) == (3, 1, 0)
    assert Unit.objects.get(agency=org.agency, code="DUK.3.1").parent.code == "DUK.3"
    assert Unit.objects.get(agency=org.agency, code="DUK.3").parent == org.root
    assert Unit.objects.get(pk=org.bidang_a.pk).name.endswith("(baru)")
    again = run_import(org, xlsx_file(rows, UNIT_HEADER), kind="structure")
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 4)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_imports_its_own_example_files(db, fmt):
    agency = factories.agency()
    for kind in ("structure", "staff"):
        upload = SimpleUploadedFile(f"example.{fmt}", imports.example_file(kind, fmt))
        run = imports.import_file(agency=agency, kind=kind, upload=upload, uploaded_by=None)
        assert run.created_count == 2
    member = Staff.objects.get(nip="200012312024211001")
    assert (member.asn_kind, member.supervisor.nip, member.unit.parent.code) == (
        "pppk",
        "198609262015051001",
        "DUK",
    )


# Bad files ----------------------------------------------------------------------------------


def test_it_names_unknown_and_missing_columns(org):
    header = ["nip", "jenis_asn", "nama", "jabatan", "jenis_jabatan", "tanggal_lahir"]
    error = rejected(org, csv_file([["1", "PNS", "X", "Y", "Pelaksana", "1990-01-01"]], header))
    assert len(error.errors) == 1 and error.errors[0].row is None
    assert "missing: kode_unit" in error.errors[0].message
    assert "Unknown columns: tanggal_lahir" in error.errors[0].message


def test_it_points_out_a_file_of_the_other_kind(org):
    error = rejected(org, csv_file([["DUK.9", "Seksi", "DUK"]], UNIT_HEADER))
    assert "other kind of file" in messages_of(error)


def test_it_refuses_a_column_given_twice(org):
    header = [*STAFF_HEADER, "NIP BARU"]
    error = rejected(org, csv_file([[*staff_row().values(), "1"]], header))
    assert "Columns given twice: NIP BARU" in messages_of(error)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("staff.csv", b"", "The file is empty."),
        ("staff.csv", b" \r\n\r\n", "The file is empty."),
        ("staff.csv", ",".join(STAFF_HEADER).encode() + b"\r\n,,,\r\n", "no data rows"),
        ("staff.xls", b"\xd0\xcf\x11\xe0 old workbook", "Only .csv and .xlsx"),
        ("staff.txt", b"nip\n1\n", "Only .csv and .xlsx"),
        ("staff.xlsx", b"PK\x03\x04 not really a workbook", "could not be opened as an Excel workbook"),
        ("staff.csv", b"\x81\x8d\x8f\x90\x9d", "neither UTF-8 nor Windows-1252"),
        ("staff.csv", b"\r\n\r\nnip,nama\r\n", "first row must hold the column names"),
        ("units.csv", b"kode_unit,nama_unit\r\nDUK.9,Seksi\x00Baru\r\n", "NUL characters"),
    ],
)
def test_it_refuses_an_unreadable_file_with_one_clear_message(org, name, content, message):
    before = table_counts()
    error = rejected(org, SimpleUploadedFile(name, content))
    assert [e.row for e in error.errors] == [None]
    assert message in error.errors[0].message
    assert table_counts() == before


def test_it_refuses_an_xlsx_file_with_only_a_header(org):
    error = rejected(org, xlsx_file([]))
    assert "no data rows" in messages_of(error)


def test_it_refuses_a_file_of_20_mb(org, settings):
    upload = SimpleUploadedFile("staff.csv", b"x" * (20 * 1024 * 1024))
    error = rejected(org, upload)
    assert "larger than 5" in messages_of(error)


def test_it_refuses_a_file_larger_than_the_limit_even_when_its_size_is_unknown(org, settings):
    settings.IMPORT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("staff.csv", b"nip\n" + b"1" * 2000)
    upload.size = None
    assert "larger than" in messages_of(rejected(org, upload))


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("19860926201505100A", "digits only"),
        ("19860926201505100", "exactly 18 digits (it has 17)"),
        ("1986092620150510011", "exactly 18 digits (it has 19)"),
        ("198602302015051001", "not a real birth date"),
        ("198609262015131001", "appointment month"),
        ("198609262015053001", "Digit 15"),
        ("198609262015051000", "start at 001"),
        ("198609261985051001", "after the birth date"),
        ("1.98609262015051E+17", "store the NIP as text"),
    ],
)
def test_it_gives_the_reason_for_a_malformed_nip(org, nip, message):
    error = rejected(org, csv_file([staff_row(nip=nip)]))
    assert error.errors[0].row == 2 and error.errors[0].column == "nip"
    assert message in error.errors[0].message


def test_it_refuses_a_nip_cell_that_excel_turned_into_a_float(org):
    error = rejected(org, xlsx_file([staff_row(nip=1.98609262015051e17)]))
    assert "store the NIP as text" in messages_of(error, "nip")


def test_it_checks_a_pppk_number_by_the_pppk_rule(org):
    pppk = make_pppk_ni(serial=5)
    run_import(org, csv_file([staff_row(nip=pppk, jenis_asn="PPPK", golongan="VII")]))
    assert Staff.objects.get(nip=pppk).asn_kind == "pppk"

    as_pns = rejected(org, csv_file([staff_row(nip=make_pppk_ni(serial=6), jenis_asn="PNS", golongan="")]))
    assert "appointment month" in messages_of(as_pns, "nip")
    pns_as_pppk = rejected(
        org, csv_file([staff_row(nip="198609262015051001", jenis_asn="PPPK", golongan="")])
    )
    assert "PPPK appointment year" in messages_of(pns_as_pppk, "nip")


def test_it_marks_every_row_of_a_repeated_nip(org):
    nip = unique_nip()
    rows = [staff_row(nip=nip), staff_row(), staff_row(nip=nip), staff_row(nip=nip)]
    error = rejected(org, csv_file(rows))
    repeated = [(e.row, e.message) for e in error.errors if "also given" in e.message]
    assert [row for row, _message in repeated] == [2, 4, 5]
    assert "row(s) 4, 5" in repeated[0][1]


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"kode_unit": "DUK.9"}, "kode_unit", "No work unit with code DUK.9"),
        ({"kode_unit": "KOM"}, "kode_unit", "No work unit with code KOM"),
        ({"golongan": "V/a"}, "golongan", "Unknown grade V/A"),
        ({"golongan": "IX"}, "golongan", "Grade IX is not a PNS grade"),
        ({"jenis_asn": "honorer"}, "jenis_asn", "Unknown ASN kind honorer"),
        ({"jenis_jabatan": "Eselon"}, "jenis_jabatan", "Unknown position type Eselon"),
        ({"jenjang_jabatan": "Pratama"}, "jenjang_jabatan", "needs one of these levels: Ahli Pertama"),
        ({"jenis_jabatan": "Pelaksana"}, "jenjang_jabatan", "has no level"),
        ({"jenis_jabatan": "JPT", "jenjang_jabatan": ""}, "jenjang_jabatan", "Utama, Madya, Pratama"),
        ({"jenjang_jabatan": "Ahli Super"}, "jenjang_jabatan", "Unknown level Ahli Super"),
        ({"email": "bukan-email"}, "email", "not a valid e-mail"),
        ({"status": "cuti"}, "status", "Unknown status cuti"),
        ({"nama": ""}, "nama", "required"),
        ({"nama": "x" * 151}, "nama", "At most 150"),
        ({"nip_atasan": "198001012005011001"}, "nip_atasan", "No staff member with NIP 198001012005011001"),
    ],
)
def test_it_explains_each_bad_value(org, values, column, message):
    error = rejected(org, csv_file([staff_row(**values)]))
    assert message in messages_of(error, column), error.errors


def test_it_refuses_a_supervisor_from_another_agency(org):
    error = rejected(org, csv_file([staff_row(nip_atasan=org.outsider.nip)]))
    assert "No staff member with NIP" in messages_of(error, "nip_atasan")


def test_it_refuses_a_nip_of_another_agencys_staff(org):
    error = rejected(org, csv_file([staff_row(nip=org.outsider.nip)]))
    assert "another agency" in messages_of(error, "nip")
    assert Staff.objects.get(pk=org.outsider.pk).agency == org.other_agency


def test_it_refuses_a_nip_already_used_as_a_user_name(org):
    nip = unique_nip()
    factories.user(username=nip)
    assert "user name exists" in messages_of(rejected(org, csv_file([staff_row(nip=nip)])), "nip")


def test_it_refuses_own_supervisor_and_a_loop_inside_the_file(org):
    a, b, c, d = staff_row(), staff_row(), staff_row(), staff_row()
    a["nip_atasan"], b["nip_atasan"], c["nip_atasan"] = b["nip"], c["nip"], a["nip"]
    d["nip_atasan"] = d["nip"]
    error = rejected(org, csv_file([a, b, c, d]))
    assert [e.row for e in error.errors if "loop" in e.message] == [2, 3, 4]
    assert [e.row for e in error.errors if "own supervisor" in e.message] == [5]


def test_it_refuses_a_loop_between_the_file_and_the_database(org):
    # Staf A reports to Kabid A, who reports to the head: the head may not report to Staf A.
    head = staff_row(
        nip=org.head.nip,
        nama=org.head.name,
        jabatan=org.head.position.name,
        jenis_jabatan="Pelaksana",
        jenjang_jabatan="",
        kode_unit="DUK",
        nip_atasan=org.staff_a.nip,
    )
    before = table_counts()
    error = rejected(org, csv_file([staff_row(), head]))
    assert [(e.row, e.column) for e in error.errors] == [(3, "nip_atasan")]
    assert "loop" in error.errors[0].message
    org.head.refresh_from_db()
    assert org.head.supervisor is None
    assert table_counts() == before


def test_it_refuses_a_position_name_with_another_type(org):
    stored = org.staff_a.position
    in_database = staff_row(jabatan=stored.name)
    first, second = (
        staff_row(jabatan="Analis Baru"),
        staff_row(jabatan="Analis Baru", jenis_jabatan="Pelaksana"),
    )
    second["jenjang_jabatan"] = ""
    error = rejected(org, csv_file([in_database, first, second]))
    assert "already has position" in messages_of(error, "jenis_jabatan")
    assert [e.row for e in error.errors if "Row 3 gives position Analis Baru" in e.message] == [4]


def test_it_stores_nothing_when_one_row_of_many_is_wrong(org):
    rows = [staff_row(nip_atasan=org.kabid_a.nip, jabatan=f"Jabatan Baru {n}") for n in range(20)]
    rows.append(staff_row(kode_unit="TIDAK-ADA"))
    before = table_counts()
    error = rejected(org, xlsx_file(rows))
    assert [(e.row, e.column) for e in error.errors] == [(22, "kode_unit")]
    assert table_counts() == before


def test_it_numbers_rows_as_the_spreadsheet_shows_them(org):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(STAFF_HEADER)
    sheet.append([staff_row()[column] for column in STAFF_HEADER])
    sheet.cell(row=7, column=1, value=unique_nip())  # rows 3-6 left empty
    out = io.BytesIO()
    book.save(out)
    error = rejected(org, SimpleUploadedFile("staff.xlsx", out.getvalue()))
    assert {e.row for e in error.errors} == {7}
    assert error.rows_with_errors == 1


def test_it_refuses_bad_structure_rows(org):
    rows = [
        ["DUK.5", "Bidang Lima", "DUK.9"],
        ["DUK.6", "", "DUK"],
        ["DUK.7", "Bidang Tujuh", "DUK.7"],
        ["DUK.8", "Bidang Delapan", "DUK"],
        ["DUK.8", "Bidang Delapan Lagi", "DUK"],
    ]
    before = table_counts()
    error = rejected(org, csv_file(rows, UNIT_HEADER), kind="structure")
    found = {(e.row, e.column) for e in error.errors}
    assert found == {
        (2, "kode_unit_induk"),
        (3, "nama_unit"),
        (4, "kode_unit_induk"),
        (5, "kode_unit"),
        (6, "kode_unit"),
    }
    assert table_counts() == before


def test_it_refuses_unit_parent_loops_in_the_file_and_with_the_database(org):
    rows = [
        ["DUK", "Disdukcapil", "DUK.1"],  # DUK.1 is stored below DUK
        ["X.1", "Unit X1", "X.2"],
        ["X.2", "Unit X2", "X.1"],
    ]
    error = rejected(org, csv_file(rows, UNIT_HEADER), kind="structure")
    assert [e.row for e in error.errors if "loop" in e.message] == [2, 3, 4]
    assert Unit.objects.get(pk=org.root.pk).parent is None


def test_it_stores_nothing_when_the_data_changes_during_the_import(org, monkeypatch):
    load = writing.load_staff_context

    def load_then_add_the_same_position(agency, rows):
        context = load(agency, rows)
        factories.position(agency_obj=agency, name=rows[0].position_key[0])
        return context

    monkeypatch.setattr(writing, "load_staff_context", load_then_add_the_same_position)
    rows = [staff_row(jabatan="Jabatan Serentak"), staff_row(jabatan="Jabatan Serentak")]
    before = table_counts()
    error = rejected(org, csv_file(rows))
    assert "changed while the file was being imported" in messages_of(error)
    assert table_counts() == before
