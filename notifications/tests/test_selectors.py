"""Who is owed which reminder: each kind found when due and not found otherwise, in set-based queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Staff
from accounts.selectors import rater_ids
from accounts.tests import factories
from appraisal.models import Holiday, PerformanceYear
from appraisal.tests import factories as appraisal_factories
from notifications import selectors
from notifications.models import NotificationKind
from notifications.tests import factories as f

pytestmark = pytest.mark.django_db


def _users(reminders, kind=None):
    return {r.user_id: r.figures for r in reminders if kind is None or r.kind == kind}


def _rater_scope(org, day=f.MONDAY):
    return {"agency_ids": {org.agency.pk, org.other_agency.pk}, "today": day}


# --- The calendar ---------------------------------------------------------------------------------------


def test_it_reads_each_agencys_working_days_and_first_working_day_of_the_week(org):
    appraisal_factories.performance_year(org.agency, working_weekdays="012345")
    appraisal_factories.performance_year(org.other_agency)
    Holiday.objects.create(agency=org.other_agency, date=f.FRIDAY, name="Hari jadi Diskominfo")
    both = {org.agency.pk, org.other_agency.pk}
    assert selectors.reminder_day(f.FRIDAY).working == {org.agency.pk}
    assert selectors.reminder_day(date(2026, 6, 13)).working == {org.agency.pk}  # a Saturday
    assert selectors.reminder_day(f.HOLIDAY).working == set()
    assert selectors.reminder_day(f.MONDAY).week_starts == both
    assert selectors.reminder_day(date(2026, 6, 17)).week_starts == set()
    # Monday 1 June is Hari Lahir Pancasila: the week starts on Tuesday.
    assert selectors.reminder_day(date(2026, 6, 2)).week_starts == both


def test_it_takes_the_last_working_day_before_today_across_holidays(org):
    appraisal_factories.performance_year(org.agency)
    appraisal_factories.performance_year(org.other_agency)
    Holiday.objects.create(agency=org.agency, date=date(2026, 5, 13), name="Hari jadi instansi")
    # 14–15 May are national holidays and 16–17 May a weekend.
    days = selectors.reminder_day(date(2026, 5, 18)).report_days()
    assert (days[org.agency.pk].day, days[org.agency.pk].deadline) == (date(2026, 5, 12), date(2026, 5, 18))
    assert (days[org.other_agency.pk].day, days[org.other_agency.pk].deadline) == (
        date(2026, 5, 13),
        date(2026, 5, 18),
    )


def test_it_moves_the_report_deadline_past_a_holiday_after_today(org):
    appraisal_factories.performance_year(org.agency, report_cutoff_days=2)
    # Friday's report may be entered for two more working days; Tuesday 16 June is a national holiday.
    day = selectors.reminder_day(f.MONDAY).report_days()[org.agency.pk]
    assert (day.day, day.deadline) == (f.FRIDAY, date(2026, 6, 17))


def test_it_owes_no_report_reminder_for_a_day_that_can_no_longer_be_reported(org):
    appraisal_factories.performance_year(org.agency, report_cutoff_days=0)
    appraisal_factories.performance_year(org.other_agency, is_open=False)
    assert selectors.reminder_day(f.MONDAY).report_days() == {}


# --- Missing daily report -------------------------------------------------------------------------------


def test_it_finds_staff_without_a_report_for_the_last_working_day(org):
    year = appraisal_factories.performance_year(org.agency)
    for person in (org.staff_a, org.staff_a2, org.kabid_b):
        appraisal_factories.skp(person, year)
    rhk = appraisal_factories.rhk(org.staff_a2.skps.get())
    appraisal_factories.daily_report(org.staff_a2, rhk, on=f.FRIDAY)
    appraisal_factories.daily_report(
        org.staff_a, appraisal_factories.rhk(org.staff_a.skps.get()), on=f.MONDAY
    )
    found = selectors.staff_without_report(selectors.reminder_day(f.MONDAY).report_days())
    # Staff A reported today but not on Friday; A2 did; B has no SKP; the retired kabid B is not asked.
    assert _users(found) == {org.staff_a.user_id: {"day": f.FRIDAY, "deadline": f.MONDAY}}
    assert {r.kind for r in found} == {NotificationKind.MISSING_REPORT}


def test_it_finds_no_missing_report_without_a_year_for_the_day(org):
    appraisal_factories.skp(org.staff_a, appraisal_factories.performance_year(org.agency, year=2025))
    assert selectors.staff_without_report(selectors.reminder_day(f.MONDAY).report_days()) == []


# --- Raters -------------------------------------------------------------------------------------------


def test_it_finds_the_same_raters_as_the_rule_for_one_person(org):
    """The set-based rater pairs agree with accounts.selectors.rater_ids for everyone, Plt included."""
    f.acting_on(org, f.MONDAY)
    year = appraisal_factories.performance_year(org.agency)
    everyone = list(Staff.objects.all())
    for person in everyone:
        appraisal_factories.skp(person, year, status="submitted")
    for person in everyone:
        items = person.skps.values_list("pk", "staff_id")
        expected = set(
            Staff.objects.filter(pk__in=rater_ids(person, on=f.MONDAY)).values_list("user_id", flat=True)
        )
        assert set(selectors.per_rater(items, **{"agency_ids": [org.agency.pk], "on": f.MONDAY})) == expected


def test_it_finds_skps_waiting_for_their_rater_and_the_plt(org):
    f.acting_on(org, f.MONDAY)
    year = appraisal_factories.performance_year(org.agency)
    appraisal_factories.skp(org.staff_a, year, status="submitted")
    appraisal_factories.skp(org.staff_b, year, status="submitted")  # kabid B retired: kabid A is Plt
    appraisal_factories.skp(org.staff_a2, year, status="draft")
    appraisal_factories.skp(org.kabid_a, year, status="approved", approved_at=timezone.now())
    found = selectors.skps_to_approve(**_rater_scope(org))
    assert _users(found) == {org.kabid_a.user_id: {"count": 2}}


def test_it_finds_no_skp_reminder_once_the_plt_assignment_ended(org):
    f.acting_on(org, f.MONDAY + timedelta(days=60))
    year = appraisal_factories.performance_year(org.agency)
    appraisal_factories.skp(org.staff_b, year, status="submitted")
    appraisal_factories.skp(org.staff_a2, year, status="approved", approved_at=timezone.now())
    assert selectors.skps_to_approve(**_rater_scope(org)) == []


def test_it_finds_reports_waiting_for_acknowledgement(org):
    year = appraisal_factories.performance_year(org.agency)
    rhk = appraisal_factories.rhk(appraisal_factories.skp(org.staff_a, year))
    appraisal_factories.daily_report(org.staff_a, rhk, on=f.FRIDAY)
    appraisal_factories.daily_report(org.staff_a, rhk, on=date(2026, 6, 11))
    appraisal_factories.daily_report(
        org.staff_a, rhk, on=date(2026, 6, 10), status="acknowledged", reviewed_at=timezone.now()
    )
    assert _users(selectors.reports_to_acknowledge(**_rater_scope(org))) == {
        org.kabid_a.user_id: {"count": 2}
    }
    other_agency_only = {"agency_ids": {org.other_agency.pk}, "today": f.MONDAY}
    assert selectors.reports_to_acknowledge(**other_agency_only) == []


# --- Appraisals -----------------------------------------------------------------------------------------


def test_it_finds_appraisals_due_within_the_days_and_not_yet_submitted(org):
    year = f.year_with_deadline(org, deadline=f.MONDAY + timedelta(days=7))
    f.appraisal(appraisal_factories.approved_skp(org.staff_a, year), status="supervisor_assessment")
    appraisal_factories.skp(org.staff_a2, year)  # not started: due too
    f.appraisal(appraisal_factories.approved_skp(org.kabid_a, year), status="submitted")
    found = selectors.appraisals_due(**_rater_scope(org), days=7)
    assert _users(found) == {org.kabid_a.user_id: {"count": 2, "days": 7}}
    assert selectors.appraisals_due(**_rater_scope(org), days=6) == []
    assert selectors.appraisals_overdue(**_rater_scope(org)) == []


def test_it_finds_overdue_appraisals_and_escalates_them_to_the_raters_superior(org):
    year = f.year_with_deadline(org, deadline=f.MONDAY - timedelta(days=1))
    f.appraisal(appraisal_factories.approved_skp(org.staff_a, year), status="self_assessment")
    f.appraisal(appraisal_factories.approved_skp(org.staff_a2, year), status="submitted")
    f.appraisal(appraisal_factories.approved_skp(org.kabid_a, year), status="final", approver=org.hr)
    scope = _rater_scope(org)
    # Kabid A still has to assess staff A; A2's waits for the head's approval, kabid A's own is final.
    assert _users(selectors.appraisals_overdue(**scope)) == {org.kabid_a.user_id: {"count": 1}}
    assert _users(selectors.appraisals_escalated(**scope)) == {org.head.user_id: {"count": 2}}
    assert selectors.appraisals_due(**scope, days=7) == []


def test_it_escalates_through_the_plt_of_a_retired_rater(org):
    """Staff B's rater is the Plt (kabid A), whose superior is the head."""
    f.acting_on(org, f.MONDAY)
    year = f.year_with_deadline(org, deadline=date(2026, 6, 1))
    appraisal_factories.skp(org.staff_b, year)
    scope = _rater_scope(org)
    assert _users(selectors.appraisals_overdue(**scope)) == {org.kabid_a.user_id: {"count": 1}}
    assert _users(selectors.appraisals_escalated(**scope)) == {org.head.user_id: {"count": 1}}


