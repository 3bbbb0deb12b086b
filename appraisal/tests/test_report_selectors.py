"""Reads of daily reports: compliance, achievement, the team view and who has not reported."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from accounts.tests import factories as account_factories
from appraisal.models import Holiday
from appraisal.selectors import reports as selectors
from appraisal.tests import factories

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def plan(org):
    year = factories.performance_year(org.agency, year=2026)
    rhk = factories.rhk(factories.skp(org.staff_a, year))
    return SimpleNamespace(
        year=year,
        rhk=rhk,
        files=factories.indicator(rhk, target_value=Decimal("200"), target_unit="berkas"),
        hours=factories.indicator(rhk, target_value=Decimal("40"), target_unit="jam"),
    )


def _report(staff, rhk, day, indicator=None, output="5"):
    return factories.daily_report(
        staff, rhk, on=day, indicator_obj=indicator, output_quantity=Decimal(output)
    )


# The report calendar


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2026, 11, 25), "future"),
        (TUESDAY, None),
        (date(2026, 11, 23), None),
        (date(2026, 11, 20), None),  # Friday: Monday 23 is a holiday below, so until Tuesday
        (date(2026, 11, 19), "past_cutoff"),
        (date(2025, 12, 31), "no_year"),
    ],
)
def test_it_tells_why_a_report_date_is_refused(org, plan, day, code):
    Holiday.objects.create(agency=org.agency, date=date(2026, 11, 23), name="Libur daerah")
    cal = selectors.report_calendar(org.agency.pk, since=date(2025, 12, 1), today=TUESDAY)
    assert cal.date_error(day) == code


def test_it_reads_the_calendar_in_two_queries(org, plan, django_assert_num_queries):
    with django_assert_num_queries(2):
        cal = selectors.report_calendar(org.agency.pk, since=date(2026, 1, 1), today=TUESDAY)
    assert date(2026, 12, 25) in cal.holidays  # national holidays count for every agency


def test_it_ignores_the_holidays_of_other_agencies(org, plan):
    Holiday.objects.create(agency=org.other_agency, date=date(2026, 11, 23), name="Libur lain")
    cal = selectors.report_calendar(org.agency.pk, since=date(2026, 11, 1), today=TUESDAY)
    assert cal.is_working_day(date(2026, 11, 23))


# Compliance


def test_it_counts_working_days_with_a_report_over_working_days_so_far(org, plan, django_assert_num_queries):
    Holiday.objects.create(agency=org.agency, date=date(2026, 11, 9), name="Libur daerah")
    for day in (
        date(2026, 11, 2),
        date(2026, 11, 3),
        date(2026, 11, 3),
        date(2026, 11, 9),
        date(2026, 11, 14),
    ):
        _report(org.staff_a, plan.rhk, day)  # the 9th is a holiday and the 14th a Saturday: not counted
    _report(org.staff_a2, plan.rhk, date(2026, 11, 4))  # someone else's
    cal = selectors.report_calendar(org.agency.pk, since=date(2026, 1, 1), today=TUESDAY)
    spans = [("November", date(2026, 11, 1), date(2026, 11, 30))]
    with django_assert_num_queries(1) as queries:
        (result,) = selectors.report_compliance(org.staff_a, today=TUESDAY, spans=spans, calendar_=cal)
    assert queries.captured_queries[0]["sql"].startswith(
        'SELECT DISTINCT "appraisal_dailyreport"."date" AS "date" FROM'
    )
    # 2–23 November: 16 working days less the holiday; today is not counted until reported.
    assert (result.reported_days, result.working_days, result.percent) == (2, 15, 13.3)


def test_it_counts_today_once_it_is_reported(org, plan):
    _report(org.staff_a, plan.rhk, TUESDAY)
    spans = [("Week", date(2026, 11, 23), date(2026, 11, 29))]
    (result,) = selectors.report_compliance(org.staff_a, today=TUESDAY, spans=spans)
    assert (result.reported_days, result.working_days, result.percent) == (1, 2, 50)


def test_it_follows_the_agencys_working_week(org, plan):
    plan.year.working_weekdays = "012345"
    plan.year.save(update_fields=["working_weekdays"])
    _report(org.staff_a, plan.rhk, date(2026, 11, 21))  # a Saturday
    spans = [("Week", date(2026, 11, 16), date(2026, 11, 22))]
    (result,) = selectors.report_compliance(org.staff_a, today=TUESDAY, spans=spans)
    assert (result.reported_days, result.working_days) == (1, 6)


def test_it_has_no_percentage_without_working_days(org, plan):
    spans = [
        ("Weekend", date(2026, 11, 21), date(2026, 11, 22)),
        ("Later", date(2026, 12, 1), date(2026, 12, 31)),
    ]
    results = selectors.report_compliance(org.staff_a, today=TUESDAY, spans=spans)
    assert [(r.label, r.working_days, r.percent) for r in results] == [("Weekend", 0, None)]


def test_it_gives_one_compliance_per_span_from_one_query(org, plan, django_assert_num_queries):
    period = plan.year.periods.get(sequence=4)
    cal = selectors.report_calendar(org.agency.pk, since=date(2026, 1, 1), today=TUESDAY)
    spans = [(period.name, period.starts_on, period.ends_on), ("2026", date(2026, 1, 1), date(2026, 12, 31))]
    with django_assert_num_queries(1):
        results = selectors.report_compliance(org.staff_a, today=TUESDAY, spans=spans, calendar_=cal)
    assert [r.label for r in results] == ["Triwulan IV", "2026"]
    assert results[1].working_days > results[0].working_days


def test_it_finds_the_current_period(org, plan):
    assert selectors.current_period(org.agency.pk, TUESDAY).name == "Triwulan IV"
    assert selectors.current_period(org.other_agency.pk, TUESDAY) is None


# Achievement


def test_it_sums_the_output_per_quantity_indicator_in_one_query(org, plan, django_assert_num_queries):
    factories.indicator(plan.rhk, aspect="", target_value=None, target_unit="", target_text="Tanpa keluhan")
    factories.indicator(plan.rhk, aspect="time", target_value=Decimal("12"), target_unit="bulan")
    _report(org.staff_a, plan.rhk, date(2026, 11, 2), plan.files, "30")
    _report(org.staff_a, plan.rhk, date(2026, 11, 3), plan.files, "20.5")
    _report(org.staff_a, plan.rhk, date(2026, 11, 3), None, "99")  # no indicator
    _report(org.staff_a2, plan.rhk, date(2026, 11, 3), plan.files, "1000")  # not theirs
    with django_assert_num_queries(1):
        rows = selectors.indicator_achievement(org.staff_a, year=2026, today=TUESDAY)
    assert [(r.indicator.pk, r.done, r.percent, r.bar) for r in rows] == [
        (plan.files.pk, Decimal("50.5"), Decimal("25.2"), 25),
        (plan.hours.pk, Decimal("0"), Decimal("0.0"), 0),
    ]


def test_it_caps_the_bar_but_not_the_percentage(org, plan):
    _report(org.staff_a, plan.rhk, date(2026, 11, 2), plan.hours, "50")
    row = next(r for r in selectors.indicator_achievement(org.staff_a, year=2026, today=TUESDAY) if r.done)
    assert (row.percent, row.bar) == (Decimal("125.0"), 100)


def test_it_counts_only_the_year_asked(org, plan):
    _report(org.staff_a, plan.rhk, date(2025, 12, 31), plan.files, "70")
    rows = selectors.indicator_achievement(org.staff_a, year=2026, today=TUESDAY)
    assert {r.done for r in rows} == {Decimal("0")}


# The team


def _team(org, supervisor, start, end):
    members = selectors.team_members(supervisor, start=start, end=end, on=TUESDAY)
    return {m.staff.name: m for m in selectors.team_reports(list(members), start=start, end=end)}


def test_it_groups_the_reports_of_the_chain_by_person(org, plan):
    _report(org.staff_a, plan.rhk, TUESDAY)
    _report(org.staff_a, plan.rhk, TUESDAY)
    _report(org.staff_a, plan.rhk, date(2026, 11, 23))  # another day
    _report(org.staff_b, plan.rhk, TUESDAY)
    _report(org.outsider, plan.rhk, TUESDAY)
    team = _team(org, org.kabid_a, TUESDAY, TUESDAY)
    assert set(team) == {"Staf A", "Staf A2", "Staf B"}  # Staf B through the Plt assignment
    assert [len(team[name].reports) for name in ("Staf A", "Staf A2", "Staf B")] == [2, 0, 1]
    assert all(member.can_review for member in team.values())


def test_it_shows_the_whole_week_when_asked(org, plan):
    _report(org.staff_a, plan.rhk, date(2026, 11, 23))
    _report(org.staff_a, plan.rhk, TUESDAY)
    team = _team(org, org.kabid_a, date(2026, 11, 23), date(2026, 11, 29))
    assert [r.date for r in team["Staf A"].reports] == [date(2026, 11, 23), TUESDAY]


def test_it_shows_the_head_the_indirect_chain_without_the_right_to_review(org, plan):
    _report(org.staff_a, plan.rhk, TUESDAY)
    team = _team(org, org.head, TUESDAY, TUESDAY)
    assert {"Kabid A", "Staf A", "Staf A2"} <= set(team)
    assert "Kabid B" not in team  # retired and without reports
    assert team["Kabid A"].can_review and not team["Staf A"].can_review


def test_it_keeps_someone_who_left_when_they_reported_in_the_span(org, plan):
    org.staff_a2.status = "transferred"
    org.staff_a2.save(update_fields=["status"])
    assert "Staf A2" not in _team(org, org.kabid_a, TUESDAY, TUESDAY)
    _report(org.staff_a2, plan.rhk, TUESDAY)
    assert "Staf A2" in _team(org, org.kabid_a, TUESDAY, TUESDAY)


def test_it_lists_who_has_not_reported_on_a_day(org, plan, django_assert_num_queries):
    _report(org.staff_a, plan.rhk, TUESDAY)
    _report(org.staff_a2, plan.rhk, date(2026, 11, 23))
    with django_assert_num_queries(1):
        names = [s.name for s in selectors.not_reported(org.kabid_a, day=TUESDAY, on=TUESDAY)]
    assert names == ["Staf A2", "Staf B"]


def test_it_reads_the_team_in_a_fixed_number_of_queries(org, plan, django_assert_num_queries):
    def grow(count):
        for _ in range(count):
            person = account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a)
            _report(person, plan.rhk, TUESDAY)
            _report(person, plan.rhk, TUESDAY)

    grow(5)
    with django_assert_num_queries(2):
        _team(org, org.kabid_a, TUESDAY, TUESDAY)
    grow(45)
    with django_assert_num_queries(2):
        team = _team(org, org.kabid_a, TUESDAY, TUESDAY)
    assert len(team) == 53
