"""The SQL of the score aggregation (appraisal.services.scores), for PostgreSQL.

Each statement computes its figures for every staff member and period in scope at once (GROUP BY),
then upserts them. A row is rewritten only when one of its figures changed (the WHERE of ON CONFLICT
DO UPDATE), and rows that left the scope are deleted in the same statement, so that a repeated run
leaves the tables exactly as they were.

Parameters: today (the local date of the run), now, tz (the local time zone), staff_ids (an int[],
or NULL for everyone), active (the active staff status).
"""

# The periods in scope: every period of an open performance year that has started. Working days count
# up to yesterday: today is not over yet.
_PERIOD = """
period AS (
    SELECT p.id, p.starts_on, p.ends_on, y.id AS year_id, y.agency_id, y.working_weekdays,
           make_date(y.year, 1, 1) AS year_starts_on,
           LEAST(p.ends_on, %(today)s::date - 1) AS counted_until,
           p.starts_on::timestamp AT TIME ZONE %(tz)s AS starts_at,
           (p.ends_on + 1)::timestamp AT TIME ZONE %(tz)s AS ends_at
    FROM appraisal_evaluationperiod p
    JOIN appraisal_performanceyear y ON y.id = p.year_id
    WHERE y.is_open AND p.starts_on <= %(today)s::date
)"""

# Who gets figures for a period: the agency's active staff, and anyone with an SKP for that year.
_MEMBER = """
member AS (
    SELECT period.id AS period_id, s.id AS staff_id, s.agency_id, s.unit_id,
           skp.id AS skp_id, COALESCE(skp.status, '') AS skp_status
    FROM period
    JOIN accounts_staff s ON s.agency_id = period.agency_id
    LEFT JOIN appraisal_skp skp ON skp.staff_id = s.id AND skp.year_id = period.year_id
    WHERE (s.status = %(active)s OR skp.id IS NOT NULL)
      AND (%(staff_ids)s::int[] IS NULL OR s.id = ANY(%(staff_ids)s::int[]))
)"""


def _upsert(table, keys, columns):
    """INSERT … SELECT * FROM figures, updating a row only where a figure changed."""
    names = [*keys, *columns, "computed_at"]
    changed = ", ".join(f"t.{c}" for c in columns)
    incoming = ", ".join(f"EXCLUDED.{c}" for c in columns)
    return f"""
INSERT INTO {table} AS t ({", ".join(names)})
SELECT {", ".join(names[:-1])}, %(now)s FROM figures
ON CONFLICT ({", ".join(keys)}) DO UPDATE
SET {", ".join(f"{c} = EXCLUDED.{c}" for c in [*columns, "computed_at"])}
WHERE ({changed}) IS DISTINCT FROM ({incoming})"""


def _gone(table, keys, *, staff_scope):
    """A data-modifying CTE deleting the rows of the periods in scope that the figures no longer hold."""
    match = " AND ".join(f"f.{k} = t.{k}" for k in keys)
    staff = (
        "AND (%(staff_ids)s::int[] IS NULL OR t.staff_id = ANY(%(staff_ids)s::int[]))" if staff_scope else ""
    )
    return f"""
gone AS (
    DELETE FROM {table} t USING period
    WHERE t.period_id = period.id {staff}
      AND NOT EXISTS (SELECT 1 FROM figures f WHERE {match})
    RETURNING 1
)"""


INDICATOR_COLUMNS = ["staff_id", "output", "output_to_date", "achievement"]

INDICATORS = f"""
WITH {_PERIOD}, {_MEMBER},
figures AS (
    SELECT i.id AS indicator_id, m.period_id, m.staff_id,
           COALESCE(SUM(r.output_quantity) FILTER (WHERE r.date >= period.starts_on), 0) AS output,
           COALESCE(SUM(r.output_quantity), 0) AS output_to_date,
           LEAST(ROUND(COALESCE(SUM(r.output_quantity), 0) * 100 / i.target_value, 1), 99999999.9)
               AS achievement
    FROM member m
    JOIN period ON period.id = m.period_id
    JOIN appraisal_rhk k ON k.skp_id = m.skp_id
    JOIN appraisal_indicator i ON i.rhk_id = k.id AND i.aspect = 'quantity' AND i.target_value > 0
    LEFT JOIN appraisal_dailyreport r
           ON r.indicator_id = i.id AND r.staff_id = m.staff_id
          AND r.date BETWEEN period.year_starts_on AND period.ends_on
    GROUP BY i.id, m.period_id, m.staff_id, i.target_value
),
{_gone("appraisal_indicatorperiodscore", ["indicator_id", "period_id"], staff_scope=True)}
{_upsert("appraisal_indicatorperiodscore", ["indicator_id", "period_id"], INDICATOR_COLUMNS)}
"""

