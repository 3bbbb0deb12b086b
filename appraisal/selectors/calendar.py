"""Reads of the working calendar: holidays, working days, the year in force."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from appraisal.calendar import parse_weekdays, working_days
from appraisal.models import Holiday, PerformanceYear


def _agency_id(agency):
    return getattr(agency, "pk", agency)


def holidays_in(agency, start, end):
    """The holiday rows (national and the agency's) from start to end, in one query, by date."""
    agency_id = _agency_id(agency)
    scope = Q(agency__isnull=True) if agency_id is None else Q(agency__isnull=True) | Q(agency_id=agency_id)
    return Holiday.objects.filter(scope, date__range=(start, end)).order_by("date", "agency_id")


def holidays_for(agency, start, end):
    """Every non-working date from start to end for the agency (national or its own), as a set."""
    return set(holidays_in(agency, start, end).values_list("date", flat=True))


def working_days_between(agency_year, start, end):
    """The working days of the year's agency from start to end (both included), as a list of dates."""
    holidays = holidays_for(agency_year.agency_id, start, end)
    return working_days(start, end, parse_weekdays(agency_year.working_weekdays), holidays)


def current_year_for(agency, on=None):
    """The agency's performance year that contains the day (today when not given), or None."""
    on = on or timezone.localdate()
    return PerformanceYear.objects.filter(agency_id=_agency_id(agency), year=on.year).first()


def periods_with_working_days(agency_year):
    """The year's periods, each with `working_day_count`, from two queries whatever their number."""
    periods = list(agency_year.periods.order_by("sequence"))
    if not periods:
        return periods
    first = min(p.starts_on for p in periods)
    last = max(p.ends_on for p in periods)
    holidays = holidays_for(agency_year.agency_id, first, last)
    weekdays = parse_weekdays(agency_year.working_weekdays)
    for period in periods:
        period.working_day_count = len(working_days(period.starts_on, period.ends_on, weekdays, holidays))
    return periods


def years_for_agencies(agencies):
    """Performance years of the given agencies, newest first, with their period and goal counts."""
    return (
        PerformanceYear.objects.filter(agency__in=agencies)
        .select_related("agency")
        .annotate(
            period_count=Count("periods", distinct=True),
            goal_count=Count("goals", distinct=True),
        )
        .order_by("-year", "agency__name")
    )


def year_bounds(year):
    """1 January and 31 December of a calendar year."""
    return date(year, 1, 1), date(year + 1, 1, 1) - timedelta(days=1)
