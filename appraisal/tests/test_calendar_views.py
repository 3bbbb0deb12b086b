"""The performance-year and holiday screens: what HR can do, what others are refused, query counts."""

import re
from datetime import date

import pytest
from django.urls import reverse

from accounts.tests.roles import LOGIN, assert_status, sign_in, user_for
from appraisal.models import AgencyGoal, EvaluationPeriod, Holiday, PerformanceYear
from appraisal.tests import factories

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def hr_client(client, org):
    return sign_in(client, org.hr)


@pytest.fixture
def year(org):
    return factories.performance_year(org.agency)


def _open_data(org, **overrides):
    data = {
        "agency": org.agency.pk,
        "year": "2027",
        "frequency": "quarterly",
        "plan_deadline": "2027-01-29",
        "report_cutoff_days": "1",
        "working_weekdays": ["0", "1", "2", "3", "4"],
    }
    return {**data, **overrides}


# Opening and changing a year


def test_it_lets_hr_open_a_year_with_its_periods(hr_client, org):
    response = hr_client.post(reverse("appraisal:year_open"), _open_data(org))
    year = PerformanceYear.objects.get(agency=org.agency, year=2027)
    assert response.status_code == 302
    assert response.url == reverse("appraisal:year_detail", args=[year.pk])
    assert year.periods.count() == 4
    assert year.working_weekdays == "01234"


def test_it_opens_the_year_in_hrs_own_agency_whatever_is_posted(hr_client, org):
    hr_client.post(reverse("appraisal:year_open"), _open_data(org, agency=org.other_agency.pk))
    assert PerformanceYear.objects.filter(agency=org.agency, year=2027).exists()
    assert not PerformanceYear.objects.filter(agency=org.other_agency).exists()


def test_it_lets_the_super_admin_open_a_monthly_six_day_year_for_any_agency(client, org):
    sign_in(client, org.superadmin)
    data = _open_data(
        org, agency=org.other_agency.pk, frequency="monthly", working_weekdays=["0", "1", "2", "3", "4", "5"]
    )
    assert client.post(reverse("appraisal:year_open"), data).status_code == 302
    year = PerformanceYear.objects.get(agency=org.other_agency)
    assert (year.periods.count(), year.working_weekdays) == (12, "012345")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"plan_deadline": "2027-04-01"}, "between 1 January and 31 March 2027"),
        ({"working_weekdays": []}, "Choose at least one working day"),
        ({"working_weekdays": ["0", "7"]}, "Select a valid choice"),
        ({"report_cutoff_days": "31"}, "less than or equal to 30"),
        ({"year": "1999"}, "greater than or equal to 2000"),
    ],
)
def test_it_shows_why_a_year_cannot_be_opened_and_stores_nothing(hr_client, org, overrides, message):
    response = hr_client.post(reverse("appraisal:year_open"), _open_data(org, **overrides), **EN)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PerformanceYear.objects.exists()


def test_it_refuses_a_second_year_on_the_form(hr_client, org, year):
    response = hr_client.post(
        reverse("appraisal:year_open"), _open_data(org, year="2026", plan_deadline="2026-02-02"), **EN
    )
    assert response.status_code == 200
    assert "Disdukcapil already has performance year 2026." in response.content.decode()
    assert PerformanceYear.objects.count() == 1


def test_it_lets_hr_change_deadlines_and_close_the_year(hr_client, year):
    data = {
        "plan_deadline": "2026-02-27",
        "report_cutoff_days": "3",
        "objection_days": "21",
        "working_weekdays": ["0", "1", "2", "3"],
    }
    response = hr_client.post(reverse("appraisal:year_edit", args=[year.pk]), data)
    assert response.status_code == 302
    year.refresh_from_db()
    assert (
        year.plan_deadline,
        year.report_cutoff_days,
        year.objection_days,
        year.working_weekdays,
        year.is_open,
    ) == (date(2026, 2, 27), 3, 21, "0123", False)


def test_it_shows_the_current_settings_on_the_year_form(hr_client, year):
    content = hr_client.get(reverse("appraisal:year_edit", args=[year.pk])).content.decode()
    assert 'value="2026-01-31"' in content
    assert content.count('name="working_weekdays"') == 7
    assert content.count("checked") == 5 + 1  # Monday–Friday, and "open"


# The year page


