"""The score aggregation on PostgreSQL: every figure against the screens' own reads or a hand count,
repeated and concurrent runs, and what a run picks up or drops."""

import threading
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Staff
from appraisal.models import (
    AgencyPeriodScore,
    FeedbackAnswer,
    FeedbackInvitation,
    FeedbackNote,
    FeedbackRequest,
    IndicatorPeriodScore,
    StaffPeriodScore,
    UnitPeriodScore,
)
from appraisal.selectors.reports import report_compliance
from appraisal.services.scores import scores_aggregate
from appraisal.tests import factories as f
from surveys.models import ReviewStatus
from surveys.selectors import officer_figures
from surveys.skm.results import Window, combine, staff_ratings, summaries
from surveys.tests import factories as sf
from surveys.tests import skm_results_factories as rf

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)  # a Wednesday in Triwulan IV
T3_START, T3_END = date(2026, 7, 1), date(2026, 9, 30)


def _at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def _score(staff, sequence=3):
    return StaffPeriodScore.objects.get(staff=staff, period__sequence=sequence)


TABLES = (StaffPeriodScore, IndicatorPeriodScore, UnitPeriodScore, AgencyPeriodScore)


def _snapshot():
    return [sorted(model.objects.values_list(), key=str) for model in TABLES]


def _figures():
    """Every row without its id and time: what two runs on the same records must agree on."""
    rows = []
    for model in TABLES:
        names = [f.attname for f in model._meta.concrete_fields if f.attname not in ("id", "computed_at")]
        rows.append(sorted(model.objects.values_list(*names), key=str))
    return rows


@pytest.fixture
def year(org):
    return f.performance_year(org.agency)


@pytest.fixture
def appraised(org, year):
    """Staf A's Triwulan III appraisal, final with predikat Baik; its SKP has three quantity
    indicators of target 100."""
    return f.final_appraisal(org, year=year, period_sequence=3)


def _reports(staff, plan, days, *, output=Decimal("5")):
    first = plan.results.order_by("order").first()
    target = first.indicators.get()
    for day in days:
        f.daily_report(staff, first, on=day, indicator_obj=target, output_quantity=output, minutes_spent=60)
    return target


def test_it_counts_report_compliance_as_the_report_screen_does(org, year, appraised):
    # Monday 17 August is Independence Day and 18 July a Saturday: reports then are no working days.
    days = [date(2026, 7, 1), date(2026, 7, 2), date(2026, 7, 18), date(2026, 8, 17), date(2026, 9, 30)]
    _reports(org.staff_a, appraised.skp, days)
    f.daily_report(org.staff_a, appraised.skp.results.first(), on=date(2026, 7, 1))  # a second that day
    scores_aggregate(today=TODAY)
    score = _score(org.staff_a)
    (screen,) = report_compliance(org.staff_a, today=TODAY, spans=[("T3", T3_START, T3_END)])
    assert (score.reported_days, score.working_days) == (screen.reported_days, screen.working_days) == (3, 64)
    assert (score.reports, score.minutes_reported) == (6, 5 * 60 + 90)


def test_it_counts_working_days_of_the_current_period_up_to_yesterday(org, year):
    f.daily_report(org.staff_a2, f.rhk(f.skp(org.staff_a2, year)), on=TODAY)
    scores_aggregate(today=TODAY)
    score = _score(org.staff_a2, sequence=4)
    # 1 October to 24 November: 39 weekdays; none of the national holidays of 2026 falls in them.
    assert (score.working_days, score.reported_days, score.reports) == (39, 0, 1)
    assert not StaffPeriodScore.objects.filter(period__sequence__gt=4).exists()


def test_it_measures_achievement_per_indicator_and_overall(org, year, appraised):
    target = _reports(org.staff_a, appraised.skp, [date(2026, 3, 2)], output=Decimal("30"))
    _reports(org.staff_a, appraised.skp, [date(2026, 8, 3), date(2026, 8, 4)], output=Decimal("50"))
    scores_aggregate(today=TODAY)
    row = IndicatorPeriodScore.objects.get(indicator=target, period__sequence=3)
    assert (row.output, row.output_to_date, row.achievement) == (
        Decimal("100"),
        Decimal("130"),
        Decimal("130.0"),
    )
    first_quarter = IndicatorPeriodScore.objects.get(indicator=target, period__sequence=1)
    assert (first_quarter.output, first_quarter.achievement) == (Decimal("30"), Decimal("30.0"))
    score = _score(org.staff_a)
    # Three indicators: 130% counts as 100, the two without reports as 0.
    assert (score.indicators, score.achievement) == (3, Decimal("33.3"))