def test_it_finds_no_overdue_appraisal_in_a_closed_year(org):
    year = f.year_with_deadline(org, deadline=date(2026, 6, 1))
    appraisal_factories.skp(org.staff_a, year)
    PerformanceYear.objects.filter(pk=year.pk).update(is_open=False)
    assert selectors.appraisals_overdue(**_rater_scope(org)) == []
    assert selectors.appraisals_escalated(**_rater_scope(org)) == []


# --- 360° and HR ------------------------------------------------------------------------------------------


def test_it_finds_raters_who_owe_a_360_answer(org):
    appraisal_factories.performance_year(org.agency)
    f.feedback_request(org, subject=org.staff_a, raters=[org.staff_a2, org.kabid_a], closes_on=f.MONDAY)
    f.feedback_request(org, subject=org.staff_a2, raters=[org.staff_a], closes_on=f.FRIDAY)  # closed
    answered = f.feedback_request(org, subject=org.kabid_a, raters=[org.staff_a], closes_on=f.HOLIDAY)
    answered.invitations.update(answered_at=timezone.now())
    found = selectors.feedback_owed(**_rater_scope(org))
    assert _users(found) == {org.staff_a2.user_id: {"count": 1}, org.kabid_a.user_id: {"count": 1}}


def test_it_gives_each_hr_admin_their_agencys_figures(org):
    year = f.year_with_deadline(org, deadline=f.MONDAY + timedelta(days=3))
    rhk = appraisal_factories.rhk(appraisal_factories.skp(org.staff_a, year, status="submitted"))
    appraisal_factories.daily_report(org.staff_a, rhk, on=f.FRIDAY)
    f.appraisal(appraisal_factories.approved_skp(org.staff_a2, year), status="final", approver=org.hr)
    found = selectors.hr_digests(agency_ids={org.agency.pk, org.other_agency.pk}, today=f.MONDAY, days=7)
    figures = {"agency": "Disdukcapil", "skps": 1, "appraisals": 1, "reports": 1, "days": 7}
    assert _users(found) == {org.hr.pk: figures}  # Diskominfo's HR has nothing waiting


