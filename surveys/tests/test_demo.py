"""The service demo: the Disdukcapil catalogue, a month of counter requests in a realistic mix, and the
citizens' surveys (SKM) of the year."""

import re
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Agency, Staff
from appraisal.models import Holiday
from appraisal.services.calendar import performance_year_open
from surveys import demo, demo_skm
from surveys.ikm import Mutu
from surveys.models import (
    ReviewStatus,
    ServedCount,
    Service,
    ServiceRequest,
    SuggestionStatus,
    SurveyAnswer,
    SurveyElement,
    SurveyLink,
    SurveyResponse,
    SurveyTemplate,
)
from surveys.selectors import figures_table
from surveys.skm.results import summaries, windows_for

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 24)
REFERENCE = re.compile(r"^(KTP|KK|AL|PND|AM)-(\d{4})-(\d{2})-(\d{6})$")


@pytest.fixture
def seeded():
    accounts_demo.build_demo()
    return demo.build_service_demo(today=TODAY)


def minutes(request):
    return (request.completed_at - request.received_at).total_seconds() / 60


def test_it_builds_the_catalogue_on_the_right_units(seeded):
    services = {
        s.code: (s.name, s.unit.code, s.target_minutes) for s in Service.objects.select_related("unit")
    }

    assert services == {
        "KTP-EL": ("KTP-el", "DUK.DAFDUK.IDP", 60),
        "KK": ("Kartu Keluarga", "DUK.DAFDUK.IDP", 1440),
        "AKTA-LAHIR": ("Akta Kelahiran", "DUK.CAPIL.KLM", 3 * 1440),
        "PINDAH": ("Surat Pindah", "DUK.DAFDUK.PDPD", 1440),
        "AKTA-MATI": ("Akta Kematian", "DUK.CAPIL.KLM", 3 * 1440),
    }
    assert set(Service.objects.values_list("agency__code", flat=True)) == {"disdukcapil"}


def test_it_records_about_three_hundred_requests_by_six_to_eight_counter_officers(seeded):
    requests = ServiceRequest.objects.select_related("officer__unit")
    officers = {r.officer for r in requests}

    assert 250 <= requests.count() <= 350
    assert 6 <= len(officers) <= 8
    for officer in officers:
        assert officer.is_active and officer.agency.code == "disdukcapil"
        assert officer.unit.code.startswith(("DUK.DAFDUK.", "DUK.CAPIL."))
    assert seeded.officers == len(officers)


def test_it_dates_requests_on_the_working_days_of_the_month_before_the_clock(seeded):
    holidays = set(Holiday.objects.values_list("date", flat=True))
    start_of_today = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))

    for request in ServiceRequest.objects.all():
        received = timezone.localtime(request.received_at)
        assert TODAY - timedelta(days=30) <= received.date() < TODAY
        assert received.weekday() < 5 and received.date() not in holidays
        assert 8 <= received.hour < 15
        if request.completed_at is not None:
            assert request.received_at <= request.completed_at < start_of_today
    assert seeded.days == sorted(
        {timezone.localtime(r.received_at).date() for r in ServiceRequest.objects.all()}
    )


def test_it_mixes_on_time_late_wrong_and_open_requests(seeded):
    requests = list(ServiceRequest.objects.select_related("service"))
    completed = [r for r in requests if r.completed_at is not None]
    late = [r for r in completed if minutes(r) > r.service.target_minutes]
    open_ = [r for r in requests if r.completed_at is None]
    wrong = [r for r in requests if not r.correct_first_time]

    assert 0.75 <= 1 - len(late) / len(completed) <= 0.95
    assert 0.01 <= len(wrong) / len(requests) <= 0.12
    assert 0.01 <= len(open_) / len(requests) <= 0.10
    assert seeded.open_requests == len(open_)
    start_of_today = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))
    overdue = [
        r for r in open_ if r.received_at + timedelta(minutes=r.service.target_minutes) < start_of_today
    ]
    assert overdue and len(overdue) < len(open_)


def test_it_numbers_requests_per_service_and_month(seeded):
    prefixes = {s.code: s.prefix for s in demo.SERVICES}

    per_service = Counter()
    for request in ServiceRequest.objects.select_related("service"):
        prefix, year, month, number = REFERENCE.match(request.reference).groups()
        received = timezone.localtime(request.received_at)
        assert prefix == prefixes[request.service.code]
        assert (int(year), int(month)) == (received.year, received.month)
        assert int(number) >= 1
        per_service[request.service.code, request.reference] += 1
    assert set(per_service.values()) == {1}