def test_it_carries_the_appraisal_predikat_and_status(org, year, appraised):
    scores_aggregate(today=TODAY)
    score = _score(org.staff_a)
    assert (score.appraisal_status, score.predikat, score.skp_status) == ("final", "baik", "approved")
    assert score.jpm == appraised.jpm
    assert _score(org.staff_a, sequence=2).predikat == ""


def test_it_counts_feedback_notes_of_the_period_in_local_time(org, year):
    # 30 September 23:30 in Jakarta is 16:30 UTC: still Triwulan III.
    late = timezone.make_aware(datetime(2026, 9, 30, 23, 30))
    for kind, moment in (
        ("praise", late),
        ("praise", _at(T3_START)),
        ("correction", _at(date(2026, 10, 1), 0)),
    ):
        FeedbackNote.objects.create(
            author=org.kabid_a,
            subject=org.staff_a,
            kind=kind,
            text="Catatan yang cukup panjang.",
            created_at=moment,
        )
    scores_aggregate(today=TODAY)
    assert (_score(org.staff_a).praise_notes, _score(org.staff_a).correction_notes) == (2, 0)
    assert _score(org.staff_a, sequence=4).correction_notes == 1


def _feedback_round(org, subject, period, scores, *, closes_on):
    request = FeedbackRequest.objects.create(
        subject=subject, period=period, requested_by=org.kabid_a.user, closes_on=closes_on
    )
    raters = [org.staff_a2, org.kabid_a, org.head, org.staff_b][: len(scores)]
    for rater, score in zip(raters, scores, strict=True):
        invitation = FeedbackInvitation.objects.create(
            request=request,
            subject=subject,
            rater=rater,
            group="peer",
            answered_at=None if score is None else timezone.now(),
        )
        if score is not None:
            FeedbackAnswer.objects.create(invitation=invitation, value="harmonis", score=score)
            FeedbackAnswer.objects.create(invitation=invitation, value="loyal", score=score - 1)
    return request


def test_it_gives_a_360_average_only_with_three_raters_once_released(org, year):
    periods = {p.sequence: p for p in year.periods.all()}
    _feedback_round(org, org.staff_a, periods[3], [5, 4, 3], closes_on=date(2026, 10, 10))
    _feedback_round(org, org.staff_b, periods[3], [5, 4], closes_on=date(2026, 10, 10))
    # Still open, with one rater yet to answer: nothing is released.
    _feedback_round(org, org.staff_a, periods[4], [5, 5, 5, None], closes_on=date(2026, 12, 10))
    scores_aggregate(today=TODAY)
    assert (_score(org.staff_a).feedback_raters, _score(org.staff_a).feedback_average) == (3, Decimal("3.50"))
    assert (_score(org.staff_b).feedback_raters, _score(org.staff_b).feedback_average) == (2, None)
    assert (_score(org.staff_a, 4).feedback_raters, _score(org.staff_a, 4).feedback_average) == (0, None)


def test_it_takes_the_citizens_ratings_as_the_officer_record_does(org, year):
    service = sf.service(unit_obj=org.bidang_a)
    template = rf.questionnaire(service)
    for values, status in (
        ([4] * 9, ReviewStatus.CLEAN),
        ([3] * 9, ReviewStatus.ACCEPTED),
        ([1] * 9, ReviewStatus.FLAGGED),
    ):
        rf.respond(template, values, officer=org.staff_a, status=status, submitted_at=_at(date(2026, 8, 5)))
    rf.respond(template, [2] * 9, officer=org.staff_a, submitted_at=_at(date(2026, 10, 5)))
    scores_aggregate(today=TODAY)
    score = _score(org.staff_a)
    record = staff_ratings(org.staff_a, start=T3_START, end=T3_END)
    assert score.citizen_respondents == record.respondents == 2
    assert score.citizen_competence == Decimal(record.u6_total) / record.u6_answers == Decimal("3.5")
    assert score.citizen_courtesy == Decimal("3.500")


def test_it_takes_the_service_levels_as_the_service_level_screen_does(org, year):
    service = sf.service(unit_obj=org.bidang_a, target_minutes=60)
    for minutes, correct in ((30, True), (90, True), (45, False), (None, True)):
        sf.service_request(
            service, org.staff_a, received_at=_at(date(2026, 8, 10)), minutes=minutes, correct=correct
        )
    scores_aggregate(today=TODAY)
    score = _score(org.staff_a)
    screen = officer_figures(officers=Staff.objects.filter(pk=org.staff_a.pk), start=T3_START, end=T3_END)[
        org.staff_a.pk
    ]
    assert (score.requests_handled, score.requests_completed) == (screen.handled, screen.completed) == (4, 3)
    assert (
        (score.requests_within_target, score.requests_late_open)
        == (screen.within_target, screen.overdue_open)
        == (2, 1)
    )
    assert score.requests_not_correct == screen.not_correct == 1
    assert score.median_minutes == Decimal(str(screen.median_minutes)) == Decimal("45.0")


