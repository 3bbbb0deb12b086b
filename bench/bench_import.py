"""Times the staff import of 5,000 rows from XLSX and CSV, and a re-import.

Run against a migrated PostgreSQL database named by DATABASE_URL:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikasn_bench .venv/bin/python bench/bench_import.py

Each run creates its own agencies and units with unique codes and leaves them in the database.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

import openpyxl  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from accounts import imports  # noqa: E402
from accounts.models import Agency, Staff, Unit  # noqa: E402

TARGET_SECONDS = 10.0
UNITS = 20
HEADER = [column.name for column in imports.STAFF_COLUMNS]
POSITIONS = [
    ("Pranata Komputer", "Fungsional", "Ahli Pertama"),
    ("Analis Kebijakan", "Fungsional", "Ahli Muda"),
    ("Pengadministrasi Perkantoran", "Pelaksana", ""),
    ("Operator Layanan Operasional", "Pelaksana", ""),
    ("Penata Kelola Sistem dan Teknologi Informasi", "Pelaksana", ""),
]


def new_agency(label):
    tag = uuid.uuid4().hex[:8]
    agency = Agency.objects.create(
        code=f"bench-{tag}",
        name=f"Bench {label} {tag}",
        short_name=f"Bench {tag}",
        government="Pemerintah Kota Dumai",
    )
    root = Unit.objects.create(agency=agency, code=f"B{tag}", name=f"Dinas Bench {tag}")
    Unit.objects.bulk_create(
        Unit(agency=agency, parent=root, code=f"B{tag}.{n}", name=f"Bidang {n}") for n in range(1, UNITS + 1)
    )
    return agency, root.code


def fresh_nips(count, rng):
    """Valid PNS NIPs that no stored staff member has."""
    taken = set(Staff.objects.values_list("nip", flat=True))
    nips = []
    while len(nips) < count:
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(35 * 365))
        appointed = (born.year + rng.randint(20, 30), rng.randint(1, 12))
        nip = f"{born:%Y%m%d}{appointed[0]}{appointed[1]:02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"
        if appointed[0] <= date.today().year and nip not in taken:
            taken.add(nip)
            nips.append(nip)
    return nips


def staff_rows(count, root_code, rng):
    """A head, one head per unit below them, and everyone else below a unit head."""
    nips = fresh_nips(count, rng)
    rows = [row(nips[0], "Kepala Dinas", ("Kepala Dinas", "JPT", "Pratama"), root_code, "", "IV/c")]
    for n in range(1, UNITS + 1):
        position = (f"Kepala Bidang {n}", "Administrator", "")
        rows.append(row(nips[n], f"Kepala Bidang {n}", position, f"{root_code}.{n}", nips[0], "IV/a"))
    for index in range(UNITS + 1, count):
        unit = 1 + index % UNITS
        position = POSITIONS[index % len(POSITIONS)]
        rows.append(
            row(nips[index], f"Pegawai {index}", position, f"{root_code}.{unit}", nips[unit], "III/a")
        )
    return rows


def row(nip, name, position, unit_code, supervisor_nip, grade):
    return {
        "nip": nip,
        "jenis_asn": "PNS",
        "nama": name,
        "gelar_depan": "",
        "gelar_belakang": "S.Kom.",
        "golongan": grade,
        "jabatan": position[0],
        "jenis_jabatan": position[1],
        "jenjang_jabatan": position[2],
        "kode_unit": unit_code,
        "nip_atasan": supervisor_nip,
        "email": f"{nip}@example.org",
        "telepon": "0812000000",
        "status": "aktif",
    }


def csv_upload(rows):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("bench.csv", out.getvalue().encode())


def xlsx_upload(rows):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for values in rows:
        sheet.append([values[name] for name in HEADER])
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("bench.xlsx", out.getvalue())


def timed(label, agency, upload):
    size = upload.size
    started = time.perf_counter()
    run = imports.import_file(agency=agency, kind="staff", upload=upload, uploaded_by=None)
    seconds = time.perf_counter() - started
    verdict = "ok" if seconds < TARGET_SECONDS else f"SLOWER than {TARGET_SECONDS:.0f} s"
    print(
        f"{label:<34} {seconds:6.2f} s  {size / 1024:7.0f} KiB  created {run.created_count:>5}  "
        f"updated {run.updated_count:>5}  unchanged {run.unchanged_count:>5}  {verdict}"
    )
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a migrated PostgreSQL database.")
    rng = random.Random(args.seed)

    xlsx_agency, xlsx_root = new_agency("XLSX")
    csv_agency, csv_root = new_agency("CSV")
    xlsx_rows = staff_rows(args.rows, xlsx_root, rng)
    csv_rows = staff_rows(args.rows, csv_root, rng)

    print(f"Staff import of {args.rows} rows (target under {TARGET_SECONDS:.0f} s each)")
    timed("XLSX, new staff", xlsx_agency, xlsx_upload(xlsx_rows))
    timed("CSV, new staff", csv_agency, csv_upload(csv_rows))
    timed("CSV re-import, nothing changed", csv_agency, csv_upload(csv_rows))
    for values in csv_rows:
        values["nama"] += " Baru"
    timed("CSV re-import, every name changed", csv_agency, csv_upload(csv_rows))
    for index, values in enumerate(csv_rows):
        # Every stored field of every row changes, the most a re-import can write.
        values.update(gelar_depan="Dr.", gelar_belakang="M.Si.", telepon="0813111111", status="mutasi")
        if index > UNITS:
            values.update(
                golongan="III/b", kode_unit=csv_root, jabatan="Analis Data", jenjang_jabatan="Ahli Muda"
            )
            values.update(jenis_jabatan="Fungsional")
    timed("CSV re-import, every field changed", csv_agency, csv_upload(csv_rows))
    timed("XLSX re-import, nothing changed", xlsx_agency, xlsx_upload(xlsx_rows))


if __name__ == "__main__":
    main()
