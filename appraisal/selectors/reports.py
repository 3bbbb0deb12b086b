"""Reads about daily reports (laporan harian): lists, compliance, achievement and the team view.

Every read here is a fixed number of set-based queries, whatever the number of reports, days or
people: per-day and per-person figures are grouped in SQL or computed in Python over rows already
fetched.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from accounts.models import ActingAssignment, Agency, Staff, StaffStatus
from accounts.selectors import subordinate_ids_sql
from appraisal import calendar
from appraisal.models import (
    Aspect,
    DailyReport,
    EvaluationPeriod,
    Holiday,
    Indicator,
    PerformanceYear,
    Rhk,
)
from appraisal.selectors.calendar import holidays_for

DEFAULT_WEEKDAYS = "01234"
# The longest cut-off (30 working days) never spans more than this many calendar days.
DEADLINE_HORIZON = datetime.timedelta(days=75)


@dataclass
class ReportCalendar:
    """An agency's performance years and holidays over a span of days, read once and asked many times."""

    agency_id: int
    today: datetime.date
    years: dict = field(default_factory=dict)
    holidays: set = field(default_factory=set)

    def year_of(self, day):
        return self.years.get(day.year)

    def weekdays(self, day):
        year = self.year_of(day)
        return calendar.parse_weekdays(year.working_weekdays if year else DEFAULT_WEEKDAYS)

    def is_working_day(self, day):
        return calendar.is_working_day(day, self.weekdays(day), self.holidays)

    def working_days(self, start, end):
        """Working days from start to end; each day follows the working week of its own year."""
        return [
            day
            for day in calendar.working_days(start, end, set(range(7)), self.holidays)
            if day.weekday() in self.weekdays(day)
        ]

    def deadline(self, day):
        """The last day a report dated `day` may be entered or changed, or None without a year."""
        year = self.year_of(day)
        if year is None:
            return None
        return calendar.report_deadline(day, year.report_cutoff_days, self.weekdays(day), self.holidays)

    def date_error(self, day):
        """Why a report may not be dated `day` today (a code), or None.

        Codes: "future", "no_year" (the agency has not opened that year), "closed", "past_cutoff".
        """
        if day > self.today:
            return "future"
        year = self.year_of(day)
        if year is None:
            return "no_year"
        if not year.is_open:
            return "closed"
        return calendar.report_date_error(
            day, self.today, year.report_cutoff_days, self.weekdays(day), self.holidays
        )


def report_calendar(agency_id, *, since, today):
    """The calendar needed to judge report dates from `since` up to today (two queries)."""
    since = min(since, today)
    years = PerformanceYear.objects.filter(agency_id=agency_id, year__range=(since.year, today.year))
    return ReportCalendar(
        agency_id=agency_id,
        today=today,
        years={year.year: year for year in years},
        holidays=holidays_for(agency_id, since, today + DEADLINE_HORIZON),
    )


def report_calendars(*, since, today):
    """Every agency's calendar from `since` up to today, as {agency id: ReportCalendar} (three queries)."""
    since = min(since, today)
    holidays = Holiday.objects.filter(date__range=(since, today + DEADLINE_HORIZON)).values_list(
        "agency_id", "date"
    )
    national = {day for agency_id, day in holidays if agency_id is None}
    calendars = {
        pk: ReportCalendar(agency_id=pk, today=today, holidays=set(national))
        for pk in Agency.objects.values_list("pk", flat=True)
    }
    for year in PerformanceYear.objects.filter(year__range=(since.year, today.year)):
        calendars[year.agency_id].years[year.year] = year
    for agency_id, day in holidays:
        if agency_id is not None:
            calendars[agency_id].holidays.add(day)
    return calendars


def staff_reports(staff):
    """The staff member's reports, newest first, with what a list shows."""
    return (
        DailyReport.objects.filter(staff=staff)
        .select_related("rhk", "indicator")
        .order_by("-date", "-created_at", "-pk")
    )


def report_targets(staff, *, years):
    """The RHKs of the staff's SKPs for the given calendar years, with their indicators (two queries)."""
    return list(
        Rhk.objects.filter(skp__staff=staff, skp__year__year__in=years)
        .select_related("skp__year")
        .prefetch_related("indicators")
        .order_by("-skp__year__year", "kind", "order", "pk")
    )


@dataclass(frozen=True)
class Compliance:
    """Kepatuhan laporan: working days with at least one report over the working days so far."""

    label: str
    reported_days: int
    working_days: int

    @property
    def percent(self):
        if not self.working_days:
            return None
        return round(100 * self.reported_days / self.working_days, 1)


