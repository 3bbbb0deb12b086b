"""Reads for service levels: the catalogue, request lists and the figures per officer and period.

The figures are computed in the database for all officers at once (one query), on PostgreSQL and on
SQLite alike: the median comes from window functions, not from an ordered-set aggregate.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import DateTimeField, Exists, F, FloatField, Func, OuterRef, Q, Value
from django.utils import timezone

from accounts.models import Staff, StaffStatus, Unit
from appraisal.models import DailyReport
from surveys.models import Service, ServiceRequest
from surveys.service_levels import NO_FIGURES, Figures

DAILY_REPORTS_SHOWN = 100


# Periods ------------------------------------------------------------------------------------


def this_month(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period from the start of its first day to the start of the day after its last, local time."""
    zone = timezone.get_default_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


# Figures ------------------------------------------------------------------------------------


class SecondsBetween(Func):
    """Seconds from the first to the second datetime; NULL when either is NULL."""

    output_field = FloatField()

    def __init__(self, start, end):
        super().__init__(end, start)

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL: the interval between the two, in seconds.
        return super().as_sql(
            compiler, connection, template="EXTRACT(EPOCH FROM (%(expressions)s))", arg_joiner=" - ", **extra
        )

    def as_sqlite(self, compiler, connection, **extra):
        # Julian days are fractions; rounding to whole seconds keeps exact minutes exact.
        return super().as_sql(
            compiler,
            connection,
            template="ROUND((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )


_FIGURES_SQL = """
WITH req AS ({requests}),
ranked AS (
    SELECT who, seconds,
           ROW_NUMBER() OVER (PARTITION BY who ORDER BY seconds) AS row_no,
           COUNT(*) OVER (PARTITION BY who) AS row_count
    FROM req
    WHERE seconds IS NOT NULL
),
medians AS (
    SELECT who, AVG(seconds) AS median_seconds
    FROM ranked
    WHERE row_no IN ((row_count + 1) / 2, (row_count + 2) / 2)
    GROUP BY who
)
SELECT req.who,
       COUNT(*),
       COUNT(req.seconds),
       SUM(CASE WHEN req.seconds <= req.target_seconds THEN 1 ELSE 0 END),
       SUM(CASE WHEN req.seconds IS NULL AND req.age_seconds > req.target_seconds THEN 1 ELSE 0 END),
       SUM(CASE WHEN req.correct THEN 0 ELSE 1 END),
       MAX(medians.median_seconds)
FROM req LEFT JOIN medians ON medians.who = req.who
GROUP BY req.who
"""


def officer_figures(*, officers, start: date, end: date, now: datetime | None = None) -> dict[int, Figures]:
    """Figures of every officer in the queryset for requests received from start to end (inclusive).

    One query whatever the number of officers and requests; officers without requests are absent.
    Open requests count as late once their target time has passed by `now`.
    """
    start_at, end_at = period_bounds(start, end)
    requests = (
        ServiceRequest.objects.filter(
            officer__in=officers.values("pk"), received_at__gte=start_at, received_at__lt=end_at
        )
        .order_by()
        .annotate(
            who=F("officer_id"),
            correct=F("correct_first_time"),
            seconds=SecondsBetween(F("received_at"), F("completed_at")),
            age_seconds=SecondsBetween(
                F("received_at"), Value(now or timezone.now(), output_field=DateTimeField())
            ),
            target_seconds=F("service__target_minutes") * 60,
        )
        .values("who", "correct", "seconds", "age_seconds", "target_seconds")
    )
    sql, params = requests.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_FIGURES_SQL.format(requests=sql), params)
        rows = cursor.fetchall()
    return {
        who: Figures(
            handled=handled,
            completed=completed,
            within_target=int(within or 0),
            overdue_open=int(overdue or 0),
            not_correct=int(not_correct or 0),
            median_minutes=None if median is None else float(median) / 60,
        )
        for who, handled, completed, within, overdue, not_correct, median in rows
    }


@dataclass(frozen=True)
class OfficerRow:
    staff: Staff
    figures: Figures


def units_below(unit: Unit) -> list[int]:
    """The unit and every unit under it, from one query of the agency's units."""
    children = {}
    for pk, parent_id in Unit.objects.filter(agency_id=unit.agency_id).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, stack = [], [unit.pk]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.append(pk)
            stack.extend(children.get(pk, ()))
    return found


def figures_table(*, officers, start: date, end: date, now: datetime | None = None) -> list[OfficerRow]:
    """One row per officer: those who handled requests in the period, and the active staff of the
    units that provide a service (so a counter officer with no requests shows too). Two queries.
    """
    start_at, end_at = period_bounds(start, end)
    figures = officer_figures(officers=officers, start=start, end=end, now=now)
    handled = ServiceRequest.objects.filter(
        officer=OuterRef("pk"), received_at__gte=start_at, received_at__lt=end_at
    )
    counter_unit = Service.objects.filter(unit=OuterRef("unit"), is_active=True)
    staff = (
        officers.filter(Exists(handled) | (Q(status=StaffStatus.ACTIVE) & Exists(counter_unit)))
        .select_related("position", "unit")
        .order_by("name", "pk")
    )
    return [OfficerRow(member, figures.get(member.pk, NO_FIGURES)) for member in staff]


# Lists --------------------------------------------------------------------------------------


def service_catalogue(agencies):
    return (
        Service.objects.filter(agency__in=agencies)
        .select_related("agency", "unit")
        .order_by("agency__name", "name", "pk")
    )


def request_rows(
    *,
    agencies,
    service: Service | None = None,
    officer_query: str = "",
    received_from: date | None = None,
    received_to: date | None = None,
):
    """Requests of the agencies, newest first, with the filters of the request list."""
    rows = ServiceRequest.objects.filter(service__agency__in=agencies).select_related("service", "officer")
    if service is not None:
        rows = rows.filter(service=service)
    if officer_query := officer_query.strip():
        rows = rows.filter(
            Q(officer__name__icontains=officer_query) | Q(officer__nip__startswith=officer_query)
        )
    if received_from is not None:
        rows = rows.filter(received_at__gte=period_bounds(received_from, received_from)[0])
    if received_to is not None:
        rows = rows.filter(received_at__lt=period_bounds(received_to, received_to)[1])
    return rows.order_by("-received_at", "-pk")


def officer_requests(officer: Staff, *, start: date, end: date):
    start_at, end_at = period_bounds(start, end)
    return (
        officer.service_requests.filter(received_at__gte=start_at, received_at__lt=end_at)
        .select_related("service")
        .order_by("-received_at", "-pk")
    )


def officer_daily_reports(officer: Staff, *, start: date, end: date, limit: int = DAILY_REPORTS_SHOWN):
    """The officer's daily reports (laporan harian) in the period, newest first, in one query."""
    reports = DailyReport.objects.filter(staff=officer, date__gte=start, date__lte=end).order_by(
        "-date", "-created_at", "-pk"
    )
    return list(reports[: limit + 1])