STAFF_COLUMNS = [
    "agency_id",
    "unit_id",
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
]

# Reads the indicator figures the statement above has just written in the same transaction.
STAFF = f"""
WITH {_PERIOD}, {_MEMBER},
workday AS (
    SELECT period.id AS period_id, d::date AS day
    FROM period
    CROSS JOIN LATERAL generate_series(period.starts_on, period.counted_until, interval '1 day') AS d
    WHERE strpos(period.working_weekdays, (EXTRACT(ISODOW FROM d)::int - 1)::text) > 0
      AND NOT EXISTS (
          SELECT 1 FROM appraisal_holiday h
          WHERE h.date = d::date AND (h.agency_id IS NULL OR h.agency_id = period.agency_id)
      )
),
workdays AS (SELECT period_id, COUNT(*) AS days FROM workday GROUP BY period_id),
report_day AS (
    SELECT r.staff_id, r.date, COUNT(*) AS reports, SUM(r.minutes_spent) AS minutes
    FROM appraisal_dailyreport r
    WHERE r.date BETWEEN (SELECT MIN(starts_on) FROM period) AND (SELECT MAX(ends_on) FROM period)
      AND (%(staff_ids)s::int[] IS NULL OR r.staff_id = ANY(%(staff_ids)s::int[]))
    GROUP BY r.staff_id, r.date
),
reporting AS (
    SELECT m.period_id, m.staff_id, SUM(d.reports) AS reports, SUM(d.minutes) AS minutes,
           COUNT(w.day) AS reported_days
    FROM member m
    JOIN period ON period.id = m.period_id
    JOIN report_day d ON d.staff_id = m.staff_id AND d.date BETWEEN period.starts_on AND period.ends_on
    LEFT JOIN workday w ON w.period_id = m.period_id AND w.day = d.date
    GROUP BY m.period_id, m.staff_id
),
achieved AS (
    SELECT s.period_id, s.staff_id, COUNT(*) AS indicators,
           ROUND(AVG(LEAST(s.achievement, 100)), 1) AS achievement
    FROM appraisal_indicatorperiodscore s
    JOIN member m ON m.period_id = s.period_id AND m.staff_id = s.staff_id
    GROUP BY s.period_id, s.staff_id
),
notes AS (
    SELECT m.period_id, m.staff_id,
           COUNT(*) FILTER (WHERE n.kind = 'praise') AS praise,
           COUNT(*) FILTER (WHERE n.kind = 'correction') AS correction
    FROM member m
    JOIN period ON period.id = m.period_id
    JOIN appraisal_feedbacknote n
      ON n.subject_id = m.staff_id AND n.created_at >= period.starts_at AND n.created_at < period.ends_at
    GROUP BY m.period_id, m.staff_id
),
released AS (
    SELECT q.id, q.period_id, q.subject_id
    FROM appraisal_feedbackrequest q
    JOIN member m ON m.period_id = q.period_id AND m.staff_id = q.subject_id
    WHERE EXISTS (SELECT 1 FROM appraisal_feedbackinvitation i WHERE i.request_id = q.id)
      AND (q.closes_on < %(today)s::date OR NOT EXISTS (
          SELECT 1 FROM appraisal_feedbackinvitation i WHERE i.request_id = q.id AND i.answered_at IS NULL
      ))
),
feedback AS (
    SELECT q.period_id, q.subject_id AS staff_id, COUNT(DISTINCT i.id) AS raters, AVG(a.score) AS average
    FROM released q
    JOIN appraisal_feedbackinvitation i ON i.request_id = q.id AND i.answered_at IS NOT NULL
    JOIN appraisal_feedbackanswer a ON a.invitation_id = i.id
    GROUP BY q.period_id, q.subject_id
),
citizen AS (
    SELECT m.period_id, m.staff_id, COUNT(DISTINCT s.id) AS respondents,
           AVG(a.value) FILTER (WHERE a.code = 'U6') AS competence,
           AVG(a.value) FILTER (WHERE a.code = 'U7') AS courtesy
    FROM member m
    JOIN period ON period.id = m.period_id
    JOIN surveys_surveyresponse s
      ON s.officer_id = m.staff_id AND s.submitted_at >= period.starts_at AND s.submitted_at < period.ends_at
     AND s.review_status = ANY(%(counted)s)
    LEFT JOIN (
        SELECT a.response_id, a.value, e.code
        FROM surveys_surveyanswer a JOIN surveys_surveyelement e ON e.id = a.element_id
        WHERE e.code IN ('U6', 'U7')
    ) a ON a.response_id = s.id
    GROUP BY m.period_id, m.staff_id
),
request AS (
    SELECT m.period_id, m.staff_id, q.correct_first_time AS correct,
           EXTRACT(EPOCH FROM q.completed_at - q.received_at) AS seconds,
           EXTRACT(EPOCH FROM %(now)s - q.received_at) AS age_seconds,
           v.target_minutes * 60 AS target_seconds
    FROM member m
    JOIN period ON period.id = m.period_id
    JOIN surveys_servicerequest q
      ON q.officer_id = m.staff_id AND q.received_at >= period.starts_at AND q.received_at < period.ends_at
    JOIN surveys_service v ON v.id = q.service_id
),
service AS (
    SELECT period_id, staff_id, COUNT(*) AS handled, COUNT(seconds) AS completed,
           COUNT(*) FILTER (WHERE seconds <= target_seconds) AS within_target,
           COUNT(*) FILTER (WHERE seconds IS NULL AND age_seconds > target_seconds) AS late_open,
           COUNT(*) FILTER (WHERE NOT correct) AS not_correct,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) / 60 AS median_minutes
    FROM request
    GROUP BY period_id, staff_id
),
figures AS (
    SELECT m.staff_id, m.period_id, m.agency_id, m.unit_id,
           COALESCE(wd.days, 0) AS working_days,
           COALESCE(rp.reported_days, 0) AS reported_days,
           COALESCE(rp.reports, 0) AS reports,
           COALESCE(rp.minutes, 0) AS minutes_reported,
           COALESCE(ac.indicators, 0) AS indicators,
           ac.achievement,
           COALESCE(nt.praise, 0) AS praise_notes,
           COALESCE(nt.correction, 0) AS correction_notes,
           COALESCE(fb.raters, 0) AS feedback_raters,
           CASE WHEN fb.raters >= %(min_raters)s THEN ROUND(fb.average, 2) END AS feedback_average,
           COALESCE(ct.respondents, 0) AS citizen_respondents,
           ROUND(ct.competence, 3) AS citizen_competence,
           ROUND(ct.courtesy, 3) AS citizen_courtesy,
           COALESCE(sv.handled, 0) AS requests_handled,
           COALESCE(sv.completed, 0) AS requests_completed,
           COALESCE(sv.within_target, 0) AS requests_within_target,
           COALESCE(sv.late_open, 0) AS requests_late_open,
           COALESCE(sv.not_correct, 0) AS requests_not_correct,
           ROUND(sv.median_minutes::numeric, 1) AS median_minutes,
           m.skp_status,
           COALESCE(ap.status, '') AS appraisal_status,
           COALESCE(ap.predikat, '') AS predikat,
           ap.jpm
    FROM member m
    LEFT JOIN workdays wd ON wd.period_id = m.period_id
    LEFT JOIN reporting rp ON rp.period_id = m.period_id AND rp.staff_id = m.staff_id
    LEFT JOIN achieved ac ON ac.period_id = m.period_id AND ac.staff_id = m.staff_id
    LEFT JOIN notes nt ON nt.period_id = m.period_id AND nt.staff_id = m.staff_id
    LEFT JOIN feedback fb ON fb.period_id = m.period_id AND fb.staff_id = m.staff_id
    LEFT JOIN citizen ct ON ct.period_id = m.period_id AND ct.staff_id = m.staff_id
    LEFT JOIN service sv ON sv.period_id = m.period_id AND sv.staff_id = m.staff_id
    LEFT JOIN appraisal_appraisal ap ON ap.skp_id = m.skp_id AND ap.period_id = m.period_id
),
{_gone("appraisal_staffperiodscore", ["staff_id", "period_id"], staff_scope=True)}
{_upsert("appraisal_staffperiodscore", ["staff_id", "period_id"], STAFF_COLUMNS)}
"""

