"""Table tests for the pure working-day and deadline rules (no database)."""

from datetime import date, timedelta
from itertools import pairwise

import pytest

from appraisal.calendar import (
    MONTHS_ID,
    default_periods,
    is_working_day,
    month_end,
    parse_weekdays,
    report_date_error,
    report_deadline,
    working_days,
)

FIVE_DAY = {0, 1, 2, 3, 4}
SIX_DAY = {0, 1, 2, 3, 4, 5}
NONE = frozenset()

# November 2026: Mon 16 … Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25.
WED_18, THU_19, FRI_20, SAT_21, SUN_22 = (date(2026, 11, d) for d in (18, 19, 20, 21, 22))
MON_23, TUE_24, WED_25 = (date(2026, 11, d) for d in (23, 24, 25))
# The 2026 Nyepi and Idulfitri run: cuti bersama 18 Mar, Nyepi 19, cuti 20, Idulfitri 21–22, cuti 23–24.
LEBARAN_2026 = frozenset(date(2026, 3, d) for d in (18, 19, 20, 21, 22, 23, 24))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01234", {0, 1, 2, 3, 4}),
        ("012345", {0, 1, 2, 3, 4, 5}),
        ("0123456", {0, 1, 2, 3, 4, 5, 6}),
        ("43210", {0, 1, 2, 3, 4}),
        ("6", {6}),
        ("0", {0}),
        ("135", {1, 3, 5}),
        ("", set()),
    ],
)
def test_it_parses_working_weekdays(text, expected):
    assert parse_weekdays(text) == expected


@pytest.mark.parametrize("text", ["a", "0,1", "0 1", "Mon"])
def test_it_refuses_to_parse_a_weekday_string_with_non_digits(text):
    with pytest.raises(ValueError):
        parse_weekdays(text)


@pytest.mark.parametrize(
    ("day", "weekdays", "holidays", "expected"),
    [
        (MON_23, FIVE_DAY, NONE, True),
        (FRI_20, FIVE_DAY, NONE, True),
        (SAT_21, FIVE_DAY, NONE, False),
        (SUN_22, FIVE_DAY, NONE, False),
        (SAT_21, SIX_DAY, NONE, True),
        (SUN_22, SIX_DAY, NONE, False),
        (MON_23, FIVE_DAY, {MON_23}, False),
        (MON_23, FIVE_DAY, {TUE_24}, True),
        (SAT_21, SIX_DAY, {SAT_21}, False),
        (date(2026, 3, 23), FIVE_DAY, LEBARAN_2026, False),
        (date(2026, 3, 25), FIVE_DAY, LEBARAN_2026, True),
        (MON_23, set(), NONE, False),
    ],
)
def test_it_tells_working_days_from_days_off(day, weekdays, holidays, expected):
    assert is_working_day(day, weekdays, holidays) is expected


@pytest.mark.parametrize(
    ("start", "end", "weekdays", "holidays", "expected"),
    [
        (MON_23, MON_23, FIVE_DAY, NONE, [MON_23]),
        (SAT_21, SUN_22, FIVE_DAY, NONE, []),
        (TUE_24, MON_23, FIVE_DAY, NONE, []),  # an empty range
        (FRI_20, TUE_24, FIVE_DAY, NONE, [FRI_20, MON_23, TUE_24]),
        (FRI_20, TUE_24, SIX_DAY, NONE, [FRI_20, SAT_21, MON_23, TUE_24]),
        (FRI_20, TUE_24, FIVE_DAY, {MON_23}, [FRI_20, TUE_24]),
        (FRI_20, TUE_24, FIVE_DAY, {SAT_21}, [FRI_20, MON_23, TUE_24]),  # a holiday on a weekend day
        (FRI_20, TUE_24, set(), NONE, []),
        (
            date(2026, 3, 16),
            date(2026, 3, 27),
            FIVE_DAY,
            LEBARAN_2026,
            [date(2026, 3, d) for d in (16, 17, 25, 26, 27)],
        ),
    ],
)
def test_it_lists_the_working_days_of_a_range(start, end, weekdays, holidays, expected):
    assert working_days(start, end, weekdays, holidays) == expected