def test_it_shows_periods_with_their_working_days_and_goals(hr_client, year):
    factories.goal(year, code="SS-1", text="Meningkatnya kualitas pelayanan administrasi kependudukan")
    response = hr_client.get(reverse("appraisal:year_detail", args=[year.pk]), **EN)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Triwulan IV" in content
    assert ">55<" in content  # Triwulan I: 64 weekdays less 9 national days off on weekdays
    assert "Meningkatnya kualitas pelayanan administrasi kependudukan" in content
    assert reverse("appraisal:evaluation_period_edit", args=[year.periods.first().pk]) in content
    assert reverse("appraisal:year_edit", args=[year.pk]) in content
    assert "Monday, Tuesday, Wednesday, Thursday, Friday" in content


def test_it_shows_the_year_to_staff_of_the_agency_without_edit_links(client, org, year):
    factories.goal(year, code="SS-1")
    sign_in(client, org.staff_a.user)
    content = client.get(reverse("appraisal:year_detail", args=[year.pk])).content.decode()
    assert "Triwulan I" in content
    assert reverse("appraisal:year_edit", args=[year.pk]) not in content
    assert reverse("appraisal:agency_goal_add", args=[year.pk]) not in content
    assert "/edit/" not in content


# Periods and goals


def _period_data(period, **overrides):
    data = {
        "name": period.name,
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "evaluation_deadline": period.evaluation_deadline.isoformat(),
    }
    return {**data, **overrides}


def test_it_lets_hr_change_a_period(hr_client, year):
    q1 = year.periods.get(sequence=1)
    response = hr_client.post(
        reverse("appraisal:evaluation_period_edit", args=[q1.pk]),
        _period_data(q1, ends_on="2026-03-20", evaluation_deadline="2026-04-10"),
    )
    assert response.status_code == 302
    assert response.url == reverse("appraisal:year_detail", args=[year.pk])
    q1.refresh_from_db()
    assert (q1.ends_on, q1.evaluation_deadline) == (date(2026, 3, 20), date(2026, 4, 10))


def test_it_shows_an_overlap_on_the_period_form_and_stores_nothing(hr_client, year):
    q1 = year.periods.get(sequence=1)
    response = hr_client.post(
        reverse("appraisal:evaluation_period_edit", args=[q1.pk]),
        _period_data(q1, ends_on="2026-04-10", evaluation_deadline="2026-04-20"),
        **EN,
    )
    assert response.status_code == 200
    assert "These dates overlap Triwulan II" in response.content.decode()
    q1.refresh_from_db()
    assert q1.ends_on == date(2026, 3, 31)


def test_it_lets_hr_add_and_edit_agency_goals(hr_client, year):
    response = hr_client.post(
        reverse("appraisal:agency_goal_add", args=[year.pk]),
        {"code": "SS-1", "text": "Meningkatnya cakupan KTP-el"},
    )
    assert response.status_code == 302
    goal = AgencyGoal.objects.get(year=year, code="SS-1")
    response = hr_client.post(
        reverse("appraisal:agency_goal_edit", args=[goal.pk]),
        {"code": "SS-01", "text": "Cakupan KTP-el 100%"},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.code, goal.text) == ("SS-01", "Cakupan KTP-el 100%")


def test_it_refuses_a_duplicate_goal_code_on_the_form(hr_client, year):
    factories.goal(year, code="SS-1")
    response = hr_client.post(
        reverse("appraisal:agency_goal_add", args=[year.pk]), {"code": "SS-1", "text": "Lain"}, **EN
    )
    assert response.status_code == 200
    assert "already has a goal with code SS-1" in response.content.decode()
    assert year.goals.count() == 1


# Who may write: valid posts from every role


def _write_cases():
    def year_edit(org, year):
        data = {
            "plan_deadline": "2026-03-02",
            "report_cutoff_days": "2",
            "objection_days": "14",
            "working_weekdays": ["0"],
            "is_open": "on",
        }
        return reverse("appraisal:year_edit", args=[year.pk]), data

    def period_edit(org, year):
        q2 = year.periods.get(sequence=2)
        return reverse("appraisal:evaluation_period_edit", args=[q2.pk]), _period_data(
            q2, name="Triwulan II baru"
        )

    def goal_add(org, year):
        return reverse("appraisal:agency_goal_add", args=[year.pk]), {"code": "SS-9", "text": "Baru"}

    def goal_edit(org, year):
        goal = factories.goal(year, code="SS-1", text="Lama")
        return reverse("appraisal:agency_goal_edit", args=[goal.pk]), {"code": "SS-1", "text": "Baru"}

    return {"year_edit": year_edit, "period_edit": period_edit, "goal_add": goal_add, "goal_edit": goal_edit}


