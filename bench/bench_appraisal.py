"""Times the appraisal screens on an agency of 2,000 staff with three quarters of appraisals stored.

Run against a PostgreSQL database of its own (it is migrated first):

    createdb -U postgres -h 127.0.0.1 sikasn_bench_appr
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikasn_bench_appr \\
        .venv/bin/python bench/bench_appraisal.py

The first run loads, in one transaction, an agency of 2,000 staff in a supervisor tree (head → 20
unit heads → 10 team leads each → 8 or 9 staff each), the performance year of today with its four
quarters, an approved SKP per staff member (4 RHK of 1 indicator each, the 7 BerAKHLAK
expectations), 50 daily reports per staff member over the year (COPY), and the appraisals of
Triwulan I–III for everyone with their rows (achievements summed from those reports, ratings,
7 behaviour notes, 9 competency levels, history). Triwulan I and II are final; Triwulan III is at
every step. Ratings, proposals, predikat, JPM, potential and talent box come from appraisal.rules,
and the database constraints check every row. Later runs find the data and go straight to timing.

Timed through Django's test client against the real views:
  (a) GET of the team list by a team lead with 9 staff,
  (b) GET of that rater's form of an appraisal with the rater,
  (c) POST saves of that form, each changing one work-result rating (version read each time),
  (d) POST starting Triwulan IV by a staff member (pre-filled from the daily reports); each start
      is by another staff member and the started appraisals are deleted at the end.
Targets: p95 under 150 ms for (a)–(c) and under 300 ms for (d); --strict exits non-zero on a miss.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
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
from appraisal.forms.appraisals import initial_assessment  # noqa: E402
from appraisal.models import (  # noqa: E402
    AgencyGoal,
    Appraisal,
    AppraisalEvent,
    AppraisalEventKind,
    AppraisalStatus,
    BehaviourExpectation,
    BehaviourNote,
    CompetencyAssessment,
    CoreValue,
    DailyReport,
    EvaluationPeriod,
    Indicator,
    IndicatorAchievement,
    PerformanceYear,
    PotentialSource,
    ResultRating,
    Rhk,
    RhkKind,
    Skp,
    SkpStatus,
)
from appraisal.rules.competency import job_person_match, jpm_band  # noqa: E402
from appraisal.rules.ratings import Rating, predikat  # noqa: E402
from appraisal.rules.results import propose_results_rating  # noqa: E402
from appraisal.rules.talent import potential_from_jpm_band, talent_box  # noqa: E402
from appraisal.selectors.appraisals import appraisal_rows, appraisal_standards  # noqa: E402
from appraisal.selectors.calendar import working_days_between  # noqa: E402

AGENCY_CODE = "bench-appraisal"
UNIT_HEADS = 20
TEAM_LEADS_PER_UNIT = 10
STAFF = 2000
MAIN_RHK, ADDITIONAL_RHK = 3, 1
REPORTS_PER_STAFF = 50
SAMPLES = 200
WARM_UP = 10
TARGETS_MS = {"team": 150.0, "form": 150.0, "save": 150.0, "start": 300.0}
BATCH = 5000
QUARTERS = (("Triwulan I", 1, 3), ("Triwulan II", 4, 6), ("Triwulan III", 7, 9), ("Triwulan IV", 10, 12))
# Where the Triwulan III appraisals stand, with weights: every step of the workflow is present.
Q3_STEPS = (("self", 20), ("untouched", 15), ("draft", 20), ("returned", 5), ("submitted", 20), ("final", 20))
RESULT_WEIGHTS = ((Rating.ABOVE, 2), (Rating.MEETS, 7), (Rating.BELOW, 1))
BEHAVIOUR_WEIGHTS = ((Rating.ABOVE, 2), (Rating.MEETS, 7.5), (Rating.BELOW, 0.5))
ACTIVITIES = (
    "Memverifikasi berkas permohonan KTP-el",
    "Melayani perekaman biometrik di loket",
    "Menerbitkan akta kelahiran",
    "Memutakhirkan data pindah datang",
    "Rapat koordinasi pelayanan",
)
IMPROVE = "Percepat verifikasi berkas dan laporkan kendala setiap pekan."


def nip(n):
    """A valid, distinct PNS NIP for the n-th bench staff member; no other bench makes one appointed
    in 2015 for someone born before 1981."""
    born = date(1975, 1, 1) + timedelta(days=n)
    return f"{born:%Y%m%d}201503{1 + n % 2}001"


def at(day, hour=9, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_current_timezone())


def pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def this_year():
    return timezone.localdate().year


# --- Loading ---------------------------------------------------------------------------------------------


def build_structure():
    """Agency, units, positions, users and the supervisor tree. Returns (agency, levels, hr user)."""
    agency = Agency.objects.create(
        code=AGENCY_CODE, name="Dinas Bench Penilaian Kinerja", short_name="Bench PK", government="Bench"
    )
    root = Unit.objects.create(agency=agency, code="BPK", name="Dinas Bench Penilaian")
    units = Unit.objects.bulk_create(
        Unit(agency=agency, parent=root, code=f"BPK.{u}", name=f"Bidang {u}")
        for u in range(1, UNIT_HEADS + 1)
    )
    teams = Unit.objects.bulk_create(
        Unit(agency=agency, parent=units[u], code=f"BPK.{u + 1}.{t}", name=f"Tim {u + 1}.{t}")
        for u in range(UNIT_HEADS)
        for t in range(1, TEAM_LEADS_PER_UNIT + 1)
    )
    jobs = {
        kind: Position.objects.create(agency=agency, name=name, position_type=kind, level=level)
        for kind, name, level in (
            ("jpt", "Kepala Dinas", "pratama"),
            ("administrator", "Kepala Bidang", ""),
            ("pengawas", "Ketua Tim", ""),
            ("pelaksana", "Pengadministrasi Layanan", ""),
        )
    }
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        (user_model(username=nip(n), password="!") for n in range(STAFF)), batch_size=BATCH
    )
    hr = user_model.objects.create(username=f"{AGENCY_CODE}-hr", password="!", hr_agency=agency)

    def member(n, unit, job, name, supervisor):
        return Staff(
            user=users[n], agency=agency, unit=unit, position=jobs[job], nip=nip(n), asn_kind="pns",
            name=name, supervisor=supervisor,
        )  # fmt: skip

    head = member(0, root, "jpt", "Kepala Dinas Bench", None)
    head.save()
    heads = Staff.objects.bulk_create(
        member(1 + u, units[u], "administrator", f"Kabid {u + 1:02d}", head) for u in range(UNIT_HEADS)
    )
    leads_count = UNIT_HEADS * TEAM_LEADS_PER_UNIT
    first_lead = 1 + UNIT_HEADS
    leads = Staff.objects.bulk_create(
        member(
            first_lead + t, teams[t], "pengawas", f"Ketua Tim {t + 1:03d}", heads[t // TEAM_LEADS_PER_UNIT]
        )
        for t in range(leads_count)
    )
    first_staff = first_lead + leads_count
    staff = Staff.objects.bulk_create(
        (
            member(n, teams[n % leads_count], "pelaksana", f"Pegawai {n:04d}", leads[n % leads_count])
            for n in range(first_staff, STAFF)
        ),
        batch_size=BATCH,
    )
    return agency, [[head], heads, leads, staff], hr


def build_year(agency):
    year = PerformanceYear.objects.create(
        agency=agency, year=this_year(), plan_deadline=date(this_year(), 1, 31), report_cutoff_days=1
    )
    for sequence, (name, first, last) in enumerate(QUARTERS, start=1):
        ends = date(this_year(), last, 31 if last in (3, 12) else 30)
        EvaluationPeriod.objects.create(
            year=year,
            sequence=sequence,
            name=name,
            starts_on=date(this_year(), first, 1),
            ends_on=ends,
            evaluation_deadline=ends + timedelta(days=15),
        )
    return year


def build_plans(rng, year, levels):
    """An approved SKP per staff member with its expectations, RHKs (cascaded from the supervisor's)
    and one quantity indicator each. Returns {staff id: [(rhk, indicator), ...]}."""
    goals = AgencyGoal.objects.bulk_create(
        AgencyGoal(year=year, code=f"SS-{n}", text=f"Sasaran strategis pelayanan {n}")
        for n in range(1, MAIN_RHK + 1)
    )
    approved = at(date(year.year, 1, 20))
    plans = {}
    for level in levels:
        skps = Skp.objects.bulk_create(
            (
                Skp(
                    staff=s,
                    year=year,
                    status=SkpStatus.APPROVED,
                    rater_id=s.supervisor_id,
                    approved_at=approved,
                )
                for s in level
            ),
            batch_size=BATCH,
        )
        BehaviourExpectation.objects.bulk_create(
            (
                BehaviourExpectation(skp=skp, value=value, expectation=f"Menunjukkan perilaku {value}.")
                for skp in skps
                for value in CoreValue.values
            ),
            batch_size=BATCH,
        )
        rhks = []
        for skp in skps:
            above = plans.get(skp.staff.supervisor_id)
            for order in range(MAIN_RHK + ADDITIONAL_RHK):
                main = order < MAIN_RHK
                rhks.append(
                    Rhk(
                        skp=skp,
                        kind=RhkKind.MAIN if main else RhkKind.ADDITIONAL,
                        order=order,
                        text=f"Layanan kependudukan {order + 1} terselesaikan tepat waktu",
                        supports=above[order][0] if main and above else None,
                        goal=goals[order] if main and not above else None,
                    )
                )
        rhks = Rhk.objects.bulk_create(rhks, batch_size=BATCH)
        indicators = Indicator.objects.bulk_create(
            (
                Indicator(
                    rhk=rhk,
                    text=f"Jumlah berkas layanan {rhk.order + 1} yang diselesaikan",
                    aspect="quantity",
                    target_value=Decimal(rng.choice((40, 60, 80))),
                    target_unit="berkas",
                )
                for rhk in rhks
            ),
            batch_size=BATCH,
        )
        for rhk, indicator in zip(rhks, indicators, strict=True):
            plans.setdefault(rhk.skp.staff_id, []).append((rhk, indicator))
    return plans


def load_reports(rng, year, levels, plans, periods):
    """REPORTS_PER_STAFF reports per staff member on working days of the year until yesterday, with
    COPY. Returns {(staff id, indicator id, period sequence): total output}."""
    last = min(timezone.localdate() - timedelta(days=1), date(year.year, 12, 31))
    days = working_days_between(year, date(year.year, 1, 1), last)
    if not days:
        sys.exit("The year has no working day before today yet: run it later in the year.")
    sequence_of = {day: p.sequence for p in periods for day in days if p.starts_on <= day <= p.ends_on}
    totals = defaultdict(Decimal)
    columns = (
        "staff_id, date, activity, rhk_id, indicator_id, output_quantity, output_unit, minutes_spent, "
        "evidence_file, evidence_link, status, review_comment, reviewed_by_id, reviewed_at, created_at"
    )
    buffer = io.StringIO()
    for member in (s for level in levels for s in level):
        for _ in range(REPORTS_PER_STAFF):
            day = rng.choice(days)
            rhk, indicator = rng.choice(plans[member.pk])
            quantity = rng.randrange(1, 11)
            totals[(member.pk, indicator.pk, sequence_of[day])] += quantity
            stamp = f"{day.isoformat()} 15:{rng.randrange(60):02d}:00+07"
            reviewed = member.supervisor_id is not None and rng.random() < 0.7
            buffer.write(
                f"{member.pk},{day.isoformat()},{rng.choice(ACTIVITIES)},{rhk.pk},{indicator.pk},"
                f'{quantity},berkas,{rng.randrange(30, 480)},"","",'
                f'{"acknowledged" if reviewed else "submitted"},"",'
                f"{member.supervisor_id if reviewed else ''},{stamp if reviewed else ''},{stamp}\n"
            )
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY appraisal_dailyreport ({columns}) FROM STDIN WITH (FORMAT csv)", buffer)
    return totals


class AppraisalPlan:
    """One appraisal to insert and the rows that go with it, derived as the services derive them."""

    def __init__(self, appraisal):
        self.appraisal = appraisal
        self.achievements, self.ratings, self.notes, self.levels, self.events = [], [], [], [], []


def plan_appraisal(rng, step, member, period, plan, standards, totals, approver_user_id):
    """The appraisal of member for period at step ("self", "untouched", "draft", "returned",
    "submitted", "final"), every value consistent with appraisal.rules and the constraints."""
    appraisal = Appraisal(period=period, skp_id=plan[0][0].skp_id, status=AppraisalStatus.SELF_ASSESSMENT)
    out = AppraisalPlan(appraisal)
    rater = member.supervisor_id
    rater_user = member.supervisor.user_id if rater else None
    day = period.ends_on + timedelta(days=rng.randrange(1, 5))
    out.events.append((AppraisalEventKind.STARTED, member.user_id, at(day, 8), ""))

    for _rhk, indicator in plan:
        reported = totals.get((member.pk, indicator.pk, period.sequence), Decimal(0))
        achieved, reason = reported, ""
        if step != "self" and rng.random() < 0.1:
            achieved, reason = reported + rng.randrange(1, 6), "Sebagian berkas dilaporkan terlambat."
        link = f"https://drive.example.go.id/bukti/{member.pk}/{indicator.pk}" if rng.random() < 0.5 else ""
        out.achievements.append((indicator, reported, achieved, reason, link))

    rated_results = len(plan) if step in ("returned", "submitted", "final") else 0
    rated_levels = len(standards) if rated_results else 0
    if step == "draft":
        rated_results, rated_levels = rng.randrange(1, len(plan)), rng.randrange(0, len(standards))
    ratings = [pick(rng, RESULT_WEIGHTS) if n < rated_results else "" for n in range(len(plan))]
    for (rhk, _indicator), rating in zip(plan, ratings, strict=True):
        out.ratings.append((rhk, rating, IMPROVE if rating == Rating.BELOW else ""))
    main = [r for (rhk, _i), r in zip(plan, ratings, strict=True) if r and rhk.kind == RhkKind.MAIN]
    extra = [r for (rhk, _i), r in zip(plan, ratings, strict=True) if r and rhk.kind == RhkKind.ADDITIONAL]
    proposal = propose_results_rating(main, extra).rating
    appraisal.results_proposed = proposal.value if proposal else ""

    levels = {}
    for n, (competency, standard) in enumerate(standards):
        level = min(5, max(1, standard + rng.choice((-1, 0, 0, 0, 1)))) if n < rated_levels else None
        out.levels.append((competency, standard, level))
        if level is not None:
            levels[competency.pk] = level
    if rated_levels == len(standards):
        appraisal.jpm = job_person_match(levels, {c.pk: s for c, s in standards})
        appraisal.jpm_band = jpm_band(appraisal.jpm).value
        appraisal.potential = potential_from_jpm_band(appraisal.jpm_band).value
        appraisal.potential_source = PotentialSource.JPM

    noted = len(CoreValue.values) if rated_results == len(plan) else rated_results
    for n, value in enumerate(CoreValue.values):
        out.notes.append((value, "Konsisten menunjukkan perilaku ini di tim." if n < noted else ""))

    if rated_results == len(plan):
        results = appraisal.results_proposed
        if rng.random() < 0.05:
            results = rng.choice([r for r in Rating.values if r != results])
            appraisal.results_override_reason = "Capaian kuantitas melampaui target triwulan."
        behaviour = pick(rng, BEHAVIOUR_WEIGHTS).value
        appraisal.results_rating, appraisal.behaviour_rating = results, behaviour
        appraisal.results_feedback = IMPROVE if results == Rating.BELOW else ""
        appraisal.behaviour_feedback = (
            "Tingkatkan kerja sama dengan tim." if behaviour == Rating.BELOW else ""
        )
        appraisal.overall_feedback = "Pertahankan kinerja dan dokumentasi bukti dukung."
        appraisal.predikat = predikat(results, behaviour).value
        appraisal.talent_box = talent_box(results, appraisal.potential) if appraisal.potential else None

    if step == "self":
        appraisal.version = 1
        return out
    day += timedelta(days=2)
    appraisal.status, appraisal.self_submitted_at = AppraisalStatus.SUPERVISOR_ASSESSMENT, at(day, 10)
    out.events.append((AppraisalEventKind.SELF_SUBMITTED, member.user_id, at(day, 10), ""))
    if step == "untouched":
        appraisal.version = 2
        return out
    day += timedelta(days=3)
    appraisal.rater_id = rater
    out.events.append((AppraisalEventKind.ASSESSMENT_SAVED, rater_user, at(day, 11), ""))
    if step == "draft":
        appraisal.version = 3
        return out
    day += timedelta(days=1)
    appraisal.status, appraisal.submitted_at = AppraisalStatus.SUBMITTED, at(day, 13)
    out.events.append((AppraisalEventKind.SUBMITTED, rater_user, at(day, 13), ""))
    appraisal.version = 4
    if step == "submitted":
        return out
    day += timedelta(days=2)
    if step == "returned":
        appraisal.status = AppraisalStatus.RETURNED
        out.events.append(
            (AppraisalEventKind.RETURNED, approver_user_id, at(day, 14), "Lengkapi umpan balik.")
        )
    else:
        appraisal.status, appraisal.approved_at = AppraisalStatus.FINAL, at(day, 14)
        appraisal.approved_by_id = approver_user_id
        out.events.append((AppraisalEventKind.APPROVED, approver_user_id, at(day, 14), ""))
    appraisal.version = 5
    return out


def build_appraisals(rng, levels, plans, periods, totals, hr):
    """Triwulan I–III for everyone: I and II final, III at every step; the head (rated outside the
    agency) stays at the self-assessment."""
    by_id = {s.pk: s for level in levels for s in level}
    for member in by_id.values():
        member.supervisor = by_id.get(member.supervisor_id)
    standards = {level[0].position_id: appraisal_standards(level[0]) for level in levels}
    planned = []
    for member in by_id.values():
        rater = member.supervisor
        approver = (rater.supervisor.user_id if rater.supervisor else hr.pk) if rater else None
        for period in periods[:3]:
            if rater is None:
                step = "self"
            elif period.sequence < 3:
                step = "final"
            else:
                step = pick(rng, Q3_STEPS)
            planned.append(
                plan_appraisal(
                    rng,
                    step,
                    member,
                    period,
                    plans[member.pk],
                    standards[member.position_id],
                    totals,
                    approver,
                )
            )
    appraisals = Appraisal.objects.bulk_create([p.appraisal for p in planned], batch_size=BATCH)
    for p, appraisal in zip(planned, appraisals, strict=True):
        p.appraisal = appraisal
    IndicatorAchievement.objects.bulk_create(
        (
            IndicatorAchievement(
                appraisal=p.appraisal, indicator=indicator, reported=reported, achieved=achieved,
                change_reason=reason, evidence_link=link,
            )
            for p in planned
            for indicator, reported, achieved, reason, link in p.achievements
        ),
        batch_size=BATCH,
    )  # fmt: skip
    ResultRating.objects.bulk_create(
        (
            ResultRating(appraisal=p.appraisal, rhk=rhk, rating=rating, feedback=feedback)
            for p in planned
            for rhk, rating, feedback in p.ratings
        ),
        batch_size=BATCH,
    )
    BehaviourNote.objects.bulk_create(
        (
            BehaviourNote(appraisal=p.appraisal, value=value, note=note)
            for p in planned
            for value, note in p.notes
        ),
        batch_size=BATCH,
    )
    CompetencyAssessment.objects.bulk_create(
        (
            CompetencyAssessment(
                appraisal=p.appraisal, competency=competency, standard_level=standard, level=level
            )
            for p in planned
            for competency, standard, level in p.levels
        ),
        batch_size=BATCH,
    )
    AppraisalEvent.objects.bulk_create(
        (
            AppraisalEvent(appraisal=p.appraisal, kind=kind, actor_id=actor, at=when, comment=comment)
            for p in planned
            for kind, actor, when, comment in p.events
        ),
        batch_size=BATCH,
    )
    return len(appraisals)


def load():
    """The bench agency with everything the screens read; built once, in one transaction."""
    agency = Agency.objects.filter(code=AGENCY_CODE).first()
    if agency:
        if not PerformanceYear.objects.filter(agency=agency, year=this_year()).exists():
            sys.exit("The bench data is of another year: drop the database and run again.")
        print(
            f"found the bench agency ({Staff.objects.filter(agency=agency).count():,} staff); loading skipped"
        )
        return agency, None
    rng = random.Random(20261125)
    seconds = {}
    started = time.perf_counter()
    with transaction.atomic():
        agency, levels, hr = build_structure()
        year = build_year(agency)
        plans = build_plans(rng, year, levels)
        seconds["structure and plans"] = time.perf_counter() - started
        periods = list(year.periods.order_by("sequence"))
        mark = time.perf_counter()
        totals = load_reports(rng, year, levels, plans, periods)
        seconds["daily reports (COPY)"] = time.perf_counter() - mark
        mark = time.perf_counter()
        build_appraisals(rng, levels, plans, periods, totals, hr)
        seconds["appraisals and rows"] = time.perf_counter() - mark
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds["total with ANALYZE"] = time.perf_counter() - started
    return agency, seconds


# --- Timing ------------------------------------------------------------------------------------------------


def signed_in(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="accounts.backends.NipOrUsernameBackend")
    return client


def timed(request, count=SAMPLES, prepare=None):
    """Runs request() WARM_UP + count times (prepare() before each, not timed); the query count of
    one request and the timings in ms."""
    timings, queries = [], []
    for n in range(WARM_UP + 1 + count):
        args = prepare(n) if prepare else ()
        if n == WARM_UP:
            with connection.execute_wrapper(lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)):
                request(*args)
            continue
        began = time.perf_counter()
        request(*args)
        elapsed = (time.perf_counter() - began) * 1000
        if n > WARM_UP:
            timings.append(elapsed)
    return timings, len(queries)


def expect(response, status, what):
    if response.status_code != status:
        sys.exit(f"{what}: status {response.status_code}: {response.content[:3000]!r}")
    return response


def team_lead_with_work(year):
    """A team lead with 9 staff, one of whose Triwulan III appraisals is with them and not yet rated
    overall (so any work-result rating can be saved), and that appraisal."""
    waiting = (
        Appraisal.objects.filter(
            skp__year=year,
            period__sequence=3,
            status=AppraisalStatus.SUPERVISOR_ASSESSMENT,
            results_rating="",
            skp__staff__supervisor__position__position_type="pengawas",
        )
        .select_related("skp__staff__supervisor__user")
        .order_by("pk")
    )
    for appraisal in waiting:
        lead = appraisal.skp.staff.supervisor
        if Staff.objects.filter(supervisor=lead).count() == 9:
            return lead, appraisal
    sys.exit("No team lead of 9 has a Triwulan III appraisal waiting for them.")


def time_team_list(lead):
    client = signed_in(lead.user)
    url = reverse("appraisal:appraisal_team")
    return timed(lambda: expect(client.get(url), 200, "team list"))


def time_form(lead, appraisal):
    client = signed_in(lead.user)
    url = reverse("appraisal:appraisal_assess", args=[appraisal.pk])
    return timed(lambda: expect(client.get(url), 200, "rater's form"))


def time_saves(lead, appraisal):
    """Each save flips the first main result between meets and above; with no overall rating yet the
    draft stays valid whatever the proposal becomes."""
    client = signed_in(lead.user)
    url = reverse("appraisal:appraisal_assess", args=[appraisal.pk])
    rhk_id = (
        appraisal.result_ratings.filter(rhk__kind=RhkKind.MAIN)
        .order_by("rhk__order")
        .values_list("rhk_id", flat=True)
    )[0]

    def prepare(n):
        current = Appraisal.objects.get(pk=appraisal.pk)  # the version as stored now
        data = {
            name: "" if value is None else value
            for name, value in initial_assessment(current, appraisal_rows(current)).items()
        }
        field = f"rhk_{rhk_id}_rating"
        data[field] = Rating.ABOVE if data[field] != Rating.ABOVE else Rating.MEETS
        data["action"] = "save"
        return (data,)

    def save(data):
        expect(client.post(url, data), 302, "assessment save")
        client.cookies.pop("messages", None)  # as a browser that showed the message on the next page

    return timed(save, prepare=prepare)


def time_starts(agency, year):
    """Each start by another staff member (their Triwulan IV not started); the starts are deleted
    afterwards so that a rerun finds the same data."""
    fourth = year.periods.get(sequence=4)
    if fourth.starts_on > timezone.localdate():
        print(f"(d) skipped: {fourth.name} has not begun yet")
        return None, 0
    Appraisal.objects.filter(skp__year=year, period=fourth).delete()
    members = list(
        Staff.objects.filter(agency=agency, position__position_type="pelaksana")
        .select_related("user")
        .order_by("pk")[: 8 * (WARM_UP + 1 + SAMPLES) : 8]
    )
    skps = dict(Skp.objects.filter(year=year, staff__in=members).values_list("staff_id", "pk"))

    def prepare(n):
        member = members[n]
        return signed_in(member.user), reverse("appraisal:appraisal_start", args=[skps[member.pk]])

    def start(client, url):
        response = expect(client.post(url, {"period": fourth.pk}), 302, "start")
        if "/self/" not in response["Location"]:
            sys.exit(f"start refused: {response.cookies.get('messages')}")

    try:
        return timed(start, prepare=prepare)
    finally:
        Appraisal.objects.filter(skp__year=year, period=fourth).delete()


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[int(round(0.95 * len(timings))) - 1], timings[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true", help="exit non-zero when a target is missed")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    call_command("migrate", interactive=False, verbosity=0)
    agency, seconds = load()
    if seconds:
        print("load: " + "; ".join(f"{what} {s:.1f} s" for what, s in seconds.items()))
    year = PerformanceYear.objects.get(agency=agency, year=this_year())
    in_agency = {"appraisal__skp__staff__agency": agency}
    counts = {
        "staff": Staff.objects.filter(agency=agency).count(),
        "appraisals": Appraisal.objects.filter(skp__staff__agency=agency).count(),
        "achievements": IndicatorAchievement.objects.filter(**in_agency).count(),
        "result ratings": ResultRating.objects.filter(**in_agency).count(),
        "behaviour notes": BehaviourNote.objects.filter(**in_agency).count(),
        "competency levels": CompetencyAssessment.objects.filter(**in_agency).count(),
        "events": AppraisalEvent.objects.filter(**in_agency).count(),
        "daily reports": DailyReport.objects.filter(staff__agency=agency).count(),
    }
    print("rows: " + ", ".join(f"{what} {n:,}" for what, n in counts.items()))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"database size: {cursor.fetchone()[0]}")

    lead, appraisal = team_lead_with_work(year)
    print(f"rater: {lead.name} (9 staff); form: appraisal {appraisal.pk} of {appraisal.skp.staff.name}")
    results = {
        "team": ("(a) team list GET", *time_team_list(lead)),
        "form": ("(b) rater's form GET", *time_form(lead, appraisal)),
        "save": ("(c) rater's form POST", *time_saves(lead, appraisal)),
        "start": ("(d) start Triwulan IV POST", *time_starts(agency, year)),
    }
    missed = []
    for key, (label, timings, query_count) in results.items():
        if not timings:
            continue
        p50, p95, top = percentiles(timings)
        target = TARGETS_MS[key]
        verdict = "ok" if p95 < target else "MISSED"
        if p95 >= target:
            missed.append(label)
        print(
            f"{label:<27} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {top:6.1f} ms  "
            f"(target p95 < {target:.0f} ms: {verdict}; {query_count} queries, {len(timings)} runs)"
        )
    if missed and args.strict:
        sys.exit(f"over the target: {', '.join(missed)}")


if __name__ == "__main__":
    main()