@pytest.mark.parametrize(
    ("start", "end", "weekdays", "holidays", "count"),
    [
        (date(2026, 1, 1), date(2026, 12, 31), FIVE_DAY, NONE, 261),
        (date(2026, 1, 1), date(2026, 12, 31), SIX_DAY, NONE, 313),
        (date(2026, 1, 1), date(2026, 12, 31), set(range(7)), NONE, 365),
        (date(2024, 1, 1), date(2024, 12, 31), set(range(7)), NONE, 366),
        (date(2026, 3, 1), date(2026, 3, 31), FIVE_DAY, NONE, 22),
        (date(2026, 3, 1), date(2026, 3, 31), FIVE_DAY, LEBARAN_2026, 17),
        (date(2026, 3, 1), date(2026, 3, 31), SIX_DAY, LEBARAN_2026, 20),
    ],
)
def test_it_counts_working_days_over_long_ranges(start, end, weekdays, holidays, count):
    assert len(working_days(start, end, weekdays, holidays)) == count


@pytest.mark.parametrize(
    ("report_date", "cutoff", "weekdays", "holidays", "deadline"),
    [
        # Cut-off 0: the same day only, whatever day it is.
        (WED_18, 0, FIVE_DAY, NONE, WED_18),
        (FRI_20, 0, FIVE_DAY, NONE, FRI_20),
        (SAT_21, 0, FIVE_DAY, NONE, SAT_21),
        (MON_23, 0, FIVE_DAY, {MON_23}, MON_23),
        # Cut-off 1: the next working day.
        (WED_18, 1, FIVE_DAY, NONE, THU_19),
        (THU_19, 1, FIVE_DAY, NONE, FRI_20),
        (FRI_20, 1, FIVE_DAY, NONE, MON_23),  # Friday → Monday
        (FRI_20, 1, FIVE_DAY, {MON_23}, TUE_24),  # Friday → Tuesday when Monday is a holiday
        (FRI_20, 1, FIVE_DAY, {MON_23, TUE_24}, WED_25),
        (SAT_21, 1, FIVE_DAY, NONE, MON_23),  # work done on a weekend day
        (SUN_22, 1, FIVE_DAY, NONE, MON_23),
        (FRI_20, 1, SIX_DAY, NONE, SAT_21),  # six-day week: Saturday counts
        (SAT_21, 1, SIX_DAY, NONE, MON_23),
        (FRI_20, 1, SIX_DAY, {SAT_21}, MON_23),
        # Cut-off 3.
        (WED_18, 3, FIVE_DAY, NONE, MON_23),
        (FRI_20, 3, FIVE_DAY, NONE, WED_25),
        (WED_18, 3, FIVE_DAY, {FRI_20}, TUE_24),
        (WED_18, 3, SIX_DAY, NONE, SAT_21),
        # The long Nyepi–Idulfitri weekend of March 2026.
        (date(2026, 3, 17), 1, FIVE_DAY, LEBARAN_2026, date(2026, 3, 25)),
        (date(2026, 3, 17), 3, FIVE_DAY, LEBARAN_2026, date(2026, 3, 27)),
        (date(2026, 3, 17), 0, FIVE_DAY, LEBARAN_2026, date(2026, 3, 17)),
        # Across the end of the year.
        (date(2026, 12, 31), 1, FIVE_DAY, NONE, date(2027, 1, 1)),
        (date(2026, 12, 31), 1, FIVE_DAY, {date(2027, 1, 1)}, date(2027, 1, 4)),
    ],
)
def test_it_finds_the_last_day_a_report_may_be_entered(report_date, cutoff, weekdays, holidays, deadline):
    assert report_deadline(report_date, cutoff, weekdays, holidays) == deadline


