"""Times the score aggregation (rekap kinerja) for 10,000 staff with a year of daily reports, beside one
hand-written query computing the same staff figures.

Run against a PostgreSQL database of its own (it is migrated first):

    createdb -U postgres -h 127.0.0.1 sikasn_bench_scores
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikasn_bench_scores \\
        .venv/bin/python bench/bench_scores.py

The first run loads, in one transaction, 10 agencies of 1,000 staff (head → 10 unit heads → staff),
each with the performance year of today (one works Monday to Saturday) and its four quarters, an SKP
per staff member (3–4 RHK with one quantity indicator each), about 250 daily reports per staff member
over the year until yesterday (2.5 million, INSERT … SELECT), feedback notes, 360° rounds with their
invitations and answers, three services per agency with officers' service requests, questionnaires
and links made through the SKM services with citizens' responses, and the quarters' appraisals
(Triwulan I–III at every step, a few of IV started; final ones with the predikat of the quadrant).
Later runs find the data and go straight to timing.

After VACUUM ANALYZE, timed with time.perf_counter():
  (1) the raw query: one SELECT of the staff figures of every period, fetched whole (better of two);
  (2) scores_aggregate() on empty score tables, truncated before each of two runs (the better one);
  (3) scores_aggregate() again: nothing changed, nothing may be written;
  (4) scores_aggregate() after one more report of 100 staff (1%);
  (5) scores_aggregate(staff_ids=[id]) after a report of that staff member, 20 of them (p50).
The staff figures stored by (2) are compared with the raw query's rows, every row and figure. The
reports added by (4) and (5) are deleted at the end, so a rerun finds the same data. Target: (2)–(4)
each within 2× the raw query and under 60 s; --strict exits non-zero on a miss or a mismatch.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CONN_MAX_AGE", "600")  # as in production: one connection kept open
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Agency, Position, Staff, StaffStatus, Unit  # noqa: E402
from appraisal.models import (  # noqa: E402
    AgencyPeriodScore,
    Appraisal,
    AppraisalStatus,
    CoreValue,
    DailyReport,
    EvaluationPeriod,
    FeedbackAnswer,
    FeedbackInvitation,
    FeedbackNote,
    FeedbackRequest,
    Holiday,
    Indicator,
    IndicatorPeriodScore,
    PerformanceYear,
    Rhk,
    RhkKind,
    Skp,
    SkpStatus,
    StaffPeriodScore,
    UnitPeriodScore,
)
from appraisal.rules.competency import jpm_band  # noqa: E402
from appraisal.rules.ratings import PREDIKAT_QUADRANT, Rating  # noqa: E402
from appraisal.selectors.calendar import working_days_between  # noqa: E402
from appraisal.services.peer_feedback import MIN_RATERS  # noqa: E402
from appraisal.services.scores import scores_aggregate  # noqa: E402
from surveys.models import ServiceRequest, SurveyAnswer, SurveyResponse  # noqa: E402
from surveys.models.catalogue import Service  # noqa: E402
from surveys.models.skm import COUNTED  # noqa: E402
from surveys.skm.questionnaires import link_create, questionnaire_publish  # noqa: E402

AGENCY_CODE = "bench-scores"
AGENCIES = 10
STAFF_PER_AGENCY = 1000
UNITS = 10
BATCH = 5000
SERVICES = (
    ("KTP", "Perekaman KTP-el", 60),
    ("PINDAH", "Surat pindah", 1440),
    ("AKTA", "Akta kelahiran", 4320),
)
OFFICERS_PER_SERVICE = 10
REQUESTS_PER_OFFICER = 150
RESPONSES_PER_OFFICER, RESPONSES_PER_COUNTER = 40, 200
CHANGED_STAFF = 100
REFRESHES = 20
TARGET_RATIO, TARGET_SECONDS = 2.0, 60.0
SCORE_TABLES = (StaffPeriodScore, IndicatorPeriodScore, UnitPeriodScore, AgencyPeriodScore)
# Where each quarter's appraisals stand, with weights; None: not started.
APPRAISAL_STEPS = {
    1: (
        (AppraisalStatus.FINAL, 92),
        (AppraisalStatus.SUBMITTED, 4),
        (AppraisalStatus.SUPERVISOR_ASSESSMENT, 4),
    ),
    2: (
        (AppraisalStatus.FINAL, 92),
        (AppraisalStatus.SUBMITTED, 4),
        (AppraisalStatus.SUPERVISOR_ASSESSMENT, 4),
    ),
    3: (
        (AppraisalStatus.FINAL, 40),
        (AppraisalStatus.SUBMITTED, 20),
        (AppraisalStatus.SUPERVISOR_ASSESSMENT, 20),
        (AppraisalStatus.SELF_ASSESSMENT, 20),
    ),
    4: ((AppraisalStatus.SELF_ASSESSMENT, 5), (None, 95)),
}
RESULT_WEIGHTS = ((Rating.ABOVE, 2), (Rating.MEETS, 7), (Rating.BELOW, 1))
BEHAVIOUR_WEIGHTS = ((Rating.ABOVE, 2), (Rating.MEETS, 7.5), (Rating.BELOW, 0.5))
IMPROVE = "Percepat verifikasi berkas dan laporkan kendala setiap pekan."
ACTIVITIES = [
    "Memverifikasi berkas permohonan KTP-el",
    "Melayani perekaman biometrik di loket",
    "Menerbitkan akta kelahiran",
    "Memutakhirkan data pindah datang",
    "Rapat koordinasi pelayanan",
]
PRAISE = "Terima kasih, antrean loket hari ini selesai sebelum jam tutup."
CORRECTION = "Lengkapi bukti dukung laporan harian sebelum diajukan ke atasan."

# The staff figures compared, in the order the raw query returns them after staff and period.
FIGURES = (
    "working_days",
    "reported_days",
    "reports",
    "minutes_reported",
    "indicators",
    "achievement",
    "praise_notes",
    "correction_notes",
    "feedback_raters",
    "feedback_average",
    "citizen_respondents",
    "citizen_competence",
    "citizen_courtesy",
    "requests_handled",
    "requests_completed",
    "requests_within_target",
    "requests_late_open",
    "requests_not_correct",
    "median_minutes",
    "skp_status",
    "appraisal_status",
    "predikat",
    "jpm",
)

# The figures of every staff member and period as one would write them by hand: each source joined to
# the staff and periods and grouped, timestamps compared as local dates.
RAW_QUERY = """
WITH period AS (
    SELECT p.id, p.starts_on, p.ends_on, y.id AS year_id, y.agency_id, y.working_weekdays,
           make_date(y.year, 1, 1) AS year_start
    FROM appraisal_evaluationperiod p
    JOIN appraisal_performanceyear y ON y.id = p.year_id
    WHERE y.is_open AND p.starts_on <= %(today)s
),
working_day AS (
    SELECT p.id AS period_id, d::date AS day
    FROM period p, generate_series(p.starts_on, LEAST(p.ends_on, %(today)s::date - 1), interval '1 day') AS d
    WHERE position((EXTRACT(ISODOW FROM d)::int - 1)::text IN p.working_weekdays) > 0
      AND d::date NOT IN (
          SELECT h.date FROM appraisal_holiday h WHERE h.agency_id IS NULL OR h.agency_id = p.agency_id
      )
),
working_days AS (SELECT period_id, COUNT(*) AS days FROM working_day GROUP BY period_id),
member AS (
    SELECT p.id AS period_id, s.id AS staff_id, skp.id AS skp_id, COALESCE(skp.status, '') AS skp_status
    FROM period p
    JOIN accounts_staff s ON s.agency_id = p.agency_id
    LEFT JOIN appraisal_skp skp ON skp.staff_id = s.id AND skp.year_id = p.year_id
    WHERE s.status = %(active)s OR skp.id IS NOT NULL
),
report AS (
    SELECT m.period_id, m.staff_id, COUNT(*) AS reports, SUM(r.minutes_spent) AS minutes,
           COUNT(DISTINCT w.day) AS reported_days
    FROM member m
    JOIN period p ON p.id = m.period_id
    JOIN appraisal_dailyreport r ON r.staff_id = m.staff_id AND r.date BETWEEN p.starts_on AND p.ends_on
    LEFT JOIN working_day w ON w.period_id = m.period_id AND w.day = r.date
    GROUP BY m.period_id, m.staff_id
),
indicator AS (
    SELECT m.period_id, m.staff_id,
           LEAST(ROUND(COALESCE(SUM(r.output_quantity), 0) * 100 / i.target_value, 1), 100) AS achievement
    FROM member m
    JOIN period p ON p.id = m.period_id
    JOIN appraisal_rhk k ON k.skp_id = m.skp_id
    JOIN appraisal_indicator i ON i.rhk_id = k.id
    LEFT JOIN appraisal_dailyreport r ON r.indicator_id = i.id AND r.date BETWEEN p.year_start AND p.ends_on
    WHERE i.aspect = 'quantity' AND i.target_value > 0
    GROUP BY m.period_id, m.staff_id, i.id
),
achievement AS (
    SELECT period_id, staff_id, COUNT(*) AS indicators, ROUND(AVG(achievement), 1) AS achievement
    FROM indicator
    GROUP BY period_id, staff_id
),
note AS (
    SELECT m.period_id, m.staff_id,
           COUNT(*) FILTER (WHERE n.kind = 'praise') AS praise,
           COUNT(*) FILTER (WHERE n.kind = 'correction') AS correction
    FROM member m
    JOIN period p ON p.id = m.period_id
    JOIN appraisal_feedbacknote n
      ON n.subject_id = m.staff_id
     AND (n.created_at AT TIME ZONE %(tz)s)::date BETWEEN p.starts_on AND p.ends_on
    GROUP BY m.period_id, m.staff_id
),
peer AS (
    SELECT q.period_id, q.subject_id AS staff_id, COUNT(DISTINCT i.id) AS raters, AVG(a.score) AS average
    FROM appraisal_feedbackrequest q
    JOIN appraisal_feedbackinvitation i ON i.request_id = q.id AND i.answered_at IS NOT NULL
    JOIN appraisal_feedbackanswer a ON a.invitation_id = i.id
    WHERE q.closes_on < %(today)s OR NOT EXISTS (
        SELECT 1 FROM appraisal_feedbackinvitation o WHERE o.request_id = q.id AND o.answered_at IS NULL
    )
    GROUP BY q.period_id, q.subject_id
),
citizen AS (
    SELECT m.period_id, m.staff_id, COUNT(DISTINCT r.id) AS respondents,
           AVG(a.value) FILTER (WHERE e.code = 'U6') AS competence,
           AVG(a.value) FILTER (WHERE e.code = 'U7') AS courtesy
    FROM member m
    JOIN period p ON p.id = m.period_id
    JOIN surveys_surveyresponse r
      ON r.officer_id = m.staff_id AND r.review_status = ANY(%(counted)s)
     AND (r.submitted_at AT TIME ZONE %(tz)s)::date BETWEEN p.starts_on AND p.ends_on
    JOIN surveys_surveyanswer a ON a.response_id = r.id
    JOIN surveys_surveyelement e ON e.id = a.element_id
    GROUP BY m.period_id, m.staff_id
),
service AS (
    SELECT m.period_id, m.staff_id, COUNT(*) AS handled, COUNT(q.completed_at) AS completed,
           COUNT(*) FILTER (
               WHERE q.completed_at - q.received_at <= make_interval(mins => v.target_minutes)
           ) AS within_target,
           COUNT(*) FILTER (
               WHERE q.completed_at IS NULL
                 AND %(now)s - q.received_at > make_interval(mins => v.target_minutes)
           ) AS late_open,
           COUNT(*) FILTER (WHERE NOT q.correct_first_time) AS not_correct,
           percentile_cont(0.5) WITHIN GROUP (
               ORDER BY EXTRACT(EPOCH FROM q.completed_at - q.received_at)::float8 / 60
           ) AS median_minutes
    FROM member m
    JOIN period p ON p.id = m.period_id
    JOIN surveys_servicerequest q
      ON q.officer_id = m.staff_id
     AND (q.received_at AT TIME ZONE %(tz)s)::date BETWEEN p.starts_on AND p.ends_on
    JOIN surveys_service v ON v.id = q.service_id
    GROUP BY m.period_id, m.staff_id
)
SELECT m.staff_id, m.period_id,
       COALESCE(wd.days, 0), COALESCE(rp.reported_days, 0), COALESCE(rp.reports, 0), COALESCE(rp.minutes, 0),
       COALESCE(ac.indicators, 0), ac.achievement,
       COALESCE(nt.praise, 0), COALESCE(nt.correction, 0),
       COALESCE(pr.raters, 0), CASE WHEN pr.raters >= %(min_raters)s THEN ROUND(pr.average, 2) END,
       COALESCE(ct.respondents, 0), ROUND(ct.competence, 3), ROUND(ct.courtesy, 3),
       COALESCE(sv.handled, 0), COALESCE(sv.completed, 0), COALESCE(sv.within_target, 0),
       COALESCE(sv.late_open, 0), COALESCE(sv.not_correct, 0), ROUND(sv.median_minutes::numeric, 1),
       m.skp_status, COALESCE(ap.status, ''), COALESCE(ap.predikat, ''), ap.jpm
