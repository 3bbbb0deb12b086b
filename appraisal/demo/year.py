"""The demo's performance year: its dates, and the moments of its days that the demo records."""

from datetime import date, datetime, time

from django.utils import timezone

YEAR = 2026
PLAN_DEADLINE = date(YEAR, 1, 31)
REPORT_CUTOFF_DAYS = 1
# The plans were agreed in January; an earlier clock would put their history in the future.
EARLIEST_CLOCK = date(YEAR, 2, 2)


def day_at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))
