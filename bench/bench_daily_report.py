"""Times daily-report submits through the real create view on top of a million stored reports.

Run against a PostgreSQL database of its own (it is migrated first):

    createdb -U postgres -h 127.0.0.1 sikasn_bench_reports
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikasn_bench_reports \\
        .venv/bin/python bench/bench_daily_report.py

The first run loads an agency of 2,000 staff, their SKPs and 1,000,000 reports spread over the
last year (COPY); later runs find them and go straight to the timing. Each run then signs in one
staff member and POSTs 300 reports to the create view through Django's test client (form → service
→ redirect), and prints p50/p95/max. Target: p95 under 100 ms.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CONN_MAX_AGE", "600")  # as in production: one connection kept open
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Agency, Position, Staff, Unit  # noqa: E402
from appraisal.models import DailyReport, Holiday, Indicator, PerformanceYear, Rhk, Skp  # noqa: E402

AGENCY_CODE = "bench-reports"
STAFF = 2000
UNITS = 20
ROWS = 1_000_000
SUBMITS = 300
WARM_UP = 10
TARGET_P95_MS = 100.0
COPY_CHUNK = 100_000
ACTIVITIES = (
    "Memverifikasi berkas permohonan KTP-el",
    "Melayani perekaman biometrik di loket",
    "Menerbitkan akta kelahiran",
    "Memutakhirkan data pindah datang",
    "Rapat koordinasi pelayanan",
)


def nip(n):
    """A valid, distinct PNS NIP for the n-th bench staff member."""
    born = date(1970, 1, 1) + timedelta(days=n)
    return f"{born:%Y%m%d}200501{1 + n % 2}001"


def load_agency():
    """The bench agency with its structure, staff, years and plans; built once."""
    agency = Agency.objects.filter(code=AGENCY_CODE).first()
    if agency and Staff.objects.filter(agency=agency).count() == STAFF:
        return agency
    if agency:
        sys.exit(f"Agency {AGENCY_CODE} is half built: drop the database and run again.")
    with transaction.atomic():
        agency = Agency.objects.create(
            code=AGENCY_CODE, name="Dinas Bench Laporan Harian", short_name="Bench LH", government="Bench"
        )
        root = Unit.objects.create(agency=agency, code="BLH", name="Dinas Bench")
        units = Unit.objects.bulk_create(
            Unit(agency=agency, parent=root, code=f"BLH.{n}", name=f"Bidang {n}") for n in range(1, UNITS + 1)
        )
        head_job = Position.objects.create(
            agency=agency, name="Kepala Dinas", position_type="jpt", level="pratama"
        )
        unit_job = Position.objects.create(agency=agency, name="Kepala Bidang", position_type="administrator")
        staff_job = Position.objects.create(agency=agency, name="Pengadministrasi", position_type="pelaksana")
        users = get_user_model().objects.bulk_create(
            get_user_model()(username=nip(n), password="!") for n in range(STAFF)
        )
        head = Staff.objects.create(
            user=users[0],
            agency=agency,
            unit=root,
            position=head_job,
            nip=nip(0),
            asn_kind="pns",
            name="Kepala",
        )
        heads = Staff.objects.bulk_create(
            Staff(
                user=users[n], agency=agency, unit=units[n - 1], position=unit_job, nip=nip(n),
                asn_kind="pns", name=f"Kabid {n}", supervisor=head,
            )
            for n in range(1, UNITS + 1)
        )  # fmt: skip
        Staff.objects.bulk_create(
            Staff(
                user=users[n], agency=agency, unit=units[n % UNITS], position=staff_job, nip=nip(n),
                asn_kind="pns", name=f"Pegawai {n:04d}", supervisor=heads[n % UNITS],
            )
            for n in range(UNITS + 1, STAFF)
        )  # fmt: skip
        today = timezone.localdate()
        for year in sorted({today.year, (today - timedelta(days=365)).year}):
            performance_year = PerformanceYear.objects.create(
                agency=agency, year=year, plan_deadline=date(year, 1, 31), report_cutoff_days=1
            )
            staff = list(Staff.objects.filter(agency=agency).order_by("pk"))
            skps = Skp.objects.bulk_create(Skp(staff=s, year=performance_year) for s in staff)
            rhks = Rhk.objects.bulk_create(Rhk(skp=skp, text="Berkas kependudukan terlayani") for skp in skps)
            Indicator.objects.bulk_create(
                Indicator(
                    rhk=rhk, text="Jumlah berkas", aspect="quantity", target_value=1000, target_unit="berkas"
                )
                for rhk in rhks
            )
    return agency


def plan_by_staff_and_year(agency):
    """{(staff id, year): (rhk id, indicator id)} from one query."""
    rows = Indicator.objects.filter(rhk__skp__staff__agency=agency).values_list(
        "rhk__skp__staff_id", "rhk__skp__year__year", "rhk_id", "id"
    )
    return {(staff, year): (rhk, indicator) for staff, year, rhk, indicator in rows}


def working_days(agency, start, end):
    holidays = set(
        Holiday.objects.filter(agency__isnull=True, date__range=(start, end)).values_list("date", flat=True)
    )
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
        day += timedelta(days=1)
    return days


def load_reports(agency):
    """Adds reports until the agency has ROWS of them, with COPY in chunks. Returns seconds spent."""
    have = DailyReport.objects.filter(staff__agency=agency).count()
    if have >= ROWS:
        print(f"found {have:,} reports; loading skipped")
        return 0.0
    started = time.perf_counter()
    rng = random.Random(20261124)
    today = timezone.localdate()
    days = working_days(agency, today - timedelta(days=365), today - timedelta(days=1))
    plans = plan_by_staff_and_year(agency)
    staff_ids = sorted({staff for staff, _year in plans})
    columns = (
        "staff_id, date, activity, rhk_id, indicator_id, output_quantity, output_unit, minutes_spent, "
        "evidence_file, evidence_link, status, review_comment, reviewed_by_id, reviewed_at, created_at"
    )
    left = ROWS - have
    with connection.cursor() as cursor:
        while left > 0:
            chunk = min(COPY_CHUNK, left)
            buffer = io.StringIO()
            for _ in range(chunk):
                staff = rng.choice(staff_ids)
                day = rng.choice(days)
                rhk, indicator = plans[(staff, day.year)]
                stamp = f"{day.isoformat()} 10:{rng.randrange(60):02d}:00+07"
                reviewed = rng.random() < 0.6
                buffer.write(
                    f"{staff},{day.isoformat()},{rng.choice(ACTIVITIES)},{rhk},{indicator},"
                    f'{rng.randrange(1, 30)},berkas,{rng.randrange(15, 480)},"","",'
                    f'{"acknowledged" if reviewed else "submitted"},"",,{stamp if reviewed else ""},{stamp}\n'
                )
            buffer.seek(0)
            cursor.copy_expert(f"COPY appraisal_dailyreport ({columns}) FROM STDIN WITH (FORMAT csv)", buffer)
            left -= chunk
            print(f"  loaded {ROWS - left:,} / {ROWS:,}", flush=True)
        cursor.execute("ANALYZE appraisal_dailyreport")
    return time.perf_counter() - started


def time_submits(agency):
    staff = Staff.objects.filter(agency=agency, supervisor__isnull=False, subordinates__isnull=True).first()
    year = timezone.localdate().year
    rhk, indicator = plan_by_staff_and_year(agency)[(staff.pk, year)]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(staff.user, backend="accounts.backends.NipOrUsernameBackend")
    url = reverse("appraisal:report_list")
    rng = random.Random(7)

    def submit():
        data = {
            "date": timezone.localdate().isoformat(),
            "activity": rng.choice(ACTIVITIES),
            "target": f"{rhk}-{indicator}",
            "output_quantity": str(rng.randrange(1, 30)),
            "output_unit": "berkas",
            "minutes_spent": str(rng.randrange(15, 480)),
            "evidence_link": "",
        }
        began = time.perf_counter()
        response = client.post(url, data)
        elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 302:
            sys.exit(f"submit refused ({response.status_code}): {response.content[:2000]!r}")
        client.cookies.pop("messages", None)  # as a browser that showed the message on the next page
        return elapsed

    for _ in range(WARM_UP):
        submit()
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        submit()
    timings = [submit() for _ in range(SUBMITS)]
    return staff, timings, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    agency = load_agency()
    setup_seconds = time.perf_counter() - started
    load_seconds = load_reports(agency)
    total = DailyReport.objects.filter(staff__agency=agency).count()
    staff, timings, query_count = time_submits(agency)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(round(0.95 * len(timings))) - 1]
    print(f"agency and plans: {setup_seconds:.1f} s; report load: {load_seconds:.1f} s")
    print(f"reports stored: {total:,}; {SUBMITS} submits by {staff.name}, {query_count} queries each")
    print(
        f"p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {timings[-1]:.1f} ms  (target p95 < {TARGET_P95_MS:.0f} ms)"
    )
    if p95 >= TARGET_P95_MS:
        sys.exit("p95 is over the target")


if __name__ == "__main__":
    main()
