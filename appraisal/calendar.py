"""Working days and deadlines: pure functions over dates, weekdays and holiday sets."""

from datetime import date, timedelta

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
QUARTER_NAMES = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def parse_weekdays(text):
    """ "01234" → {0, 1, 2, 3, 4} (Monday = 0)."""
    return {int(ch) for ch in text}


def is_working_day(day, weekdays, holidays):
    return day.weekday() in weekdays and day not in holidays


def working_days(start, end, weekdays, holidays):
    """Every working day from start to end, both included."""
    days, day = [], start
    while day <= end:
        if is_working_day(day, weekdays, holidays):
            days.append(day)
        day += timedelta(days=1)
    return days


def report_deadline(report_date, cutoff_days, weekdays, holidays):
    """The last day a report for report_date may be entered: that many working days later.

    With a cut-off of 1 a Friday's report may be entered until Monday, or until Tuesday when
    Monday is a holiday. A cut-off of 0 means the same day only.
    """
    day, left = report_date, cutoff_days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, weekdays, holidays):
            left -= 1
    return day


def report_date_error(report_date, today, cutoff_days, weekdays, holidays):
    """Why a report may not be dated report_date when entered today (a code), or None."""
    if report_date > today:
        return "future"
    if today > report_deadline(report_date, cutoff_days, weekdays, holidays):
        return "past_cutoff"
    return None


def month_end(year, month):
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def default_periods(year, frequency, *, deadline_days=14):
    """The sub-periods of a performance year: four quarters, or twelve months.

    Returns (sequence, name, starts_on, ends_on, evaluation_deadline) tuples; the deadline is
    deadline_days after the period's end.
    """
    if frequency == "monthly":
        spans = [(MONTHS_ID[m - 1], m, m) for m in range(1, 13)]
    else:
        spans = [(QUARTER_NAMES[q], 3 * q + 1, 3 * q + 3) for q in range(4)]
    periods = []
    for sequence, (name, first, last) in enumerate(spans, start=1):
        ends = month_end(year, last)
        periods.append((sequence, name, date(year, first, 1), ends, ends + timedelta(days=deadline_days)))
    return periods