@pytest.mark.parametrize(
    ("report_date", "today", "cutoff", "holidays", "error"),
    [
        (MON_23, MON_23, 1, NONE, None),  # the same day
        (MON_23, MON_23 - timedelta(days=1), 1, NONE, "future"),
        (TUE_24, MON_23, 0, NONE, "future"),
        (FRI_20, MON_23, 1, NONE, None),  # Friday's report on Monday
        (FRI_20, TUE_24, 1, NONE, "past_cutoff"),
        (FRI_20, TUE_24, 1, {MON_23}, None),  # Monday was a holiday
        (FRI_20, WED_25, 1, {MON_23}, "past_cutoff"),
        (FRI_20, SAT_21, 0, NONE, "past_cutoff"),
        (FRI_20, FRI_20, 0, NONE, None),
        (WED_18, MON_23, 3, NONE, None),
        (WED_18, TUE_24, 3, NONE, "past_cutoff"),
        (date(2026, 3, 17), date(2026, 3, 25), 1, LEBARAN_2026, None),
        (date(2026, 3, 17), date(2026, 3, 26), 1, LEBARAN_2026, "past_cutoff"),
    ],
)
def test_it_explains_why_a_report_date_is_refused(report_date, today, cutoff, holidays, error):
    assert report_date_error(report_date, today, cutoff, FIVE_DAY, holidays) == error


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2026, 1, date(2026, 1, 31)),
        (2026, 2, date(2026, 2, 28)),
        (2024, 2, date(2024, 2, 29)),  # leap year
        (2028, 2, date(2028, 2, 29)),
        (2000, 2, date(2000, 2, 29)),  # divisible by 400: leap
        (2100, 2, date(2100, 2, 28)),  # divisible by 100 only: not leap
        (2026, 4, date(2026, 4, 30)),
        (2026, 6, date(2026, 6, 30)),
        (2026, 9, date(2026, 9, 30)),
        (2026, 11, date(2026, 11, 30)),
        (2026, 12, date(2026, 12, 31)),  # December: the month after is in the next year
        (2099, 12, date(2099, 12, 31)),
    ],
)
def test_it_finds_the_last_day_of_a_month(year, month, expected):
    assert month_end(year, month) == expected


def test_it_splits_a_year_into_four_quarters_by_default():
    assert default_periods(2026, "quarterly") == [
        (1, "Triwulan I", date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 14)),
        (2, "Triwulan II", date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 14)),
        (3, "Triwulan III", date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 14)),
        (4, "Triwulan IV", date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 14)),
    ]


@pytest.mark.parametrize("frequency", ["quarterly", "anything-else"])
def test_it_treats_any_frequency_but_monthly_as_quarterly(frequency):
    assert [p[1] for p in default_periods(2026, frequency)] == [
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
    ]


@pytest.mark.parametrize(("year", "february_end"), [(2026, 28), (2028, 29)])
def test_it_splits_a_year_into_twelve_months(year, february_end):
    periods = default_periods(year, "monthly")
    assert [p[0] for p in periods] == list(range(1, 13))
    assert [p[1] for p in periods] == list(MONTHS_ID)
    assert periods[1][2:4] == (date(year, 2, 1), date(year, 2, february_end))
    assert periods[11][2:] == (date(year, 12, 1), date(year, 12, 31), date(year + 1, 1, 14))


@pytest.mark.parametrize("frequency", ["quarterly", "monthly"])
@pytest.mark.parametrize("year", [2024, 2026, 2100])
def test_it_covers_the_whole_year_without_gaps_or_overlaps(frequency, year):
    periods = default_periods(year, frequency)
    assert periods[0][2] == date(year, 1, 1)
    assert periods[-1][3] == date(year, 12, 31)
    for previous, following in pairwise(periods):
        assert following[2] == previous[3] + timedelta(days=1)
    assert all(deadline == ends + timedelta(days=14) for _, _, _, ends, deadline in periods)


@pytest.mark.parametrize(
    ("days", "q1_deadline"), [(0, date(2026, 3, 31)), (1, date(2026, 4, 1)), (30, date(2026, 4, 30))]
)
def test_it_sets_period_deadlines_the_given_number_of_days_after_the_end(days, q1_deadline):
    assert default_periods(2026, "quarterly", deadline_days=days)[0][4] == q1_deadline