def report_compliance(staff, *, today, spans, calendar_=None):
    """Compliance over each (label, start, end) span, from one query for the reported dates.

    A span counts its working days up to today. Today counts once it has a report: the day is not
    over, so a missing report today is not yet a missed day.
    """
    spans = [(label, start, min(end, today)) for label, start, end in spans if start <= today]
    if not spans:
        return []
    first, last = min(s[1] for s in spans), max(s[2] for s in spans)
    cal = calendar_ or report_calendar(staff.agency_id, since=first, today=today)
    reported = set(
        DailyReport.objects.filter(staff=staff, date__range=(first, last))
        .order_by()
        .values_list("date", flat=True)
        .distinct()
    )
    results = []
    for label, start, end in spans:
        days = cal.working_days(start, end)
        if today in days and today not in reported:
            days.remove(today)
        results.append(Compliance(label, sum(1 for day in days if day in reported), len(days)))
    return results


def current_period(agency_id, today):
    """The evaluation period of the agency that contains today, or None."""
    return (
        EvaluationPeriod.objects.filter(year__agency_id=agency_id, starts_on__lte=today, ends_on__gte=today)
        .order_by("starts_on")
        .first()
    )


@dataclass(frozen=True)
class Achievement:
    """Realisasi of one quantity indicator: the outputs reported so far against its target."""

    indicator: Indicator
    done: Decimal

    @property
    def percent(self):
        return round(100 * self.done / self.indicator.target_value, 1)

    @property
    def bar(self):
        """The percentage for a <progress> bar (capped at 100)."""
        return min(100, int(self.percent))


def indicator_achievement(staff, *, year, today):
    """Σ output ÷ target for each quantity indicator of the staff's SKP of that year (one query)."""
    reported = Q(reports__staff=staff, reports__date__range=(datetime.date(year, 1, 1), today))
    rows = (
        Indicator.objects.filter(
            rhk__skp__staff=staff,
            rhk__skp__year__year=year,
            aspect=Aspect.QUANTITY,
            target_value__isnull=False,
        )
        .select_related("rhk")
        .annotate(done=Coalesce(Sum("reports__output_quantity", filter=reported), Decimal("0")))
        .order_by("rhk__kind", "rhk__order", "rhk_id", "pk")
    )
    return [Achievement(indicator=row, done=row.done) for row in rows]


def rated_staff_ids_sql(reviewer, *, on):
    """The ids of staff whose rater the reviewer is: direct reports and those of whoever they act for."""
    acting_for = ActingAssignment.objects.current(on).filter(acting=reviewer).values("replaces_id")
    return Staff.objects.filter(Q(supervisor=reviewer) | Q(supervisor_id__in=acting_for)).exclude(
        pk=reviewer.pk
    )


@dataclass
class TeamMember:
    staff: Staff
    can_review: bool
    reports: list = field(default_factory=list)


def team_members(supervisor, *, start, end, on):
    """The chain below the supervisor for a span of days: the active, plus anyone who reported then.

    Returns a lazy query ordered by name; each row has `is_rated` (the supervisor is their rater).
    """
    reported = DailyReport.objects.filter(staff=OuterRef("pk"), date__range=(start, end))
    rated = rated_staff_ids_sql(supervisor, on=on).filter(pk=OuterRef("pk"))
    return (
        Staff.objects.filter(id__in=subordinate_ids_sql(supervisor.pk, on=on))
        .filter(Q(status=StaffStatus.ACTIVE) | Exists(reported))
        .select_related("position", "unit")
        .annotate(is_rated=Exists(rated))
        .order_by("name", "pk")
    )


def team_reports(members, *, start, end):
    """The reports of the given staff from start to end, attached to each member (one query)."""
    by_id = {member.pk: TeamMember(staff=member, can_review=member.is_rated) for member in members}
    reports = (
        DailyReport.objects.filter(staff_id__in=by_id, date__range=(start, end))
        .select_related("rhk", "indicator", "reviewed_by")
        .order_by("date", "created_at", "pk")
    )
    for report in reports:
        by_id[report.staff_id].reports.append(report)
    return list(by_id.values())


def not_reported(supervisor, *, day, on):
    """Active staff of the chain below the supervisor with no report dated `day` (an anti-join)."""
    return (
        Staff.objects.filter(id__in=subordinate_ids_sql(supervisor.pk, on=on), status=StaffStatus.ACTIVE)
        .exclude(Exists(DailyReport.objects.filter(staff=OuterRef("pk"), date=day)))
        .select_related("position")
        .order_by("name", "pk")
    )