def test_it_shows_different_figures_per_officer(seeded):
    officers = Staff.objects.filter(agency__code="disdukcapil")
    start = TODAY - timedelta(days=30)

    rows = [row for row in figures_table(officers=officers, start=start, end=TODAY) if row.figures.handled]
    shares = {row.staff.name: row.figures.within_target_share for row in rows}
    assert len(set(shares.values())) == len(shares) >= 6
    assert shares["Taufik Hidayat"] < shares["Yulia Anggraini"]


def test_it_adds_nothing_when_run_again_and_keeps_the_numbers_on_a_later_day(seeded):
    first = sorted(ServiceRequest.objects.values_list())

    again = demo.build_service_demo(today=TODAY)
    assert sorted(ServiceRequest.objects.values_list()) == first
    assert (again.created[Service], again.created[ServiceRequest]) == (0, 0)

    later = demo.build_service_demo(today=TODAY + timedelta(days=1))
    stored = sorted(ServiceRequest.objects.values_list())
    assert set(first) < set(stored)
    new = set(stored) - set(first)
    assert {timezone.localtime(row[4]).date() for row in new} == {TODAY}
    assert later.created[ServiceRequest] == len(new)


# --- The citizens' surveys (SKM) ---------------------------------------------------------------------

SKM_MODELS = (SurveyTemplate, SurveyElement, SurveyLink, SurveyResponse, SurveyAnswer, ServedCount)


@pytest.fixture
def surveyed():
    """The services with the agency's 2026 quarters, which the surveys are read by."""
    accounts_demo.build_demo()
    agency = Agency.objects.get(code="disdukcapil")
    performance_year_open(agency=agency, year=2026, plan_deadline=date(2026, 1, 31))
    return demo.build_service_demo(today=TODAY)


def skm_rows():
    return {model.__name__: sorted(model.objects.values_list()) for model in SKM_MODELS}


def test_it_makes_only_questionnaires_and_links_without_the_agencys_quarters(seeded):
    assert SurveyTemplate.objects.count() == 6 and SurveyLink.objects.count() == 19
    assert not SurveyResponse.objects.exists() and not ServedCount.objects.exists()
    assert not seeded.survey_responses


def test_it_gives_each_service_a_general_link_one_per_officer_and_a_paused_and_an_ended_one(surveyed):
    links = list(SurveyLink.objects.select_related("service", "officer"))
    handlers = {(code, o.name) for o in demo.OFFICERS for code in o.services}
    served_by = set(ServiceRequest.objects.values_list("service__code", "officer__name"))

    assert {(link.service.code, link.officer.name) for link in links if link.officer} == handlers == served_by
    general = [link.service.code for link in links if not link.officer and not link.counter]
    assert sorted(general) == sorted(s.code for s in demo.SERVICES)
    paused = [link for link in links if link.is_paused]
    ended = [link for link in links if link.ends_on is not None]
    assert [(link.service.code, link.counter) for link in paused] == [("KTP-EL", demo_skm.KIOSK.counter)]
    assert [(link.service.code, link.ends_on) for link in ended] == [("KK", date(2026, 6, 30))]
    for link in paused + ended:
        assert link.responses.exists() and not link.is_open_on(TODAY)
        last = max(timezone.localdate(r.submitted_at) for r in link.responses.all())
        assert last <= (link.ends_on or demo_skm.KIOSK.last_day)
    assert len({link.token for link in links}) == len(links)
    assert {link.created_at for link in links} <= {
        timezone.make_aware(datetime(2026, 1, 2, 7, 45)),
        timezone.make_aware(datetime(2026, 2, 2, 7, 45)),
    }