def test_it_sums_units_and_agencies_with_the_skm_results_of_their_services(org, year, appraised):
    f.final_appraisal(
        org,
        staff=org.staff_a2,
        year=year,
        period_sequence=3,
        results="above",
        behaviour="above",
        override_reason="Melampaui target.",
    )
    service = sf.service(unit_obj=org.bidang_a)
    template = rf.questionnaire(service)
    for values in ([4] * 9, [3] * 9, [3, 4, 3, 4, 3, 4, 3, 4, 3]):
        rf.respond(template, values, submitted_at=_at(date(2026, 9, 1)))
    scores_aggregate(today=TODAY)
    periods = {p.sequence: p for p in year.periods.all()}
    unit = UnitPeriodScore.objects.get(unit=org.bidang_a, period=periods[3])
    assert (unit.staff, unit.appraisals_final, unit.good, unit.very_good) == (3, 2, 1, 1)
    window = Window("t3", "T3", T3_START, T3_END, period=periods[3], year=year)
    expected = combine(summaries([service.pk], window).values())
    assert (unit.survey_respondents, unit.ikm, unit.mutu) == (3, expected.converted, expected.mutu)
    agency = AgencyPeriodScore.objects.get(agency=org.agency, period=periods[3])
    # Everyone active or with an SKP: head, kabid A, two staff of bidang A, staff B (kabid B retired).
    assert (agency.staff, agency.appraisals_final, agency.ikm) == (5, 2, expected.converted)
    assert not AgencyPeriodScore.objects.filter(agency=org.outsider.agency).exclude(staff=1).exists()


def test_it_leaves_everything_as_it_was_when_run_again(org, year, appraised):
    _reports(org.staff_a, appraised.skp, [date(2026, 7, 1), date(2026, 11, 2)])
    written = scores_aggregate(today=TODAY)
    before = _snapshot()
    assert written > 0 and before[0]
    assert scores_aggregate(today=TODAY) == 0
    assert _snapshot() == before


def test_it_includes_what_was_written_since_the_last_run(org, year, appraised):
    scores_aggregate(today=TODAY)
    computed = _score(org.staff_a).computed_at
    _reports(org.staff_a, appraised.skp, [date(2026, 7, 2)])
    assert scores_aggregate(today=TODAY) > 0
    score = _score(org.staff_a)
    assert (score.reports, score.reported_days) == (1, 1) and score.computed_at > computed
    assert _score(org.staff_a2).computed_at == computed


def test_it_drops_the_figures_of_someone_who_left_without_an_skp(org, year):
    scores_aggregate(today=TODAY)
    assert StaffPeriodScore.objects.filter(staff=org.staff_a2).count() == 4
    Staff.objects.filter(pk=org.staff_a2.pk).update(status="retired")
    scores_aggregate(today=TODAY)
    assert not StaffPeriodScore.objects.filter(staff=org.staff_a2).exists()


def test_it_refreshes_only_the_given_staff(org, year, appraised):
    scores_aggregate(today=TODAY)
    units = list(UnitPeriodScore.objects.values_list())
    _reports(org.staff_a, appraised.skp, [date(2026, 7, 2)])
    f.daily_report(org.staff_a2, f.rhk(f.skp(org.staff_a2, year)), on=date(2026, 7, 2))
    scores_aggregate(today=TODAY, staff_ids=[org.staff_a.pk])
    assert _score(org.staff_a).reports == 1 and _score(org.staff_a2).reports == 0
    assert list(UnitPeriodScore.objects.values_list()) == units


def test_it_skips_closed_years_and_periods_not_started(org, year):
    year.is_open = False
    year.save(update_fields=["is_open"])
    assert scores_aggregate(today=TODAY) == 0
    assert not StaffPeriodScore.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_gives_the_same_rows_when_two_runs_overlap(org, year, appraised):
    _reports(org.staff_a, appraised.skp, [date(2026, 7, 1), date(2026, 10, 5)])
    results, errors = [], []

    def run():
        try:
            results.append(scores_aggregate(today=TODAY))
        except Exception as error:  # noqa: BLE001 (asserted below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    # One run waited for the other, then found nothing left to change.
    assert sorted(results)[0] == 0 < sorted(results)[1]
    overlapping = _figures()
    for model in TABLES:
        model.objects.all().delete()
    scores_aggregate(today=TODAY)
    assert _figures() == overlapping


def test_it_refuses_without_postgresql(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        scores_aggregate(today=TODAY)


def test_it_keeps_rows_within_their_checks_across_periods(org, year, appraised):
    _reports(org.staff_a, appraised.skp, [T3_START + timedelta(days=n) for n in range(0, 92, 3)])
    scores_aggregate(today=TODAY)
    for score in StaffPeriodScore.objects.all():
        assert score.reported_days <= score.working_days