def _written(year):
    year.refresh_from_db()
    return {
        "year_edit": year.plan_deadline == date(2026, 3, 2),
        "period_edit": EvaluationPeriod.objects.filter(year=year, name="Triwulan II baru").exists(),
        "goal_add": AgencyGoal.objects.filter(year=year, code="SS-9").exists(),
        "goal_edit": AgencyGoal.objects.filter(year=year, text="Baru").exists(),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr", 302),
        ("superadmin", 302),
        ("staff", 403),
        ("supervisor", 403),
        ("other_hr", 404),
        ("outsider", 404),
        ("anonymous", LOGIN),
    ],
)
@pytest.mark.parametrize("case", sorted(_write_cases()))
def test_it_lets_only_the_agencys_hr_change_its_year(client, org, year, case, role, expected):
    url, data = _write_cases()[case](org, year)
    sign_in(client, user_for(org, role))
    assert_status(client.post(url, data), expected)
    assert _written(year)[case] is (expected == 302)


@pytest.mark.parametrize("name", ["year_list", "holiday_list"])
def test_it_refuses_posts_to_list_pages(hr_client, name):
    assert hr_client.post(reverse(f"appraisal:{name}")).status_code == 405


def test_it_refuses_a_post_to_the_year_page(hr_client, year):
    assert hr_client.post(reverse("appraisal:year_detail", args=[year.pk])).status_code == 405


def test_it_hides_missing_objects_behind_404(hr_client):
    for name in ("year_detail", "year_edit", "agency_goal_add", "agency_goal_edit", "evaluation_period_edit"):
        assert hr_client.get(reverse(f"appraisal:{name}", args=[999999])).status_code == 404
    assert hr_client.post(reverse("appraisal:holiday_remove", args=[999999])).status_code == 404


# The year list


def test_it_lists_the_years_of_hrs_agency_only(hr_client, org, year):
    other = factories.performance_year(org.other_agency, year=2025)
    content = hr_client.get(reverse("appraisal:year_list")).content.decode()
    assert reverse("appraisal:year_detail", args=[year.pk]) in content
    assert reverse("appraisal:year_detail", args=[other.pk]) not in content


# Holidays


def test_it_lets_hr_add_an_agency_holiday(hr_client, org):
    response = hr_client.post(
        reverse("appraisal:holiday_add"), {"agency": "", "date": "2026-07-03", "name": "HUT Kota Dumai"}
    )
    assert response.status_code == 302
    assert response.url == reverse("appraisal:holiday_list") + "?year=2026"
    assert Holiday.objects.get(date=date(2026, 7, 3)).agency == org.agency


def test_it_refuses_a_holiday_on_a_national_date_with_a_clear_message(hr_client, org):
    response = hr_client.post(
        reverse("appraisal:holiday_add"), {"date": "2026-08-17", "name": "Upacara"}, **EN
    )
    assert response.status_code == 200
    assert "17 August 2026 is already a national holiday" in response.content.decode()
    assert not Holiday.objects.filter(agency=org.agency).exists()


def test_it_lets_the_super_admin_add_a_national_holiday(client, org):
    sign_in(client, org.superadmin)
    response = client.post(
        reverse("appraisal:holiday_add"),
        {"agency": "", "date": "2027-01-01", "name": "Tahun Baru 2027 Masehi"},
    )
    assert response.status_code == 302
    assert Holiday.objects.get(date=date(2027, 1, 1)).agency is None