def test_it_spreads_about_six_hundred_answers_over_the_quarters_with_grades_a_b_and_c(surveyed):
    responses = SurveyResponse.objects.all()
    windows = windows_for(Agency.objects.get(code="disdukcapil"), today=TODAY)
    services = {s.pk: s.code for s in Service.objects.all()}

    assert 500 <= responses.count() <= 700
    per_period = {w.label: summaries(services, w) for w in windows.periods}
    assert all(sum(s.respondents for s in found.values()) >= 80 for found in per_period.values())
    assert dict(surveyed.survey_responses) == {
        w.label: responses.filter(submitted_at__date__gte=w.start, submitted_at__date__lte=w.end).count()
        for w in windows.periods
    }
    start_of_today = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))
    assert timezone.make_aware(datetime(2026, 1, 2, 8)) <= min(r.submitted_at for r in responses)
    assert max(r.submitted_at for r in responses) < start_of_today

    year = summaries(services, windows.whole_year)
    grades = {services[pk]: summary.mutu for pk, summary in year.items()}
    assert grades == {
        "KTP-EL": Mutu.B,
        "KK": Mutu.C,
        "AKTA-LAHIR": Mutu.A,
        "PINDAH": Mutu.B,
        "AKTA-MATI": Mutu.B,
    }
    assert all(Decimal("72") <= summary.converted <= Decimal("92") for summary in year.values())

    fees = Counter(SurveyAnswer.objects.filter(element__code="U4").values_list("value", flat=True))
    assert fees[4] / sum(fees.values()) >= 0.85 and fees[1] + fees[2] > 0
    with_profile = responses.exclude(age_band="", sex="", education="", occupation="").count()
    assert 0.5 <= with_profile / responses.count() <= 0.7
    assert not responses.filter(ip_hash__contains=".").exists()


def test_it_publishes_a_second_ktp_el_questionnaire_in_the_third_quarter(surveyed):
    ktp = Service.objects.get(code="KTP-EL")
    versions = {t.version: t for t in ktp.survey_templates.all()}
    third = next(w for w in windows_for(ktp.agency, today=TODAY).periods if w.label == "Triwulan III")

    assert set(versions) == {1, 2} and versions[2].is_current
    assert [e.code for e in versions[2].elements.all()][-1] == "U10"
    assert sum(e.weight for e in versions[2].elements.all()) == 1
    assert [v.version for v in summaries([ktp.pk], third)[ktp.pk].versions] == [1, 2]
    assert not ktp.survey_responses.filter(template=versions[1], submitted_at__gte=versions[2].created_at)
    assert timezone.localdate(versions[2].created_at) == demo_skm.VERSION_2_ON


def test_it_leaves_a_few_flagged_answers_and_most_suggestions_to_hr(surveyed):
    responses = SurveyResponse.objects.all()
    waiting = responses.filter(review_status=ReviewStatus.FLAGGED)
    suggestions = Counter(responses.exclude(suggestion="").values_list("suggestion_status", flat=True))

    assert 3 <= waiting.count() <= 5 and surveyed.survey_waiting == waiting.count()
    assert all(r.flag_reasons and r.fill_seconds < 3 for r in waiting)
    assert responses.filter(review_status__in=(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED)).exists()
    assert 0.1 <= sum(suggestions.values()) / responses.count() <= 0.2
    assert suggestions[SuggestionStatus.NEW] > sum(suggestions.values()) / 2
    assert suggestions[SuggestionStatus.RESPONDED] and suggestions[SuggestionStatus.HANDLED]
    for response in responses.exclude(responded_at=None):
        assert response.submitted_at < response.responded_at < timezone.now()


def test_it_counts_the_people_served_so_some_services_reach_the_minimum_sample(surveyed):
    windows = windows_for(Agency.objects.get(code="disdukcapil"), today=TODAY)
    services = list(Service.objects.values_list("pk", flat=True))

    assert ServedCount.objects.count() == 5 * 4
    reached = [summary.reached for w in windows.periods for summary in summaries(services, w).values()]
    assert None not in reached and True in reached and False in reached
    ktp = Service.objects.get(code="KTP-EL")
    recorded = ServiceRequest.objects.filter(service=ktp).count()
    fourth = ServedCount.objects.get(service=ktp, period__name="Triwulan IV").people_served
    assert recorded < fourth < 3 * recorded


def test_it_adds_no_survey_rows_when_run_again_and_only_the_new_days_answers_later(surveyed):
    first = skm_rows()

    again = demo.build_service_demo(today=TODAY)

    assert skm_rows() == first
    assert all(again.created[model] == 0 and again.updated[model] == 0 for model in SKM_MODELS)

    later = demo.build_service_demo(today=TODAY + timedelta(days=1))
    new = SurveyResponse.objects.exclude(pk__in=[row[0] for row in first["SurveyResponse"]])
    assert new.exists() and later.created[SurveyResponse] == new.count()
    assert {timezone.localdate(r.submitted_at) for r in new} == {TODAY}
    assert later.created[SurveyTemplate] == later.created[SurveyLink] == 0
