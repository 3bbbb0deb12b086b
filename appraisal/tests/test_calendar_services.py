"""Writes and reads of the working calendar against the database: every refusal stores nothing."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import QuerySet
from django.utils import translation

from accounts.tests import factories as account_factories
from appraisal.models import AgencyGoal, EvaluationPeriod, Holiday, PerformanceYear
from appraisal.selectors import calendar as selectors
from appraisal.services import calendar as services
from appraisal.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def agency():
    return account_factories.agency(short_name="Disdukcapil", name="Dinas Kependudukan dan Pencatatan Sipil")


@pytest.fixture
def other_agency():
    return account_factories.agency(short_name="Diskominfo")


def _open(agency, **overrides):
    values = {"agency": agency, "year": 2026, "plan_deadline": date(2026, 1, 31), **overrides}
    return services.performance_year_open(**values)


def _messages(error):
    return {field: " ".join(str(m) for m in messages) for field, messages in error.value.message_dict.items()}


def _counts():
    return (
        PerformanceYear.objects.count(),
        EvaluationPeriod.objects.count(),
        Holiday.objects.count(),
        AgencyGoal.objects.count(),
    )


# Opening a performance year


def test_it_opens_a_quarterly_year_with_its_four_periods(agency):
    year = _open(agency)
    assert (year.frequency, year.report_cutoff_days, year.working_weekdays, year.is_open) == (
        "quarterly",
        1,
        "01234",
        True,
    )
    periods = list(year.periods.order_by("sequence"))
    assert [(p.sequence, p.name) for p in periods] == [
        (1, "Triwulan I"),
        (2, "Triwulan II"),
        (3, "Triwulan III"),
        (4, "Triwulan IV"),
    ]
    assert (periods[0].starts_on, periods[0].ends_on, periods[0].evaluation_deadline) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2026, 4, 14),
    )
    assert periods[3].ends_on == date(2026, 12, 31)


def test_it_opens_a_monthly_year_with_twelve_periods(agency):
    year = _open(agency, year=2028, plan_deadline=date(2028, 2, 29), frequency="monthly")
    periods = list(year.periods.order_by("sequence"))
    assert len(periods) == 12
    assert (periods[1].name, periods[1].ends_on) == ("Februari", date(2028, 2, 29))


def test_it_stores_the_working_week_in_weekday_order(agency):
    year = _open(agency, working_weekdays="543210", report_cutoff_days=3)
    year.refresh_from_db()
    assert (year.working_weekdays, year.report_cutoff_days) == ("012345", 3)


def test_it_lets_two_agencies_open_the_same_year(agency, other_agency):
    _open(agency)
    _open(other_agency)
    assert PerformanceYear.objects.filter(year=2026).count() == 2


def test_it_refuses_a_second_year_for_the_same_agency_and_keeps_the_first(agency):
    first = _open(agency, report_cutoff_days=2)
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _open(agency, frequency="monthly")
    assert _messages(error) == {"year": "Disdukcapil already has performance year 2026."}
    assert _counts() == before
    assert first.periods.count() == 4


def test_it_turns_a_concurrent_duplicate_into_the_same_message(agency, monkeypatch):
    _open(agency)
    before = _counts()
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)  # as if the other request had not committed
    with pytest.raises(ValidationError) as error:
        _open(agency)
    assert _messages(error) == {"year": "Disdukcapil already has performance year 2026."}
    assert _counts() == before


def test_it_keeps_one_year_per_agency_in_the_database_too(agency):
    factories.performance_year(agency, with_periods=False)
    with pytest.raises(IntegrityError):
        factories.performance_year(agency, with_periods=False)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"plan_deadline": date(2025, 12, 31)}, "plan_deadline", "between 1 January and 31 March 2026"),
        ({"plan_deadline": date(2026, 4, 1)}, "plan_deadline", "between 1 January and 31 March 2026"),
        ({"plan_deadline": date(2026, 12, 1)}, "plan_deadline", "between 1 January and 31 March 2026"),
        ({"plan_deadline": date(2027, 1, 15)}, "plan_deadline", "between 1 January and 31 March 2026"),
        ({"working_weekdays": ""}, "working_weekdays", "Choose at least one working day"),
        ({"working_weekdays": "7"}, "working_weekdays", "Choose at least one working day"),
        ({"working_weekdays": "0,1,2"}, "working_weekdays", "Choose at least one working day"),
        ({"working_weekdays": "Mon-Fri"}, "working_weekdays", "Choose at least one working day"),
        ({"working_weekdays": "01234560"}, "working_weekdays", "Choose at least one working day"),
        ({"working_weekdays": "0012"}, "working_weekdays", "only once"),
        ({"working_weekdays": None}, "working_weekdays", "Choose at least one working day"),
        ({"report_cutoff_days": 31}, "report_cutoff_days", "between 0 and 30"),
        ({"report_cutoff_days": -1}, "report_cutoff_days", "between 0 and 30"),
        ({"year": 1999, "plan_deadline": date(1999, 1, 31)}, "year", "between 2000 and 2100"),
        ({"year": 2101, "plan_deadline": date(2101, 1, 31)}, "year", "between 2000 and 2100"),
        ({"frequency": "weekly"}, "frequency", "quarterly or monthly"),
    ],
)
def test_it_refuses_bad_year_settings_and_stores_nothing(agency, overrides, field, message):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        _open(agency, **overrides)
    assert message in _messages(error)[field]
    assert _counts() == before


@pytest.mark.parametrize("deadline", [date(2026, 1, 1), date(2026, 3, 31)])
def test_it_accepts_a_plan_deadline_anywhere_in_the_first_quarter(agency, deadline):
    assert _open(agency, plan_deadline=deadline).plan_deadline == deadline


# Changing a performance year


def test_it_changes_a_years_deadlines_and_working_week(agency):
    year = _open(agency)
    services.performance_year_update(
        year=year,
        plan_deadline=date(2026, 2, 27),
        report_cutoff_days=0,
        working_weekdays="501234",
        is_open=False,
    )
    year.refresh_from_db()
    assert (year.plan_deadline, year.report_cutoff_days, year.working_weekdays, year.is_open) == (
        date(2026, 2, 27),
        0,
        "012345",
        False,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"plan_deadline": date(2026, 4, 30)}, "plan_deadline"),
        ({"working_weekdays": "0189"}, "working_weekdays"),
        ({"report_cutoff_days": 45}, "report_cutoff_days"),
    ],
)
def test_it_refuses_bad_changes_to_a_year_and_keeps_it_as_it_was(agency, changes, field):
    year = _open(agency)
    values = {
        "plan_deadline": date(2026, 1, 31),
        "report_cutoff_days": 2,
        "working_weekdays": "012345",
        "is_open": False,
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        services.performance_year_update(year=year, **values)
    assert field in _messages(error)
    year.refresh_from_db()
    assert (year.plan_deadline, year.report_cutoff_days, year.working_weekdays, year.is_open) == (
        date(2026, 1, 31),
        1,
        "01234",
        True,
    )


# Evaluation periods


def _period(year, sequence):
    return year.periods.get(sequence=sequence)


def _period_values(period, **changes):
    fields = ("name", "starts_on", "ends_on", "evaluation_deadline")
    return {**{name: getattr(period, name) for name in fields}, **changes}


def test_it_renames_and_moves_a_period_inside_its_year(agency):
    year = _open(agency)
    q1 = _period(year, 1)
    services.evaluation_period_update(
        period=q1,
        name="  Triwulan I (dipercepat) ",
        starts_on=date(2026, 1, 2),
        ends_on=date(2026, 3, 20),
        evaluation_deadline=date(2026, 3, 31),
    )
    q1.refresh_from_db()
    assert (q1.name, q1.starts_on, q1.ends_on, q1.evaluation_deadline) == (
        "Triwulan I (dipercepat)",
        date(2026, 1, 2),
        date(2026, 3, 20),
        date(2026, 3, 31),
    )


def test_it_lets_the_evaluation_deadline_fall_in_the_next_year(agency):
    year = _open(agency)
    q4 = _period(year, 4)
    services.evaluation_period_update(**_period_values(q4, evaluation_deadline=date(2027, 1, 31)), period=q4)
    q4.refresh_from_db()
    assert q4.evaluation_deadline == date(2027, 1, 31)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": date(2026, 4, 1)}, "__all__", "overlap Triwulan II (1 April 2026 – 30 June 2026)"),
        (
            {
                "starts_on": date(2026, 6, 30),
                "ends_on": date(2026, 7, 2),
                "evaluation_deadline": date(2026, 7, 2),
            },
            "__all__",
            "overlap Triwulan II",
        ),
        (
            {
                "starts_on": date(2026, 9, 1),
                "ends_on": date(2026, 9, 15),
                "evaluation_deadline": date(2026, 9, 30),
            },
            "__all__",
            "overlap Triwulan III (1 July 2026 – 30 September 2026)",
        ),
        ({"starts_on": date(2025, 12, 31)}, "starts_on", "start within 2026"),
        ({"starts_on": date(2027, 1, 1)}, "starts_on", "start within 2026"),
        ({"ends_on": date(2027, 1, 1)}, "ends_on", "end within 2026"),
        (
            {"starts_on": date(2026, 3, 10), "ends_on": date(2026, 3, 1)},
            "ends_on",
            "cannot end before it starts",
        ),
        (
            {"evaluation_deadline": date(2026, 3, 30)},
            "evaluation_deadline",
            "cannot be before the period ends",
        ),
        ({"name": "   "}, "name", "needs a name"),
    ],
)
def test_it_refuses_bad_period_dates_and_stores_nothing(agency, changes, field, message):
    year = _open(agency)
    q1 = _period(year, 1)
    before = _period_values(q1)
    with pytest.raises(ValidationError) as error:
        services.evaluation_period_update(period=_period(year, 1), **_period_values(q1, **changes))
    assert message in _messages(error)[field]
    q1.refresh_from_db()
    assert _period_values(q1) == before


def test_it_checks_overlaps_within_the_same_year_only(agency, other_agency):
    year = _open(agency)
    other = _open(other_agency)
    q1 = _period(year, 1)
    other_q1 = _period(other, 1)
    services.evaluation_period_update(period=q1, **_period_values(q1, ends_on=date(2026, 3, 15)))
    services.evaluation_period_update(period=other_q1, **_period_values(other_q1))
    assert _period(year, 2).starts_on == date(2026, 4, 1)


# Holidays


def test_it_adds_a_holiday_for_one_agency(agency, other_agency):
    holiday = services.holiday_add(agency=agency, date=date(2026, 7, 3), name="  HUT Kota Dumai  ")
    assert (holiday.agency, holiday.name) == (agency, "HUT Kota Dumai")
    assert date(2026, 7, 3) in selectors.holidays_for(agency, date(2026, 7, 1), date(2026, 7, 31))
    assert date(2026, 7, 3) not in selectors.holidays_for(other_agency, date(2026, 7, 1), date(2026, 7, 31))


def test_it_adds_a_national_holiday_for_every_agency(agency, other_agency):
    services.holiday_add(agency=None, date=date(2027, 1, 1), name="Tahun Baru 2027 Masehi")
    for each in (agency, other_agency, None):
        assert selectors.holidays_for(each, date(2027, 1, 1), date(2027, 1, 1)) == {date(2027, 1, 1)}


def test_it_lets_two_agencies_have_their_own_holiday_on_the_same_day(agency, other_agency):
    services.holiday_add(agency=agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    services.holiday_add(agency=other_agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    assert Holiday.objects.filter(date=date(2026, 7, 3)).count() == 2


@pytest.mark.parametrize(
    ("first_agency", "second_agency", "message"),
    [
        ("agency", "agency", "3 July 2026 is already a holiday of this agency: HUT Kota Dumai."),
        (None, None, "3 July 2026 is already a national holiday: HUT Kota Dumai."),
        (None, "agency", "3 July 2026 is already a national holiday: HUT Kota Dumai."),
    ],
)
def test_it_refuses_a_second_holiday_on_the_same_day(agency, first_agency, second_agency, message):
    owners = {"agency": agency, None: None}
    services.holiday_add(agency=owners[first_agency], date=date(2026, 7, 3), name="HUT Kota Dumai")
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.holiday_add(agency=owners[second_agency], date=date(2026, 7, 3), name="Libur lain")
    assert _messages(error) == {"date": message}
    assert _counts() == before


def test_it_refuses_a_holiday_on_a_day_the_migration_made_national(agency):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.holiday_add(agency=agency, date=date(2026, 8, 17), name="Upacara")
    assert _messages(error) == {
        "date": "17 August 2026 is already a national holiday: Hari Proklamasi Kemerdekaan RI."
    }
    assert _counts() == before


def test_it_turns_a_concurrent_duplicate_holiday_into_a_message(agency, monkeypatch):
    services.holiday_add(agency=agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    before = _counts()
    monkeypatch.setattr(services, "_holiday_clash", lambda agency, on: None)
    with pytest.raises(ValidationError) as error:
        services.holiday_add(agency=agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    assert "already a holiday of this agency" in _messages(error)["date"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("day", "name", "field"),
    [(date(2026, 7, 3), "  ", "name"), (date(2026, 7, 3), "", "name"), (date(1999, 7, 3), "Libur", "date")],
)
def test_it_refuses_an_incomplete_holiday(agency, day, name, field):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.holiday_add(agency=agency, date=day, name=name)
    assert field in _messages(error)
    assert _counts() == before


def test_it_removes_a_holiday_and_the_day_counts_again(agency):
    year = factories.performance_year(agency, with_periods=False)
    holiday = services.holiday_add(agency=agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    assert selectors.working_days_between(year, date(2026, 7, 3), date(2026, 7, 3)) == []
    services.holiday_remove(holiday=holiday)
    assert not Holiday.objects.filter(pk=holiday.pk).exists()
    assert selectors.working_days_between(year, date(2026, 7, 3), date(2026, 7, 3)) == [date(2026, 7, 3)]


# Agency goals


def test_it_adds_and_changes_an_agency_goal(agency):
    year = factories.performance_year(agency)
    goal = services.agency_goal_add(year=year, code=" SS-1 ", text=" Meningkatnya kualitas pelayanan ")
    assert (goal.code, goal.text) == ("SS-1", "Meningkatnya kualitas pelayanan")
    services.agency_goal_update(goal=goal, code="SS-1", text="Meningkatnya cakupan KTP-el")
    goal.refresh_from_db()
    assert (goal.code, goal.text) == ("SS-1", "Meningkatnya cakupan KTP-el")


def test_it_allows_the_same_goal_code_in_another_year(agency):
    services.agency_goal_add(year=factories.performance_year(agency, year=2026), code="SS-1", text="A")
    services.agency_goal_add(year=factories.performance_year(agency, year=2027), code="SS-1", text="B")
    assert AgencyGoal.objects.filter(code="SS-1").count() == 2


@pytest.mark.parametrize(
    ("code", "text", "field", "message"),
    [
        ("SS-1", "Lain", "code", "already has a goal with code SS-1"),
        ("  ", "Lain", "code", "needs a code"),
        ("SS-3", "  ", "text", "Describe the goal"),
    ],
)
def test_it_refuses_a_duplicate_or_empty_goal_and_stores_nothing(agency, code, text, field, message):
    year = factories.performance_year(agency)
    services.agency_goal_add(year=year, code="SS-1", text="Meningkatnya kualitas pelayanan")
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.agency_goal_add(year=year, code=code, text=text)
    assert message in _messages(error)[field]
    assert _counts() == before


def test_it_refuses_to_give_a_goal_the_code_of_another(agency):
    year = factories.performance_year(agency)
    services.agency_goal_add(year=year, code="SS-1", text="A")
    second = services.agency_goal_add(year=year, code="SS-2", text="B")
    with pytest.raises(ValidationError) as error:
        services.agency_goal_update(goal=second, code="SS-1", text="B baru")
    assert "already has a goal with code SS-1" in _messages(error)["code"]
    second.refresh_from_db()
    assert (second.code, second.text) == ("SS-2", "B")


# Selectors


def test_it_reads_national_and_own_holidays_in_one_query(agency, other_agency, django_assert_num_queries):
    Holiday.objects.create(agency=agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    Holiday.objects.create(agency=other_agency, date=date(2026, 7, 6), name="Libur lain")
    with django_assert_num_queries(1):
        days = selectors.holidays_for(agency, date(2026, 5, 1), date(2026, 7, 31))
    assert days == {
        date(2026, 5, 1),
        date(2026, 5, 14),
        date(2026, 5, 15),
        date(2026, 5, 27),
        date(2026, 5, 28),
        date(2026, 5, 31),
        date(2026, 6, 1),
        date(2026, 6, 16),
        date(2026, 7, 3),
    }
    assert date(2026, 7, 3) not in selectors.holidays_for(None, date(2026, 7, 1), date(2026, 7, 31))
    assert selectors.holidays_for(agency.pk, date(2026, 7, 1), date(2026, 7, 31)) == {date(2026, 7, 3)}


def test_it_counts_working_days_with_the_years_week_and_holidays(agency, other_agency):
    year = factories.performance_year(agency, with_periods=False)
    six_day = factories.performance_year(other_agency, with_periods=False, working_weekdays="012345")
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert len(selectors.working_days_between(year, *march)) == 17  # 22 weekdays, 5 off for Nyepi/Idulfitri
    assert len(selectors.working_days_between(six_day, *march)) == 20
    Holiday.objects.create(agency=agency, date=date(2026, 3, 2), name="Libur daerah")
    assert len(selectors.working_days_between(year, *march)) == 16
    assert len(selectors.working_days_between(six_day, *march)) == 20


def test_it_counts_the_working_days_of_each_period(agency, django_assert_num_queries):
    year = _open(agency)
    with django_assert_num_queries(2):
        periods = selectors.periods_with_working_days(year)
    # January 22 − 2, February 20 − 2, March 22 − 5 weekdays off; the rest by the same count.
    assert periods[0].working_day_count == 55
    assert sum(p.working_day_count for p in periods) == 261 - 21  # 21 of the 25 days off fall on weekdays


def test_it_finds_the_year_in_force_for_a_day(agency, other_agency):
    year = factories.performance_year(agency, with_periods=False)
    assert selectors.current_year_for(agency, date(2026, 5, 1)) == year
    assert selectors.current_year_for(agency.pk, date(2026, 12, 31)) == year
    assert selectors.current_year_for(agency, date(2027, 1, 1)) is None
    assert selectors.current_year_for(other_agency, date(2026, 5, 1)) is None


# The 2026 national holidays


def test_it_loads_the_2026_national_holidays_once():
    national = Holiday.objects.filter(agency__isnull=True, date__year=2026)
    assert national.count() == 25
    assert national.filter(name__startswith="Cuti bersama").count() == 8
    assert set(national.filter(date__month=3).values_list("date__day", flat=True)) == {
        18,
        19,
        20,
        21,
        22,
        23,
        24,
    }
    migration = importlib.import_module("appraisal.migrations.0002_national_holidays_2026")
    Holiday.objects.filter(date=date(2026, 12, 25)).update(name="Natal (diubah)")
    migration.add_holidays(django_apps, None)
    assert national.count() == 25
    assert national.get(date=date(2026, 12, 25)).name == "Kelahiran Yesus Kristus (Natal)"
