"""build_performance_demo() and the steps it takes for the performance years, goals and calendars."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.demo import AGENCIES, DemoSummary, placements
from accounts.models import ActingAssignment, Agency, Staff
from appraisal import calendar
from appraisal.demo.appraisals import sync_appraisals
from appraisal.demo.daily_reports import sync_reports
from appraisal.demo.goals import GOALS
from appraisal.demo.skps import sync_plans
from appraisal.demo.year import EARLIEST_CLOCK, PLAN_DEADLINE, REPORT_CUTOFF_DAYS, YEAR
from appraisal.models import AgencyGoal, Holiday, PerformanceYear
from appraisal.services.calendar import agency_goal_add, performance_year_open


@dataclass
class PerformanceSummary(DemoSummary):
    """What build_performance_demo did, on top of the rows per model."""

    today: date | None = None
    skp_statuses: Counter = field(default_factory=Counter)
    without_skp: list = field(default_factory=list)
    report_days: list = field(default_factory=list)
    appraisal_statuses: Counter = field(default_factory=Counter)


@dataclass
class _Calendar:
    """An agency's working days of the demo year: its working week and holidays."""

    weekdays: set
    holidays: set

    def working_days(self, start, end):
        return calendar.working_days(start, end, self.weekdays, self.holidays)

    def shift(self, day, n):
        """The working day n working days after day (n >= 0)."""
        while n > 0:
            day += timedelta(days=1)
            if calendar.is_working_day(day, self.weekdays, self.holidays):
                n -= 1
        return day


def _sync_years(agencies, summary):
    existing = {
        y.agency_id: y for y in PerformanceYear.objects.filter(agency__in=agencies.values(), year=YEAR)
    }
    years, created = {}, 0
    for code, agency in agencies.items():
        year = existing.get(agency.pk)
        if year is None:
            year = performance_year_open(
                agency=agency, year=YEAR, plan_deadline=PLAN_DEADLINE, report_cutoff_days=REPORT_CUTOFF_DAYS
            )
            created += 1
        years[code] = year
    summary.add(PerformanceYear, rows=len(years), created=created, updated=0)
    return years


def _sync_goals(years, summary):
    existing = {(g.year_id, g.code): g for g in AgencyGoal.objects.filter(year__in=years.values())}
    goals, created = {}, 0
    for code, year in years.items():
        for goal_code, text in GOALS[code]:
            goal = existing.get((year.pk, goal_code))
            if goal is None:
                goal = agency_goal_add(year=year, code=goal_code, text=text)
                created += 1
            goals[code, goal_code] = goal
    summary.add(AgencyGoal, rows=len(goals), created=created, updated=0)
    return goals


def _calendars(agencies, years):
    """{agency code: _Calendar} from one query for the national and the agencies' own holidays."""
    rows = Holiday.objects.filter(
        Q(agency__isnull=True) | Q(agency__in=agencies.values()),
        date__range=(date(YEAR, 1, 1), date(YEAR + 1, 3, 31)),
    ).values_list("agency_id", "date")
    national, own = set(), defaultdict(set)
    for agency_id, day in rows:
        (national if agency_id is None else own[agency_id]).add(day)
    return {
        code: _Calendar(calendar.parse_weekdays(years[code].working_weekdays), national | own[agency.pk])
        for code, agency in agencies.items()
    }


class _Rater:
    """Who rates a staff member on a day: the direct supervisor, or the Plt/Plh acting for them."""

    def __init__(self, staff_by_pk, acting):
        self.staff_by_pk = staff_by_pk
        self.acting = acting

    def on(self, member, day):
        supervisor = self.staff_by_pk.get(member.supervisor_id)
        if supervisor is None:
            return None
        if supervisor.is_active:
            return supervisor
        for assignment in self.acting:
            if assignment.replaces_id == supervisor.pk and assignment.starts_on <= day <= assignment.ends_on:
                return self.staff_by_pk.get(assignment.acting_id)
        return None


@transaction.atomic
def build_performance_demo(*, today: date | None = None) -> PerformanceSummary:
    """Creates what is missing of the 2026 performance year of the demo agencies, as of `today`.

    Needs the agencies and staff of accounts.demo.build_demo(). `today` is the demo's clock: the daily
    reports end on it and the workflow steps of the last weeks are dated before it.
    """
    today = today or timezone.localdate()
    if today < EARLIEST_CLOCK:
        raise ValueError(f"The demo plans were agreed in January {YEAR}; choose a day from {EARLIEST_CLOCK}.")
    summary = PerformanceSummary(today=today)
    people = {p.person.nip: p for p in placements()}
    staff = Staff.objects.in_bulk(list(people), field_name="nip")
    agencies = Agency.objects.in_bulk([a.code for a in AGENCIES], field_name="code")
    years = _sync_years(agencies, summary)
    goals = _sync_goals(years, summary)
    cals = _calendars(agencies, years)
    staff_by_pk = {m.pk: m for m in staff.values()}
    rater = _Rater(staff_by_pk, list(ActingAssignment.objects.filter(replaces__in=list(staff_by_pk))))
    plans, book = sync_plans(
        people=people,
        staff=staff,
        years=years,
        goals=goals,
        cals=cals,
        rater=rater,
        today=today,
        summary=summary,
    )
    sync_reports(
        people=people,
        staff=staff,
        plans=plans,
        book=book,
        years=years,
        cals=cals,
        rater=rater,
        today=today,
        summary=summary,
    )
    sync_appraisals(agencies=agencies, years=years, today=today, summary=summary)
    return summary