SUMMARY_COLUMNS = [
    "staff",
    "skps_approved",
    "appraisals_started",
    "appraisals_final",
    "very_good",
    "good",
    "needs_improvement",
    "poor",
    "very_poor",
    "working_days",
    "reported_days",
    "survey_respondents",
    "ikm",
    "mutu",
]


def _summary(table, group):
    """Unit or agency figures: the staff figures summed per `group` (unit_id or agency_id), beside the
    SKM results computed in Python and passed as arrays (ikm_group, ikm_period, …)."""
    extra = ["agency_id"] if group == "unit_id" else []
    carried = ", COALESCE(s.agency_id, k.owner_id) AS agency_id" if extra else ""
    return f"""
WITH {_PERIOD},
staff_sums AS (
    SELECT s.{group}, s.period_id{", MIN(s.agency_id) AS agency_id" if extra else ""},
           COUNT(*) AS staff,
           COUNT(*) FILTER (WHERE s.skp_status = 'approved') AS skps_approved,
           COUNT(*) FILTER (WHERE s.appraisal_status <> '') AS appraisals_started,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final') AS appraisals_final,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final' AND s.predikat = 'sangat_baik') AS very_good,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final' AND s.predikat = 'baik') AS good,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final' AND s.predikat = 'butuh_perbaikan')
               AS needs_improvement,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final' AND s.predikat = 'kurang_misconduct') AS poor,
           COUNT(*) FILTER (WHERE s.appraisal_status = 'final' AND s.predikat = 'sangat_kurang') AS very_poor,
           SUM(s.working_days) AS working_days,
           SUM(s.reported_days) AS reported_days
    FROM appraisal_staffperiodscore s
    JOIN period ON period.id = s.period_id
    GROUP BY s.{group}, s.period_id
),
ikm AS (
    SELECT * FROM unnest(
        %(ikm_group)s::int[], %(ikm_period)s::int[], %(ikm_owner)s::int[],
        %(ikm_respondents)s::int[], %(ikm_value)s::numeric[], %(ikm_mutu)s::text[]
    ) AS k(group_id, period_id, owner_id, respondents, ikm, mutu)
    WHERE k.period_id IN (SELECT id FROM period)
),
figures AS (
    SELECT COALESCE(s.{group}, k.group_id) AS {group}, COALESCE(s.period_id, k.period_id) AS period_id
           {carried},
           COALESCE(s.staff, 0) AS staff, COALESCE(s.skps_approved, 0) AS skps_approved,
           COALESCE(s.appraisals_started, 0) AS appraisals_started,
           COALESCE(s.appraisals_final, 0) AS appraisals_final,
           COALESCE(s.very_good, 0) AS very_good, COALESCE(s.good, 0) AS good,
           COALESCE(s.needs_improvement, 0) AS needs_improvement, COALESCE(s.poor, 0) AS poor,
           COALESCE(s.very_poor, 0) AS very_poor,
           COALESCE(s.working_days, 0) AS working_days, COALESCE(s.reported_days, 0) AS reported_days,
           COALESCE(k.respondents, 0) AS survey_respondents, k.ikm, COALESCE(k.mutu, '') AS mutu
    FROM staff_sums s
    FULL JOIN ikm k ON k.group_id = s.{group} AND k.period_id = s.period_id
),
{_gone(table, [group, "period_id"], staff_scope=False)}
{_upsert(table, [group, "period_id"], [*extra, *SUMMARY_COLUMNS])}
"""


UNITS = _summary("appraisal_unitperiodscore", "unit_id")
AGENCIES = _summary("appraisal_agencyperiodscore", "agency_id")