FROM member m
LEFT JOIN working_days wd ON wd.period_id = m.period_id
LEFT JOIN report rp ON rp.period_id = m.period_id AND rp.staff_id = m.staff_id
LEFT JOIN achievement ac ON ac.period_id = m.period_id AND ac.staff_id = m.staff_id
LEFT JOIN note nt ON nt.period_id = m.period_id AND nt.staff_id = m.staff_id
LEFT JOIN peer pr ON pr.period_id = m.period_id AND pr.staff_id = m.staff_id
LEFT JOIN citizen ct ON ct.period_id = m.period_id AND ct.staff_id = m.staff_id
LEFT JOIN service sv ON sv.period_id = m.period_id AND sv.staff_id = m.staff_id
LEFT JOIN appraisal_appraisal ap ON ap.skp_id = m.skp_id AND ap.period_id = m.period_id
"""


def nip(n):
    """A valid, distinct PNS NIP for the n-th bench staff member; no other bench makes one appointed
    in July 2012."""
    born = date(1965, 1, 1) + timedelta(days=n)
    return f"{born:%Y%m%d}201207{1 + n % 2}001"


def at(day, hour=9):
    return datetime.combine(day, clock(hour), tzinfo=timezone.get_current_timezone())


def pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def this_year():
    return timezone.localdate().year


def execute(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


# --- Loading ---------------------------------------------------------------------------------------------


def build_agencies():
    """Agencies with their units, positions, an HR account, and 1,000 staff each: the head, a unit head
    per unit and the staff spread over the units under them; one in a hundred has moved away (still
    with this year's SKP). Returns the agencies."""
    agencies = Agency.objects.bulk_create(
        Agency(
            code=f"{AGENCY_CODE}-{a:02d}", name=f"Dinas Bench Rekap {a:02d}", short_name=f"Bench RK {a:02d}",
            government="Bench",
        )
        for a in range(1, AGENCIES + 1)
    )  # fmt: skip
    user_model = get_user_model()
    user_model.objects.bulk_create(
        user_model(username=f"{agency.code}-hr", password="!", hr_agency=agency) for agency in agencies
    )
    users = user_model.objects.bulk_create(
        (user_model(username=nip(n), password="!") for n in range(AGENCIES * STAFF_PER_AGENCY)),
        batch_size=BATCH,
    )
    heads, unit_heads, staff = [], [], []
    for a, agency in enumerate(agencies):
        root = Unit.objects.create(agency=agency, code="BRK", name="Dinas Bench Rekap")
        units = Unit.objects.bulk_create(
            Unit(agency=agency, parent=root, code=f"BRK.{u}", name=f"Bidang {u}") for u in range(1, UNITS + 1)
        )
        jobs = [
            Position.objects.create(agency=agency, name=name, position_type=kind, level=level)
            for name, kind, level in (
                ("Kepala Dinas", "jpt", "pratama"),
                ("Kepala Bidang", "administrator", ""),
                ("Pengadministrasi Layanan", "pelaksana", ""),
            )
        ]
        first = a * STAFF_PER_AGENCY

        def member(k, unit, job, name, *, agency=agency, first=first):
            n = first + k
            return Staff(
                user=users[n], agency=agency, unit=unit, position=job, nip=nip(n), asn_kind="pns", name=name,
                status=StaffStatus.TRANSFERRED if k > UNITS and k % 100 == 0 else StaffStatus.ACTIVE,
            )  # fmt: skip

        heads.append(member(0, root, jobs[0], "Kepala Dinas"))
        unit_heads.extend(member(u, units[u - 1], jobs[1], f"Kabid {u:02d}") for u in range(1, UNITS + 1))
        staff.extend(
            member(k, units[k % UNITS], jobs[2], f"Pegawai {k:04d}")
            for k in range(UNITS + 1, STAFF_PER_AGENCY)
        )
    Staff.objects.bulk_create(heads)
    for n, unit_head in enumerate(unit_heads):
        unit_head.supervisor = heads[n // UNITS]
    Staff.objects.bulk_create(unit_heads)
    by_unit = {unit_head.unit_id: unit_head for unit_head in unit_heads}
    for member in staff:
        member.supervisor = by_unit[member.unit_id]
    Staff.objects.bulk_create(staff, batch_size=BATCH)
    return agencies


def build_years(agencies):
    """The performance year of today with its quarters per agency (the last works Monday to Saturday),
    and a local holiday for every other agency."""
    year = this_year()
    years = PerformanceYear.objects.bulk_create(
        PerformanceYear(
            agency=agency, year=year, plan_deadline=date(year, 1, 31), report_cutoff_days=1,
            working_weekdays="012345" if a == AGENCIES - 1 else "01234",
        )
        for a, agency in enumerate(agencies)
    )  # fmt: skip
    quarter_ends = (date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31))
    EvaluationPeriod.objects.bulk_create(
        EvaluationPeriod(
            year=performance_year, sequence=q, name=f"Triwulan {'I' * q if q < 4 else 'IV'}",
            starts_on=date(year, 3 * q - 2, 1), ends_on=ends, evaluation_deadline=ends + timedelta(days=15),
        )
        for performance_year in years
        for q, ends in enumerate(quarter_ends, start=1)
    )  # fmt: skip
    Holiday.objects.bulk_create(
        Holiday(agency=agency, date=date(year, 5, 4) + timedelta(days=7 * a), name="Hari jadi kota")
        for a, agency in enumerate(agencies)
        if a % 2 == 0
    )


def build_plans(rng, agencies):
    """An SKP per staff member (approved, one in 25 only submitted) with 3 main RHK and, for half of
    them, an additional one, each with one quantity indicator."""
    year_of = dict(PerformanceYear.objects.filter(agency__in=agencies).values_list("agency_id", "pk"))
    staff = list(Staff.objects.filter(agency__in=agencies).order_by("pk"))
    approved = at(date(this_year(), 1, 20))
    skps = Skp.objects.bulk_create(
        (
            Skp(
                staff=member, year_id=year_of[member.agency_id], rater_id=member.supervisor_id,
                status=SkpStatus.SUBMITTED if n % 25 == 24 else SkpStatus.APPROVED,
                approved_at=None if n % 25 == 24 else approved,
            )
            for n, member in enumerate(staff)
        ),
        batch_size=BATCH,
    )  # fmt: skip
    rhks = Rhk.objects.bulk_create(
        (
            Rhk(
                skp=skp, kind=RhkKind.MAIN if order < 3 else RhkKind.ADDITIONAL, order=order,
                text=f"Layanan kependudukan {order + 1} terselesaikan tepat waktu",
            )
            for n, skp in enumerate(skps)
            for order in range(3 + n % 2)
        ),
        batch_size=BATCH,
    )  # fmt: skip
    Indicator.objects.bulk_create(
        (
            Indicator(
                rhk=rhk, text=f"Jumlah berkas layanan {rhk.order + 1} yang diselesaikan", aspect="quantity",
                target_value=Decimal(rng.choice((300, 400, 500, 600))), target_unit="berkas",
            )
            for rhk in rhks
        ),
        batch_size=BATCH,
    )  # fmt: skip


REPORTS_SQL = """
WITH plan AS (
    SELECT skp.staff_id, s.supervisor_id, array_agg(k.id ORDER BY k."order") AS rhks,
           array_agg(i.id ORDER BY k."order") AS indicators
    FROM appraisal_skp skp
    JOIN accounts_staff s ON s.id = skp.staff_id
    JOIN appraisal_rhk k ON k.skp_id = skp.id
    JOIN appraisal_indicator i ON i.rhk_id = k.id
    WHERE s.agency_id = ANY(%(agencies)s)
    GROUP BY skp.staff_id, s.supervisor_id
),
day AS (
    SELECT d::date AS day, EXTRACT(ISODOW FROM d) < 6 AND NOT EXISTS (
               SELECT 1 FROM appraisal_holiday h WHERE h.agency_id IS NULL AND h.date = d::date
           ) AS working
    FROM generate_series(%(first)s::date, %(last)s::date, interval '1 day') AS d
),
slot AS (
    SELECT staff_id, supervisor_id, rhks, indicators, day,
           1 + floor(random() * cardinality(rhks))::int AS pick,
           supervisor_id IS NOT NULL AND random() < 0.7 AS reviewed
    FROM (
        -- The draw in a column of its own: a condition on random() alone would be evaluated once per
        -- day and slot, before the join with the staff, giving everyone the same days.
        SELECT p.*, day.day, day.working, n, random() AS draw
        FROM plan p CROSS JOIN day CROSS JOIN generate_series(1, 2) AS n
    ) candidate
    WHERE draw < CASE WHEN NOT working THEN 0.02 * (2 - n) WHEN n = 1 THEN 0.9 ELSE 0.25 END
)
INSERT INTO appraisal_dailyreport (
    staff_id, date, activity, rhk_id, indicator_id, output_quantity, output_unit, minutes_spent,
    evidence_file, evidence_link, status, review_comment, reviewed_by_id, reviewed_at, created_at
)
SELECT staff_id, day, (%(activities)s::text[])[1 + floor(random() * %(activity_count)s)::int],
       rhks[pick], indicators[pick], 1 + floor(random() * 10), 'berkas', 15 + floor(random() * 466)::int,
       '', '', CASE WHEN reviewed THEN 'acknowledged' ELSE 'submitted' END, '',
       CASE WHEN reviewed THEN supervisor_id END,
       CASE WHEN reviewed THEN (day + 1 + time '08:30') AT TIME ZONE %(tz)s END,
       (day + time '15:00' + random() * interval '3 hours') AT TIME ZONE %(tz)s
FROM slot
"""


def load_reports(agencies):
    """Each staff member reports on 9 in 10 working days until yesterday, twice on a quarter of them,
    and now and then on a day off: about 250 reports each, against their own indicators."""
    year = this_year()
    execute(
        REPORTS_SQL,
        {
            "agencies": [agency.pk for agency in agencies],
            "first": date(year, 1, 1),
            "last": min(timezone.localdate() - timedelta(days=1), date(year, 12, 31)),
            "activities": ACTIVITIES,
            "activity_count": len(ACTIVITIES),
            "tz": settings.TIME_ZONE,
        },
    )


FEEDBACK_SQL = (
    # Notes from the supervisor at any time of the year, and for 1 staff in 50 at 06:30 on the first day
    # of each quarter: that quarter in local time, still the one before in UTC.
    """
INSERT INTO appraisal_feedbacknote (author_id, subject_id, kind, value, text, created_at)
SELECT supervisor_id, id, kind, '', CASE kind WHEN 'praise' THEN %(praise)s ELSE %(correction)s END, at
FROM (
    SELECT s.id, s.supervisor_id, CASE WHEN random() < 0.7 THEN 'praise' ELSE 'correction' END AS kind,
           %(start)s + random() * (%(now)s - %(start)s) AS at
    FROM accounts_staff s CROSS JOIN generate_series(1, 6)
    WHERE s.agency_id = ANY(%(agencies)s) AND s.supervisor_id IS NOT NULL AND random() < 0.1
) note
UNION ALL
SELECT s.supervisor_id, s.id, 'praise', '', %(praise)s, (p.starts_on + time '06:30') AT TIME ZONE %(tz)s
FROM accounts_staff s
JOIN appraisal_performanceyear y ON y.agency_id = s.agency_id
JOIN appraisal_evaluationperiod p ON p.year_id = y.id AND p.starts_on < %(today)s
WHERE s.agency_id = ANY(%(agencies)s) AND s.supervisor_id IS NOT NULL AND mod(s.id, 50) = 0
""",
    # 360° rounds for 6% of the staff each quarter, closing two weeks after the quarter.
    """
INSERT INTO appraisal_feedbackrequest (subject_id, period_id, requested_by_id, created_at, closes_on, note)
SELECT s.id, p.id, boss.user_id, LEAST(p.ends_on - 10, %(today)s::date - 7)::timestamp AT TIME ZONE %(tz)s,
       p.ends_on + 14, ''
FROM accounts_staff s
JOIN accounts_staff boss ON boss.id = s.supervisor_id
JOIN appraisal_performanceyear y ON y.agency_id = s.agency_id
JOIN appraisal_evaluationperiod p ON p.year_id = y.id
WHERE s.agency_id = ANY(%(agencies)s) AND random() < 0.06
""",
    # The supervisor and two to four colleagues are asked; 85% answer within a week.
    """
INSERT INTO appraisal_feedbackinvitation (request_id, subject_id, rater_id, "group", answered_at)
SELECT q.id, q.subject_id, rater.id, rater.grp,
       CASE WHEN random() < 0.85 THEN q.created_at + random() * interval '7 days' END
FROM appraisal_feedbackrequest q
JOIN accounts_staff s ON s.id = q.subject_id
CROSS JOIN LATERAL (
    SELECT s.supervisor_id AS id, 'supervisor' AS grp
    UNION ALL
    SELECT peer.id, 'peer'
    FROM generate_series(1, 2 + mod(q.id, 3)) AS o
    JOIN accounts_staff peer ON peer.id = s.id + o AND peer.agency_id = s.agency_id
) rater
WHERE s.agency_id = ANY(%(agencies)s)
""",
    """
INSERT INTO appraisal_feedbackanswer (invitation_id, value, score, comment)
SELECT i.id, v,
       CASE WHEN random() < 0.05 THEN 2 WHEN random() < 0.35 THEN 3 WHEN random() < 0.8 THEN 4 ELSE 5 END, ''
FROM appraisal_feedbackinvitation i
JOIN accounts_staff s ON s.id = i.subject_id
CROSS JOIN unnest(%(values)s::text[]) AS v
WHERE s.agency_id = ANY(%(agencies)s) AND i.answered_at IS NOT NULL
""",
)


def load_feedback(agencies):
    today = timezone.localdate()
    params = {
        "agencies": [agency.pk for agency in agencies],
        "start": at(date(today.year, 1, 1), 0),
        "now": timezone.now(),
        "today": today,
        "tz": settings.TIME_ZONE,
        "praise": PRAISE,
        "correction": CORRECTION,
        "values": CoreValue.values,
    }
    for sql in FEEDBACK_SQL:
        execute(sql, params)


SERVICE_SQL = (
    # Requests received until four days ago (so an open one is past every target), 3% still open.
    """
WITH request AS (
    SELECT l.service_id, l.officer_id, v.target_minutes,
           date_trunc('minute', %(start)s + random() * (%(until)s - %(start)s)) AS received
    FROM surveys_surveylink l
    JOIN surveys_service v ON v.id = l.service_id
    CROSS JOIN generate_series(1, %(requests)s)
    WHERE v.agency_id = ANY(%(agencies)s) AND l.officer_id IS NOT NULL
)
INSERT INTO surveys_servicerequest (
    service_id, officer_id, reference, received_at, completed_at, correct_first_time
)
SELECT service_id, officer_id, '', received,
       CASE WHEN random() < 0.97
            THEN received + make_interval(mins => round(target_minutes * (0.2 + random() * 1.6))::int) END,
       random() < 0.92
FROM request
""",
    # Responses through every link of the services; one in ten was flagged, some of those left out.
    """
WITH response AS (
    SELECT l.id AS link_id, l.service_id, l.officer_id, t.id AS template_id,
           %(start)s + random() * (%(now)s - %(start)s) AS submitted_at, random() AS draw
    FROM surveys_surveylink l
    JOIN surveys_service v ON v.id = l.service_id
    JOIN surveys_surveytemplate t ON t.service_id = l.service_id AND t.is_current
    CROSS JOIN LATERAL generate_series(
        1, CASE WHEN l.officer_id IS NULL THEN %(per_counter)s ELSE %(per_officer)s END
    ) AS n
    WHERE v.agency_id = ANY(%(agencies)s)
)
INSERT INTO surveys_surveyresponse (
    template_id, link_id, service_id, officer_id, submitted_at, nonce, ip_hash, fill_seconds,
    review_status, flag_reasons, reviewed_by_id, reviewed_at, age_band, sex, education, occupation,
    suggestion, suggestion_status, hr_response, responded_by_id, responded_at, personal_data_purged
)
SELECT template_id, link_id, service_id, officer_id, submitted_at, gen_random_uuid()::text, '',
       30 + floor(random() * 600)::int,
       CASE WHEN draw < 0.90 THEN 'clean' WHEN draw < 0.94 THEN 'accepted' WHEN draw < 0.98 THEN 'flagged'
            ELSE 'rejected' END,
       CASE WHEN draw < 0.90 THEN '' ELSE 'Diisi terlalu cepat.' END,
       NULL, NULL, '', '', '', '', '', '', '', NULL, NULL, false
FROM response
""",
    """
INSERT INTO surveys_surveyanswer (response_id, element_id, value)
SELECT r.id, e.id,
       CASE WHEN random() < 0.03 THEN 1 WHEN random() < 0.1 THEN 2 WHEN random() < 0.55 THEN 3 ELSE 4 END
FROM surveys_surveyresponse r
JOIN surveys_service v ON v.id = r.service_id
JOIN surveys_surveyelement e ON e.template_id = r.template_id
WHERE v.agency_id = ANY(%(agencies)s)
""",
)


def load_services(agencies):
    """Three services per agency, owned by the first three units, each with its questionnaire, a counter
    link and a link for ten officers of its unit; then their requests and the citizens' answers."""
    for agency in agencies:
        hr = get_user_model().objects.get(hr_agency=agency)
        units = list(Unit.objects.filter(agency=agency, parent__isnull=False).order_by("pk"))
        for unit, (code, name, minutes) in zip(units, SERVICES, strict=False):
            service = Service.objects.create(
                agency=agency, unit=unit, code=code, name=name, target_minutes=minutes
            )
            questionnaire_publish(service=service, by=hr)
            link_create(service=service, by=hr, counter="Loket 1")
            officers = Staff.objects.filter(
                unit=unit, status=StaffStatus.ACTIVE, supervisor__unit=unit
            ).order_by("pk")[:OFFICERS_PER_SERVICE]
            for officer in officers:
                link_create(service=service, by=hr, officer=officer)
    today = timezone.localdate()
    params = {
        "agencies": [agency.pk for agency in agencies],
        "start": at(date(today.year, 1, 1), 0),
        "until": timezone.now() - timedelta(days=4),
        "now": timezone.now(),
        "requests": REQUESTS_PER_OFFICER,
        "per_counter": RESPONSES_PER_COUNTER,
        "per_officer": RESPONSES_PER_OFFICER,
    }
    for sql in SERVICE_SQL:
        execute(sql, params)


def build_appraisals(rng, agencies):
    """The quarters' appraisals of everyone with an approved SKP and a rater, at the steps of
    APPRAISAL_STEPS; rated ones carry ratings, the predikat of the quadrant and a JPM."""
    periods = {}
    for period in EvaluationPeriod.objects.filter(year__agency__in=agencies).select_related("year"):
        periods.setdefault(period.year.agency_id, []).append(period)
    hr = {user.hr_agency_id: user.pk for user in get_user_model().objects.filter(hr_agency__in=agencies)}
    skps = Skp.objects.filter(
        staff__agency__in=agencies, status=SkpStatus.APPROVED, staff__supervisor__isnull=False
    ).values_list("pk", "staff__agency_id", "staff__supervisor_id", "staff__supervisor__supervisor__user_id")
    appraisals = []
    for skp_id, agency_id, rater, approver in skps:
        for period in periods[agency_id]:
            status = pick(rng, APPRAISAL_STEPS[period.sequence])
            if status is not None:
                appraisals.append(appraisal(rng, skp_id, period, status, rater, approver or hr[agency_id]))
    Appraisal.objects.bulk_create(appraisals, batch_size=BATCH)


def appraisal(rng, skp_id, period, status, rater, approver):
    result = Appraisal(skp_id=skp_id, period=period, status=status)
    if status == AppraisalStatus.SELF_ASSESSMENT:
        return result
    day = period.ends_on + timedelta(days=3)
    result.self_submitted_at, result.rater_id, result.version = at(day), rater, 2
    if status == AppraisalStatus.SUPERVISOR_ASSESSMENT:
        return result
    results, behaviour = pick(rng, RESULT_WEIGHTS), pick(rng, BEHAVIOUR_WEIGHTS)
    result.results_proposed = result.results_rating = results
    result.behaviour_rating = behaviour
    result.results_feedback = IMPROVE if results == Rating.BELOW else ""
    result.behaviour_feedback = "Tingkatkan kerja sama dengan tim." if behaviour == Rating.BELOW else ""
    result.predikat = PREDIKAT_QUADRANT[(results, behaviour)]
    result.jpm = Decimal(rng.randrange(6000, 12000)) / 100
    result.jpm_band = jpm_band(result.jpm)
    result.submitted_at, result.version = at(day + timedelta(days=4)), 3
    if status == AppraisalStatus.FINAL:
        result.approved_at, result.approved_by_id, result.version = at(day + timedelta(days=6)), approver, 4
    return result


def load():
    """The bench agencies with everything the aggregation reads; built once, in one transaction.
    Returns (agencies, seconds per step) — no seconds when the data was there."""
    agencies = list(Agency.objects.filter(code__startswith=f"{AGENCY_CODE}-").order_by("code"))
    if agencies:
        if PerformanceYear.objects.filter(agency__in=agencies, year=this_year()).count() != AGENCIES:
            sys.exit("The bench data is of another year: drop the database and run again.")
        print(f"found {len(agencies)} bench agencies; loading skipped")
        return agencies, None
    if timezone.localdate() <= date(this_year(), 1, 1):
        sys.exit("The year has no day before today yet: run it later in the year.")
    rng = random.Random(20261125)
    seconds = {}
    started = mark = time.perf_counter()

    def done(step):
        nonlocal mark
        seconds[step] = time.perf_counter() - mark
        print(f"  {step}: {seconds[step]:.1f} s", flush=True)
        mark = time.perf_counter()

    with transaction.atomic():
        execute("SELECT setseed(0.2026)", None)  # the same data on every rebuild, as rng in Python
        agencies = build_agencies()
        build_years(agencies)
        build_plans(rng, agencies)
        done("staff and plans")
        load_reports(agencies)
        done("daily reports")
        load_feedback(agencies)
        load_services(agencies)
        build_appraisals(rng, agencies)
        done("feedback, services, surveys, appraisals")
    done("commit (deferred foreign-key checks)")
    seconds["total"] = time.perf_counter() - started
    return agencies, seconds


# --- Timing ------------------------------------------------------------------------------------------------


def raw_figures():
    """The raw query's seconds and rows, {(staff id, period id): figures in the order of FIGURES}."""
    params = {
        "today": timezone.localdate(),
        "now": timezone.now(),
        "tz": settings.TIME_ZONE,
        "active": StaffStatus.ACTIVE,
        "counted": list(COUNTED),
        "min_raters": MIN_RATERS,
    }
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(RAW_QUERY, params)
        rows = cursor.fetchall()
    return time.perf_counter() - began, {(row[0], row[1]): row[2:] for row in rows}


def timed_aggregate(**kwargs):
    began = time.perf_counter()
    written = scores_aggregate(**kwargs)
    return time.perf_counter() - began, written


def truncate_scores():
    execute(f"TRUNCATE {', '.join(model._meta.db_table for model in SCORE_TABLES)}", None)


def mismatches(raw):
    """[(staff id, period id, figure, raw value, stored value)] wherever the stored staff figures
    differ from the raw query's rows, a missing row as the figure "row"."""
    stored = {
        (row[0], row[1]): row[2:]
        for row in StaffPeriodScore.objects.values_list("staff_id", "period_id", *FIGURES)
    }
    found = []
    for key in sorted(raw.keys() | stored.keys()):
        want, got = raw.get(key), stored.get(key)
        if want is None or got is None:
            found.append((*key, "row", want is not None, got is not None))
            continue
        found.extend((*key, name, a, b) for name, a, b in zip(FIGURES, want, got, strict=True) if a != b)
    return found


def add_reports(staff_ids, day):
    """One report of each staff member on day, against their first indicator; returns the ids."""
    first = {}
    for staff_id, rhk_id, indicator_id in (
        Indicator.objects.filter(rhk__skp__staff_id__in=staff_ids, rhk__skp__year__year=day.year)
        .order_by("rhk__order")
        .values_list("rhk__skp__staff_id", "rhk_id", "pk")
    ):
        first.setdefault(staff_id, (rhk_id, indicator_id))
    reports = DailyReport.objects.bulk_create(
        DailyReport(
            staff_id=staff_id, date=day, activity=ACTIVITIES[0], rhk_id=first[staff_id][0],
            indicator_id=first[staff_id][1], output_quantity=Decimal(7), output_unit="berkas",
            minutes_spent=90,
        )
        for staff_id in staff_ids
    )  # fmt: skip
    return [report.pk for report in reports]


def last_working_day(agency):
    """The agency's last working day before today."""
    year = PerformanceYear.objects.get(agency=agency, year=this_year())
    yesterday = timezone.localdate() - timedelta(days=1)
    return working_days_between(year, date(yesterday.year, 1, 1), yesterday)[-1]


def spread(items, count):
    """count of the items, evenly spread over them."""
    step = len(items) // count
    return items[step // 2 :: step][:count]


def time_changes(agencies):
    """(4) the run after a report of 1% of the staff on the last working day, (5) the refreshes of single
    staff members after a report of theirs today; the reports are deleted afterwards. Returns
    ((seconds, written) of (4), [(seconds, written)] of (5))."""
    staff_ids = list(
        Staff.objects.filter(agency__in=agencies, skps__year__year=this_year())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    added = []
    try:
        added += add_reports(spread(staff_ids, CHANGED_STAFF), last_working_day(agencies[0]))
        after_change = timed_aggregate()
        refreshes = []
        for staff_id in spread(staff_ids, REFRESHES):
            added += add_reports([staff_id], timezone.localdate())
            refreshes.append(timed_aggregate(staff_ids=[staff_id]))
    finally:
        DailyReport.objects.filter(pk__in=added).delete()
    return after_change, refreshes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero on a missed target or a mismatch"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    call_command("migrate", interactive=False, verbosity=0)
    agencies, seconds = load()
    began = time.perf_counter()
    execute("VACUUM ANALYZE", None)
    vacuum_seconds = time.perf_counter() - began
    if seconds:
        print("load: " + "; ".join(f"{step} {s:.1f} s" for step, s in seconds.items()))
    print(f"VACUUM ANALYZE: {vacuum_seconds:.1f} s")
    counts = {
        "staff": Staff.objects.filter(agency__in=agencies).count(),
        "indicators": Indicator.objects.filter(rhk__skp__staff__agency__in=agencies).count(),
        "daily reports": DailyReport.objects.filter(staff__agency__in=agencies).count(),
        "feedback notes": FeedbackNote.objects.filter(subject__agency__in=agencies).count(),
        "360° requests": FeedbackRequest.objects.filter(subject__agency__in=agencies).count(),
        "invitations": FeedbackInvitation.objects.filter(subject__agency__in=agencies).count(),
        "360° answers": FeedbackAnswer.objects.filter(invitation__subject__agency__in=agencies).count(),
        "service requests": ServiceRequest.objects.filter(service__agency__in=agencies).count(),
        "survey responses": SurveyResponse.objects.filter(service__agency__in=agencies).count(),
        "survey answers": SurveyAnswer.objects.filter(response__service__agency__in=agencies).count(),
        "appraisals": Appraisal.objects.filter(skp__staff__agency__in=agencies).count(),
    }
    print("rows: " + ", ".join(f"{what} {n:,}" for what, n in counts.items()))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"database size: {cursor.fetchone()[0]}")

    raw_runs = [raw_figures() for _ in range(2)]
    raw_seconds, raw = min(raw_runs, key=lambda run: run[0])
    first_runs = []
    for _ in range(2):
        truncate_scores()
        first_runs.append(timed_aggregate())
    found = mismatches(raw)
    # As autovacuum soon would after the first run filled the tables.
    execute(f"ANALYZE {', '.join(model._meta.db_table for model in SCORE_TABLES)}", None)
    unchanged = timed_aggregate()
    after_change, refreshes = time_changes(agencies)

    missed = []
    print(f"\n{'':<46} {'seconds':>8} {'× raw':>6} {'written':>8}")
    print(f"{f'(1) raw query ({len(raw):,} rows fetched)':<46} {raw_seconds:8.2f} {1:6.2f}")
    for label, (secs, written) in (
        ("(2) aggregation, empty tables", min(first_runs)),
        ("(3) aggregation, nothing changed", unchanged),
        (f"(4) aggregation, {CHANGED_STAFF} staff reported", after_change),
    ):
        ok = secs <= TARGET_RATIO * raw_seconds and secs < TARGET_SECONDS
        if not ok:
            missed.append(label)
        print(f"{label:<46} {secs:8.2f} {secs / raw_seconds:6.2f} {written:8,}  {'ok' if ok else 'MISSED'}")
    refresh_seconds = [s for s, _written in refreshes]
    refresh_rows = "–".join(str(w) for w in sorted({w for _s, w in refreshes}))
    print(
        f"{f'(5) per-staff refresh, p50 of {len(refreshes)}':<46} {statistics.median(refresh_seconds):8.3f}"
        f"  (max {max(refresh_seconds):.3f} s; rows written {refresh_rows})"
    )
    print(f"target: (2)–(4) each within {TARGET_RATIO:g}× the raw query and under {TARGET_SECONDS:g} s")
    print(
        f"\nstaff figures compared with the raw query's: {len(raw):,} rows × {len(FIGURES)}, "
        f"{len(found)} differ"
    )
    for staff_id, period_id, name, want, got in found[:20]:
        print(f"  staff {staff_id}, period {period_id}, {name}: raw {want!r}, stored {got!r}")
    problems = [f"over the target: {label}" for label in missed]
    if found:
        problems.append(f"{len(found)} figures differ from the raw query's")
    if unchanged[1]:
        problems.append(
            f"the run with nothing changed wrote {unchanged[1]:,} rows (a repeated run writes none)"
        )
    for problem in problems:
        print(problem)
    if args.strict and problems:
        sys.exit("; ".join(problems))


if __name__ == "__main__":
    main()