def test_it_shows_national_holidays_read_only_to_hr(hr_client, org):
    own = Holiday.objects.create(agency=org.agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    Holiday.objects.create(agency=org.other_agency, date=date(2026, 7, 6), name="Libur Diskominfo")
    national = Holiday.objects.get(agency=None, date=date(2026, 8, 17))
    content = hr_client.get(reverse("appraisal:holiday_list"), {"year": "2026"}).content.decode()
    assert "Hari Proklamasi Kemerdekaan RI" in content
    assert "HUT Kota Dumai" in content
    assert "Libur Diskominfo" not in content
    assert reverse("appraisal:holiday_remove", args=[own.pk]) in content
    assert reverse("appraisal:holiday_remove", args=[national.pk]) not in content


def test_it_shows_the_holidays_of_the_chosen_year(hr_client):
    content = hr_client.get(reverse("appraisal:holiday_list"), {"year": "2031"}, **EN).content.decode()
    assert "Hari Proklamasi" not in content
    assert "No holidays in this year." in content


def test_it_shows_the_super_admin_the_chosen_agencys_holidays(client, org):
    Holiday.objects.create(agency=org.agency, date=date(2026, 7, 3), name="HUT Kota Dumai")
    sign_in(client, org.superadmin)
    national_only = client.get(reverse("appraisal:holiday_list"), {"year": "2026"}).content.decode()
    with_agency = client.get(reverse("appraisal:holiday_list"), {"year": "2026", "agency": org.agency.pk})
    assert "HUT Kota Dumai" not in national_only
    assert "Hari Proklamasi Kemerdekaan RI" in national_only
    assert "HUT Kota Dumai" in with_agency.content.decode()


@pytest.mark.parametrize(
    ("role", "owner", "expected"),
    [
        ("hr", "agency", 302),
        ("superadmin", "agency", 302),
        ("superadmin", "national", 302),
        ("hr", "national", 403),
        ("other_hr", "national", 403),
        ("staff", "national", 403),
        ("staff", "agency", 403),
        ("supervisor", "agency", 403),
        ("other_hr", "agency", 404),
        ("outsider", "agency", 404),
        ("anonymous", "agency", LOGIN),
        ("anonymous", "national", LOGIN),
    ],
)
def test_it_lets_only_the_right_admin_remove_a_holiday(client, org, role, owner, expected):
    agency = org.agency if owner == "agency" else None
    holiday = Holiday.objects.create(agency=agency, date=date(2027, 7, 3), name="Libur")
    sign_in(client, user_for(org, role))
    assert_status(client.post(reverse("appraisal:holiday_remove", args=[holiday.pk])), expected)
    assert Holiday.objects.filter(pk=holiday.pk).exists() is (expected != 302)


def test_it_sends_hr_back_to_the_holidays_of_that_year_after_removal(hr_client, org):
    holiday = Holiday.objects.create(agency=org.agency, date=date(2027, 7, 3), name="Libur")
    response = hr_client.post(reverse("appraisal:holiday_remove", args=[holiday.pk]))
    assert response.url == reverse("appraisal:holiday_list") + "?year=2027"


def test_it_removes_a_holiday_only_by_post(hr_client, org):
    holiday = Holiday.objects.create(agency=org.agency, date=date(2027, 7, 3), name="Libur")
    assert hr_client.get(reverse("appraisal:holiday_remove", args=[holiday.pk])).status_code == 405
    assert Holiday.objects.filter(pk=holiday.pk).exists()


# Query counts


@pytest.mark.parametrize(("frequency", "goals"), [("quarterly", 1), ("monthly", 15)])
def test_it_shows_the_year_page_in_a_fixed_number_of_queries(
    hr_client, org, frequency, goals, django_assert_max_num_queries
):
    hr_client.post(reverse("appraisal:year_open"), _open_data(org, frequency=frequency))
    year = PerformanceYear.objects.get(agency=org.agency)
    for n in range(goals):
        factories.goal(year, code=f"SS-{n}")
    with django_assert_max_num_queries(8):  # with the bell's count
        response = hr_client.get(reverse("appraisal:year_detail", args=[year.pk]))
    assert response.content.decode().count("/periods/") == (4 if frequency == "quarterly" else 12)


@pytest.mark.parametrize("extra", [0, 40])
def test_it_shows_the_holiday_list_in_a_fixed_number_of_queries(
    hr_client, org, extra, django_assert_max_num_queries
):
    Holiday.objects.bulk_create(
        Holiday(
            agency=org.agency, date=date(2026, 9, 1 + n % 30).replace(month=9 + n // 30), name=f"Libur {n}"
        )
        for n in range(extra)
    )
    with django_assert_max_num_queries(6):  # with the bell's count
        response = hr_client.get(reverse("appraisal:holiday_list"), {"year": "2026"})
    assert response.content.decode().count("/remove/") == extra


@pytest.mark.parametrize("years", [1, 6])
def test_it_shows_the_year_list_in_a_fixed_number_of_queries(
    client, org, years, django_assert_max_num_queries
):
    for n in range(years):
        factories.performance_year(org.agency, year=2021 + n, with_periods=n % 2 == 0)
        factories.performance_year(org.other_agency, year=2021 + n)
    sign_in(client, org.superadmin)
    with django_assert_max_num_queries(5):  # with the bell's count
        response = client.get(reverse("appraisal:year_list"))
    assert len(re.findall(r'href="/appraisal/years/\d+/"', response.content.decode())) == 2 * years
