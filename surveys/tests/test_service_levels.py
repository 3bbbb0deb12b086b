"""Service-level rules and figures: table-driven, first without the database, then through the selector."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone, translation

from accounts.models import Staff
from accounts.tests import factories as account_factories
from appraisal.tests import factories as appraisal_factories
from surveys import selectors
from surveys.service_levels import (
    NO_FIGURES,
    Figures,
    format_minutes,
    is_within_target,
    parse_datetime_text,
    parse_yes_no,
    percent,
    split_minutes,
    total_of,
)
from surveys.tests import factories

# Pure rules ---------------------------------------------------------------------------------


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (None, "—"),
        (0, "less than a minute"),
        (0.4, "less than a minute"),
        (0.5, "1 minute"),
        (1, "1 minute"),
        (2, "2 minutes"),
        (59, "59 minutes"),
        (59.6, "1 hour"),
        (60, "1 hour"),
        (65, "1 hour 5 minutes"),
        (90.4, "1 hour 30 minutes"),
        (120, "2 hours"),
        (1440, "1 day"),
        (1505, "1 day 1 hour 5 minutes"),
        (2 * 1440 + 1, "2 days 1 minute"),
        (4320, "3 days"),
    ],
)
def test_it_formats_minutes_as_words(english, minutes, text):
    assert format_minutes(minutes) == text


@pytest.mark.parametrize(
    ("minutes", "split"),
    [
        (1, (1, "minutes")),
        (45, (45, "minutes")),
        (90, (90, "minutes")),
        (60, (1, "hours")),
        (120, (2, "hours")),
        (1440, (1, "days")),
        (4320, (3, "days")),
        (1500, (25, "hours")),
    ],
)
def test_it_splits_a_target_into_its_largest_whole_unit(minutes, split):
    assert split_minutes(minutes) == split


@pytest.mark.parametrize(
    ("taken", "target", "within"),
    [(0, 60, True), (59.9, 60, True), (60, 60, True), (60.01, 60, False), (61, 60, False)],
)
def test_it_counts_a_request_at_exactly_the_target_as_within(taken, target, within):
    assert is_within_target(taken, target) is within


@pytest.mark.parametrize(("part", "whole", "share"), [(0, 0, None), (3, 0, None), (0, 4, 0.0), (1, 2, 50.0)])
def test_it_gives_no_percentage_of_nothing(part, whole, share):
    assert percent(part, whole) == share


@pytest.mark.parametrize(
    ("figures", "within", "error_rate", "open_count"),
    [
        (NO_FIGURES, None, None, 0),
        (Figures(handled=2, completed=0), None, 0.0, 2),
        (Figures(handled=4, completed=4, within_target=3, not_correct=1), 75.0, 25.0, 0),
        (Figures(handled=4, completed=2, within_target=2, overdue_open=2), 50.0, 0.0, 2),
    ],
)
def test_it_derives_shares_from_the_counts(figures, within, error_rate, open_count):
    assert figures.within_target_share == within
    assert figures.error_rate == error_rate
    assert figures.open == open_count


def test_it_adds_up_officers_without_a_median():
    total = total_of(
        [
            Figures(handled=2, completed=2, within_target=1, median_minutes=10),
            Figures(handled=3, completed=1, within_target=1, overdue_open=1, not_correct=3),
        ]
    )
    assert total == Figures(handled=5, completed=3, within_target=2, overdue_open=1, not_correct=3)
    assert total.median_minutes is None
    assert total_of([]) == NO_FIGURES


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2026-11-23 08:15", datetime(2026, 11, 23, 8, 15)),
        ("2026-11-23 08:15:30", datetime(2026, 11, 23, 8, 15, 30)),
        ("2026-11-23 08:15:00.250000", datetime(2026, 11, 23, 8, 15, 0, 250000)),
        ("2026-11-23T08:15", datetime(2026, 11, 23, 8, 15)),
        ("23/11/2026 08:15", datetime(2026, 11, 23, 8, 15)),
        ("23/11/2026  8:15", datetime(2026, 11, 23, 8, 15)),
        ("23-11-2026 08:15:59", datetime(2026, 11, 23, 8, 15, 59)),
        ("2026-11-23", None),
        ("23/11/2026", None),
        ("11/23/2026 08:15", None),
        ("31/02/2026 08:15", None),
        ("2026-11-23 25:00", None),
        ("46349.34", None),
        ("kemarin", None),
    ],
)
def test_it_reads_dates_and_times_as_offices_write_them(text, parsed):
    assert parse_datetime_text(text) == parsed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ya", True),
        ("Ya", True),
        ("Y", True),
        ("TRUE", True),
        ("1", True),
        ("tidak", False),
        ("Tidak", False),
        ("tidak tepat", False),
        ("no", False),
        ("0", False),
        ("FALSE", False),
        ("mungkin", None),
        ("", None),
    ],
)
def test_it_reads_yes_and_no(text, value):
    assert parse_yes_no(text) is value


# Figures from the database ------------------------------------------------------------------

DAY = date(2026, 11, 10)


def _at(day, hour=8, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def _figures(officer, start=DAY, end=DAY, now=None):
    found = selectors.officer_figures(
        officers=Staff.objects.filter(pk=officer.pk), start=start, end=end, now=now
    )
    return found.get(officer.pk, NO_FIGURES)


def _requests(org, durations, *, target=60, correct=None, officer=None):
    service = factories.service(unit_obj=org.bidang_a, target_minutes=target)
    officer = officer or org.staff_a
    correct = correct or [True] * len(durations)
    for index, (minutes, ok) in enumerate(zip(durations, correct, strict=True)):
        factories.service_request(
            service, officer, received_at=_at(DAY, 8, index), minutes=minutes, correct=ok
        )
    return officer


@pytest.mark.parametrize(
    ("durations", "target", "share"),
    [
        ([60], 60, 100.0),
        ([61], 60, 0.0),
        ([0], 60, 100.0),
        ([59, 60, 61, 120], 60, 50.0),
        ([1440], 1440, 100.0),
        ([1441], 1440, 0.0),
        ([4320, 4321], 4320, 50.0),
    ],
)
def test_it_counts_requests_completed_at_exactly_the_target_as_within(org, durations, target, share):
    officer = _requests(org, durations, target=target)
    figures = _figures(officer, end=DAY + timedelta(days=5))
    assert figures.handled == len(durations)
    assert figures.within_target_share == share


@pytest.mark.parametrize(
    ("durations", "median"),
    [
        ([10], 10),
        ([10, 30], 20),
        ([30, 10, 20], 20),
        ([5, 1, 100, 7], 6),
        ([1, 2, 3, 4, 5, 6], 3.5),
        ([1, 2], 1.5),
        ([0, 0, 0], 0),
        ([60, 1440, 2880, 4320, 5000], 2880),
    ],
)
def test_it_takes_the_median_of_even_and_odd_counts(org, durations, median):
    officer = _requests(org, durations, target=6000)
    assert _figures(officer, end=DAY + timedelta(days=5)).median_minutes == pytest.approx(median)


@pytest.mark.parametrize(
    ("correct", "rate"),
    [
        ([], None),
        ([True], 0.0),
        ([False], 100.0),
        ([True, False], 50.0),
        ([True, True, True, False], 25.0),
    ],
)
def test_it_gives_the_error_rate_and_none_without_requests(org, correct, rate):
    officer = _requests(org, [5] * len(correct), correct=correct)
    assert _figures(officer).error_rate == rate


def test_it_judges_open_requests_only_once_past_their_target(org):
    service = factories.service(unit_obj=org.bidang_a, target_minutes=60)
    now = _at(DAY, 12)
    factories.service_request(service, org.staff_a, received_at=_at(DAY, 8), minutes=30)
    factories.service_request(service, org.staff_a, received_at=_at(DAY, 11, 30), minutes=None)  # 30 min old
    factories.service_request(service, org.staff_a, received_at=_at(DAY, 9), minutes=None)  # 3 hours old
    factories.service_request(service, org.staff_a, received_at=_at(DAY, 11), minutes=None)  # exactly 60

    figures = _figures(org.staff_a, now=now)
    assert (figures.handled, figures.completed, figures.open) == (4, 1, 3)
    assert figures.overdue_open == 1
    assert figures.within_target_share == 50.0
    assert figures.median_minutes == 30


def test_it_computes_every_officer_in_one_query_with_their_own_median(org, django_assert_num_queries):
    service = factories.service(unit_obj=org.bidang_a, target_minutes=60)
    for minutes in (10, 20, 90):
        factories.service_request(
            service, org.staff_a, received_at=_at(DAY, 8, minutes % 60), minutes=minutes
        )
    for minutes in (100, 200):
        factories.service_request(
            service, org.staff_a2, received_at=_at(DAY, 9, minutes % 60), minutes=minutes, correct=False
        )
    officers = Staff.objects.filter(unit=org.bidang_a)
    with django_assert_num_queries(1):
        found = selectors.officer_figures(officers=officers, start=DAY, end=DAY)
    assert found[org.staff_a.pk] == Figures(handled=3, completed=3, within_target=2, median_minutes=20)
    assert found[org.staff_a2.pk] == Figures(handled=2, completed=2, not_correct=2, median_minutes=150)
    assert org.kabid_a.pk not in found


def test_it_counts_requests_in_the_period_they_were_received_local_time(org):
    service = factories.service(unit_obj=org.bidang_a)
    for received in (
        _at(DAY, 0, 0),  # first moment of the period
        _at(DAY + timedelta(days=1), 23, 59),  # last minute
        _at(DAY, 0, 0) - timedelta(seconds=1),  # before
        _at(DAY + timedelta(days=2), 0, 0),  # after
    ):
        factories.service_request(service, org.staff_a, received_at=received, minutes=5)
    assert _figures(org.staff_a, end=DAY + timedelta(days=1)).handled == 2


def test_it_lists_counter_officers_and_anyone_who_handled_requests(org):
    service = factories.service(unit_obj=org.bidang_a)
    factories.service_request(service, org.staff_b, received_at=_at(DAY), minutes=5)  # unit without services
    retired = account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, status="retired")
    factories.service_request(service, retired, received_at=_at(DAY), minutes=5)
    factories.service_request(service, org.staff_a, received_at=_at(DAY - timedelta(days=1)), minutes=5)

    rows = selectors.figures_table(officers=Staff.objects.filter(agency=org.agency), start=DAY, end=DAY)

    by_name = {row.staff.name: row.figures.handled for row in rows}
    assert by_name == {"Kabid A": 0, "Staf A": 0, "Staf A2": 0, "Staf B": 1, retired.name: 1}


def test_it_finds_a_unit_and_every_unit_below_it(org):
    seksi = account_factories.unit(parent=org.bidang_a)
    below_seksi = account_factories.unit(parent=seksi)
    assert set(selectors.units_below(org.bidang_a)) == {org.bidang_a.pk, seksi.pk, below_seksi.pk}
    assert set(selectors.units_below(org.root)) == {
        org.root.pk,
        org.bidang_a.pk,
        org.bidang_b.pk,
        seksi.pk,
        below_seksi.pk,
    }


def test_it_reads_the_officers_daily_reports_of_the_period_in_one_query(org, django_assert_num_queries):
    year = appraisal_factories.performance_year(org.agency)
    rhk = appraisal_factories.rhk(appraisal_factories.skp(org.staff_a, year))
    for day in (DAY - timedelta(days=1), DAY, DAY + timedelta(days=1)):
        appraisal_factories.daily_report(org.staff_a, rhk, on=day)
    with django_assert_num_queries(1):
        reports = selectors.officer_daily_reports(org.staff_a, start=DAY, end=DAY + timedelta(days=3))
    assert [report.date for report in reports] == [DAY + timedelta(days=1), DAY]


@pytest.mark.parametrize(
    ("today", "period"),
    [
        (date(2026, 11, 25), (date(2026, 11, 1), date(2026, 11, 30))),
        (date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31))),
        (date(2028, 2, 1), (date(2028, 2, 1), date(2028, 2, 29))),
    ],
)
def test_it_defaults_to_the_current_month(today, period):
    assert selectors.this_month(today) == period