# --- All kinds at once ----------------------------------------------------------------------------------


def _busy_agency(org, size):
    year = f.year_with_deadline(org, deadline=f.MONDAY - timedelta(days=1))
    for n in range(size):
        person = factories.staff(supervisor=org.kabid_a, name=f"Staf {n}")
        rhk = appraisal_factories.rhk(appraisal_factories.skp(person, year, status="submitted"))
        appraisal_factories.daily_report(person, rhk, on=date(2026, 6, 11))
        f.feedback_request(org, subject=person, raters=[org.staff_a], closes_on=f.MONDAY)


@pytest.mark.parametrize("size", [2, 12])
def test_it_finds_every_kind_in_the_same_queries_however_many_staff(org, size, django_assert_num_queries):
    f.acting_on(org, f.MONDAY)
    _busy_agency(org, size)
    day = selectors.reminder_day(f.MONDAY)
    day.working  # noqa: B018  the calendar is read before counting
    # calendar (3), then one query per kind: missing reports, SKPs, reports, due, overdue, escalated, 360°, HR
    with django_assert_num_queries(8):
        found = selectors.reminders_owed(day, appraisal_days=7)
    kinds = {r.kind for r in found}
    assert kinds == set(NotificationKind.values) - {NotificationKind.APPRAISALS_DUE}
    assert _users(found, NotificationKind.MISSING_REPORT).keys() == set(
        Staff.objects.filter(skps__isnull=False).values_list("user_id", flat=True)
    )
