"""SKM results: the figures on hand-computed examples, the screens, their exports, the writes behind
them (people served, suggestions, reviews), the periodic cache and the number of queries."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.tests import factories as staff_factories
from accounts.tests.roles import sign_in
from appraisal.tests import factories as year_factories
from surveys.ikm import Mutu
from surveys.models import ReviewStatus, ServedCount, Service, SuggestionStatus, SurveyResponse
from surveys.skm import results, results_cache, review, served, suggestions
from surveys.tasks import refresh_survey_aggregates
from surveys.tests import factories
from surveys.tests import skm_results_factories as skm

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
Q1 = date(2026, 2, 10)
Q2 = date(2026, 5, 10)

# Four respondents whose NRRs are 3.25 (U1, U2, U5, U6, U9), 3.75 (U3, U7) and 2.75 (U4, U8).
FOUR = ([4] * 9, [3] * 9, [4, 3, 4, 3, 4, 3, 4, 3, 4], [2, 3, 4, 1, 2, 3, 4, 1, 2])
NRR_OF_FOUR = {
    "U1": Fraction(13, 4),
    "U2": Fraction(13, 4),
    "U3": Fraction(15, 4),
    "U4": Fraction(11, 4),
    "U5": Fraction(13, 4),
    "U6": Fraction(13, 4),
    "U7": Fraction(15, 4),
    "U8": Fraction(11, 4),
    "U9": Fraction(13, 4),
}

# A second version adds U10 and weighs U1 and U10 0.2 each, the other eight 0.075 each.
SECOND_WEIGHTS = {**dict.fromkeys(NRR_OF_FOUR, "0.075"), "U1": "0.2", "U10": "0.2"}


@pytest.fixture
def year(org):
    return year_factories.performance_year(org.agency, year=2026)


@pytest.fixture
def service(org, year):
    return factories.service(unit_obj=org.bidang_a, code="KTP-EL", name="Perekaman KTP-el")


def _window(org, key="q1"):
    windows = results.windows_for(org.agency, year=2026)
    if key == "year":
        return windows.whole_year
    return windows.periods[{"q1": 0, "q2": 1, "q3": 2, "q4": 3}[key]]


def _as(client, user):
    return sign_in(client, user)


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _results_url(service, org, key="q1"):
    window = _window(org, key)
    return f"{reverse('surveys:skm_results', args=[service.pk])}?year=2026&period={window.key}"


# The figures -------------------------------------------------------------------------------------


def test_it_computes_nrr_ikm_and_mutu_with_equal_weights(org, service):
    template = skm.questionnaire(service)
    for values in FOUR:
        skm.respond(template, values, submitted_at=skm.at(Q1))

    summary = results.service_summary(service, _window(org))

    assert summary.respondents == 4
    (version,) = summary.versions
    assert {e.code: e.nrr for e in version.elements} == NRR_OF_FOUR
    assert all(e.weight == Fraction(1, 9) for e in version.elements)
    assert version.elements[2].weighted_shown == Decimal("0.417")  # 3.75 / 9
    assert summary.ikm == Fraction(13, 4)  # 29.25 / 9
    assert summary.ikm_shown == Decimal("3.250")
    assert summary.converted == Decimal("81.25")
    assert summary.mutu == Mutu.B
    assert summary.kinerja == "Baik"


def test_it_uses_the_questionnaires_own_weights(org, service):
    weights = dict.fromkeys(NRR_OF_FOUR, "0.1")
    weights["U3"] = "0.2"
    template = skm.questionnaire(service, weights=weights)
    for values in FOUR:
        skm.respond(template, values, submitted_at=skm.at(Q1))

    summary = results.service_summary(service, _window(org))

    # 0.2 × 3.75 + 0.1 × (29.25 − 3.75) = 0.75 + 2.55
    assert summary.ikm == Fraction(33, 10)
    assert summary.converted == Decimal("82.50")
    assert summary.versions[0].elements[2].weighted_shown == Decimal("0.750")


def test_it_leaves_flagged_answers_out_until_hr_accepts_them(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [4] * 9, submitted_at=skm.at(Q1))
    flagged = skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), status=ReviewStatus.FLAGGED)

    before = results.service_summary(service, _window(org))
    assert (before.respondents, before.flagged, before.converted, before.mutu) == (
        1,
        1,
        Decimal("100.00"),
        Mutu.A,
    )

    review.response_review(response=flagged, by=org.hr, accept=True)
    after = results.service_summary(service, _window(org))

    assert (after.respondents, after.flagged) == (2, 0)
    assert after.ikm == Fraction(5, 2)
    assert (after.converted, after.mutu) == (Decimal("62.50"), Mutu.D)
    flagged.refresh_from_db()
    assert flagged.reviewed_by == org.hr and flagged.reviewed_at is not None


def test_it_keeps_rejected_answers_out_and_reviews_a_response_once(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [4] * 9, submitted_at=skm.at(Q1))
    flagged = skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), status=ReviewStatus.FLAGGED)

    review.response_review(response=flagged, by=org.hr, accept=False)
    summary = results.service_summary(service, _window(org))

    assert (summary.respondents, summary.flagged, summary.converted) == (1, 0, Decimal("100.00"))
    with pytest.raises(ValidationError):
        review.response_review(response=flagged, by=org.hr, accept=True)
    assert SurveyResponse.objects.get(pk=flagged.pk).review_status == ReviewStatus.REJECTED


def test_it_combines_two_questionnaire_versions_weighted_by_respondents(org, service):
    first = skm.questionnaire(service)
    skm.respond(first, [3] * 9, submitted_at=skm.at(Q1))
    skm.respond(first, [3] * 9, submitted_at=skm.at(Q1))
    second = skm.questionnaire(service, codes=[*NRR_OF_FOUR, "U10"], weights=SECOND_WEIGHTS)
    skm.respond(second, {**dict.fromkeys(NRR_OF_FOUR, 4), "U10": 2}, submitted_at=skm.at(Q1, 14))

    summary = results.service_summary(service, _window(org))

    v1, v2 = summary.versions
    assert (v1.version, v1.respondents, v1.result.ikm) == (1, 2, Fraction(3))
    # 0.2 × 4 (U1) + 0.2 × 2 (U10) + 8 × 0.075 × 4
    assert (v2.version, v2.respondents, v2.result.ikm) == (2, 1, Fraction(18, 5))
    assert v2.codes[-1] == "U10" and "U10" not in v1.codes
    # NRR per (version, element): U1 is 3 in version 1 and 4 in version 2, never mixed.
    assert v1.elements[0].nrr == 3 and v2.elements[0].nrr == 4
    assert summary.respondents == 3
    assert summary.ikm == Fraction(16, 5)  # (2 × 3 + 1 × 3.6) / 3
    assert (summary.converted, summary.mutu) == (Decimal("80.00"), Mutu.B)


def test_it_tells_whether_the_krejcie_morgan_minimum_sample_is_reached(org, service):
    template = skm.questionnaire(service)
    q1 = _window(org)
    skm.respond_many(template, 79, [3] * 9, submitted_at=skm.at(Q1))

    assert results.service_summary(service, q1).minimum_sample is None
    served.served_count_set(service=service, period=q1.period, people_served=100)

    short = results.service_summary(service, q1)
    assert (short.people_served, short.minimum_sample, short.reached) == (100, 80, False)

    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1))
    assert results.service_summary(service, q1).reached is True


def test_it_sums_people_served_over_the_year_and_says_when_some_periods_lack_it(org, service):
    skm.questionnaire(service)
    served.served_count_set(service=service, period=_window(org, "q1").period, people_served=600)
    served.served_count_set(service=service, period=_window(org, "q2").period, people_served=400)

    summary = results.service_summary(service, _window(org, "year"))

    assert (summary.people_served, summary.minimum_sample) == (1000, 278)
    assert summary.served_partial is True
    assert (summary.periods_with_served, summary.periods_in_window) == (2, 4)


def test_it_counts_a_response_in_the_period_it_was_submitted_and_shows_the_trend(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [4] * 9, submitted_at=skm.at(Q1))
    skm.respond(template, [2] * 9, submitted_at=skm.at(Q2))
    skm.respond(template, [3] * 9, submitted_at=skm.at(date(2026, 3, 31), 23))  # late evening, Jakarta

    windows = results.windows_for(org.agency, year=2026)
    assert results.service_summary(service, windows.periods[0]).respondents == 2
    assert results.service_summary(service, windows.whole_year).respondents == 3

    points = results.trend(service, windows)

    assert [p.summary.respondents for p in points] == [2, 1, 0, 0]
    assert [p.summary.converted for p in points] == [Decimal("87.50"), Decimal("50.00"), None, None]
    assert [p.summary.mutu for p in points] == [Mutu.B, Mutu.D, None, None]


def test_it_rates_each_officer_on_u6_and_u7_from_counted_responses_only(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [3, 3, 3, 3, 3, 4, 2, 3, 3], officer=org.staff_a, submitted_at=skm.at(Q1))
    skm.respond(template, [3, 3, 3, 3, 3, 3, 4, 3, 3], officer=org.staff_a, submitted_at=skm.at(Q1))
    skm.respond(
        template,
        [1] * 9,
        officer=org.staff_a,
        submitted_at=skm.at(Q1),
        status=ReviewStatus.FLAGGED,
    )
    skm.respond(template, [4] * 9, officer=org.staff_a2, submitted_at=skm.at(Q1))
    skm.respond(template, [1] * 9, submitted_at=skm.at(Q1))  # through a link without an officer

    rows = {row.officer_id: row for row in results.officer_ratings(service, _window(org))}

    assert set(rows) == {org.staff_a.pk, org.staff_a2.pk}
    mine = rows[org.staff_a.pk]
    assert (mine.respondents, mine.nrr_u6, mine.nrr_u7) == (2, Fraction(7, 2), Fraction(3))
    assert (rows[org.staff_a2.pk].respondents, rows[org.staff_a2.pk].nrr_u6) == (1, 4)
    evidence = results.staff_ratings(org.staff_a, start=date(2026, 1, 1), end=date(2026, 3, 31))
    assert (evidence.respondents, evidence.nrr_u6_shown, evidence.nrr_u7_shown) == (
        2,
        Decimal("3.500"),
        Decimal("3.000"),
    )
    assert results.staff_ratings(org.staff_a, start=date(2026, 4, 1), end=date(2026, 6, 30)) is None


def test_it_breaks_the_respondents_down_by_profile(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), sex="f", age_band="20-29", education="s1")
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), sex="f", age_band="30-39")
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), sex="m")
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), sex="m", status=ReviewStatus.FLAGGED)

    with translation.override("en"):
        groups = {g.field: g for g in results.profile(service, _window(org))}

    assert [(r.label, r.count) for r in groups["sex"].rows] == [("Female", 2), ("Male", 1)]
    assert groups["age_band"].unanswered == 1
    assert [(r.label, r.count) for r in groups["education"].rows] == [("Bachelor (D4/S1)", 1)]
    assert groups["occupation"].rows == () and groups["occupation"].unanswered == 3


def test_it_has_no_profile_when_nobody_gave_one(org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1))

    assert results.profile(service, _window(org)) == []


def test_it_combines_the_services_of_a_unit_weighted_by_respondents(org, service):
    other = factories.service(unit_obj=org.bidang_a, name="Kartu Keluarga")
    skm.respond(skm.questionnaire(service), [4] * 9, submitted_at=skm.at(Q1))
    template = skm.questionnaire(other)
    for _ in range(3):
        skm.respond(template, [2] * 9, submitted_at=skm.at(Q1))
    empty = factories.service(unit_obj=org.bidang_b, name="Akta Kelahiran")

    blocks, total = results.overview(
        Service.objects.filter(pk__in=[service.pk, other.pk, empty.pk]), _window(org)
    )

    unit_a = next(b for b in blocks if b.unit_id == org.bidang_a.pk)
    assert (unit_a.total.respondents, unit_a.total.ikm) == (4, Fraction(5, 2))  # (4 + 3 × 2) / 4
    assert unit_a.total.converted == Decimal("62.50")
    assert (total.respondents, total.converted) == (4, Decimal("62.50"))
    unit_b = next(b for b in blocks if b.unit_id == org.bidang_b.pk)
    assert (unit_b.total.respondents, unit_b.total.mutu) == (0, None)


def test_it_picks_the_period_of_today_by_default_and_the_whole_year_on_request(org, year):
    windows = results.windows_for(org.agency, year=2026)

    assert windows.pick(None, today=Q2).label == "Triwulan II"
    assert windows.pick("year", today=Q2).is_year
    assert windows.pick("nonsense", today=date(2027, 1, 5)).is_year
    assert windows.pick(str(windows.periods[2].period.pk)).label == "Triwulan III"


def test_it_falls_back_to_the_calendar_year_without_a_performance_year(org):
    windows = results.windows_for(org.other_agency)

    assert windows.year is None and windows.periods == ()
    whole = windows.whole_year
    assert (whole.start.month, whole.start.day, whole.end) == (1, 1, date(whole.start.year, 12, 31))


# People served --------------------------------------------------------------------------------------


def test_it_stores_people_served_once_per_service_and_period(org, service):
    period = _window(org).period
    served.served_count_set(service=service, period=period, people_served=120)
    served.served_count_set(service=service, period=period, people_served=150)

    assert list(ServedCount.objects.values_list("people_served", flat=True)) == [150]


@pytest.mark.parametrize("bad", [-1, 10_000_001, "12", True, 1.5])
def test_it_refuses_a_bad_number_of_people_served(org, service, bad):
    with pytest.raises(ValidationError):
        served.served_count_set(service=service, period=_window(org).period, people_served=bad)
    assert not ServedCount.objects.exists()


def test_it_refuses_people_served_for_a_period_of_another_agency(org, service):
    other_year = year_factories.performance_year(org.other_agency, year=2026)

    with pytest.raises(ValidationError):
        served.served_count_set(service=service, period=other_year.periods.first(), people_served=5)


def test_it_takes_people_served_from_the_recorded_requests(org, service):
    for day in (Q1, Q1, Q2):
        factories.service_request(service, org.staff_a, received_at=skm.at(day))

    row = served.served_count_from_requests(service=service, period=_window(org).period)

    assert row.people_served == 2


def test_it_saves_people_served_from_the_results_page(client, org, service):
    skm.questionnaire(service)
    period = _window(org).period
    url = reverse("surveys:skm_served", args=[service.pk])
    _as(client, org.hr)

    response = client.post(url, {"period": period.pk, "people_served": "100"}, **EN)

    assert response.status_code == 302 and f"period={period.pk}" in response.url
    assert ServedCount.objects.get(service=service, period=period).people_served == 100
    page = client.get(response.url, **EN)
    assert 'id="skm-minimum">80<' in page.content.decode()


def test_it_refuses_a_bad_people_served_entry_with_a_message(client, org, service):
    url = reverse("surveys:skm_served", args=[service.pk])
    _as(client, org.hr)

    response = client.post(url, {"period": _window(org).period.pk, "people_served": "-4"}, **EN)

    assert response.status_code == 302
    assert _messages(response) and not ServedCount.objects.exists()


# Suggestions -------------------------------------------------------------------------------------


def test_it_records_hrs_response_to_a_suggestion_and_then_marks_it_handled(org, service):
    template = skm.questionnaire(service)
    item = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion="Tambah kursi tunggu.")
    assert item.suggestion_status == SuggestionStatus.NEW

    suggestions.suggestion_respond(response=item, by=org.hr, text="  Kursi ditambah minggu depan.  ")
    item.refresh_from_db()
    assert (item.suggestion_status, item.hr_response, item.responded_by) == (
        SuggestionStatus.RESPONDED,
        "Kursi ditambah minggu depan.",
        org.hr,
    )

    suggestions.suggestion_mark_handled(response=item, by=org.superadmin)
    item.refresh_from_db()
    assert item.suggestion_status == SuggestionStatus.HANDLED
    assert item.responded_by == org.hr  # the answer keeps its author
    with pytest.raises(ValidationError):
        suggestions.suggestion_mark_handled(response=item, by=org.hr)


def test_it_refuses_an_empty_response_and_a_response_without_a_suggestion(org, service):
    template = skm.questionnaire(service)
    item = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion="Parkir sempit.")
    silent = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1))

    with pytest.raises(ValidationError):
        suggestions.suggestion_respond(response=item, by=org.hr, text="   ")
    with pytest.raises(ValidationError):
        suggestions.suggestion_mark_handled(response=silent, by=org.hr)
    item.refresh_from_db()
    assert (item.suggestion_status, item.hr_response) == (SuggestionStatus.NEW, "")


def test_it_lists_suggestions_and_lets_hr_answer_them_on_the_page(client, org, service):
    template = skm.questionnaire(service)
    item = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion="Petugas ramah sekali.")
    skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), suggestion="SPAM", status=ReviewStatus.REJECTED)
    _as(client, org.hr)

    page = client.get(reverse("surveys:skm_suggestions"), {"status": "new"}, **EN).content.decode()
    assert "Petugas ramah sekali." in page and "SPAM" not in page

    url = reverse("surveys:skm_suggestion_update", args=[item.pk])
    response = client.post(
        url, {"action": "respond", "text": "Terima kasih.", "next": "https://evil.example/"}
    )
    assert response.url == reverse("surveys:skm_suggestions")
    client.post(url, {"action": "handled"})
    item.refresh_from_db()
    assert (item.suggestion_status, item.hr_response) == (SuggestionStatus.HANDLED, "Terima kasih.")


def test_it_shows_suggestions_to_the_unit_supervisor_without_the_answer_form(client, org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion="Ruang tunggu panas.")
    _as(client, org.kabid_a)

    page = client.get(reverse("surveys:skm_suggestions"), **EN).content.decode()

    assert "Ruang tunggu panas." in page
    assert "Save the response" not in page


# Review -----------------------------------------------------------------------------------------


def test_it_lists_flagged_responses_with_their_answers_and_decides_them(client, org, service):
    template = skm.questionnaire(service)
    flagged = skm.respond(template, [1, 2, 3, 4, 1, 2, 3, 4, 1], submitted_at=skm.at(Q1), status="flagged")
    _as(client, org.hr)

    page = client.get(reverse("surveys:skm_review"), **EN).content.decode()
    assert "Terlalu cepat" in page and "U4 = 4" in page

    url = reverse("surveys:skm_review_decide", args=[flagged.pk])
    client.post(url, {"action": "accept"})
    flagged.refresh_from_db()
    assert (flagged.review_status, flagged.reviewed_by) == (ReviewStatus.ACCEPTED, org.hr)

    again = client.post(url, {"action": "reject"}, **EN)
    assert any("not waiting" in m for m in _messages(again))
    flagged.refresh_from_db()
    assert flagged.review_status == ReviewStatus.ACCEPTED


# Access of the unit's supervisors ---------------------------------------------------------------------


def test_it_lets_an_acting_supervisor_read_the_results_of_the_unit_they_act_for(client, org, year):
    service_b = factories.service(unit_obj=org.bidang_b)
    _as(client, org.kabid_a)  # Plt for the retired kabid B

    assert client.get(reverse("surveys:skm_results", args=[service_b.pk])).status_code == 200


def test_it_refuses_a_supervisor_of_another_unit(client, org, service):
    team_lead = staff_factories.staff(unit_obj=org.bidang_b, supervisor=org.head, name="Ketua Tim B")
    staff_factories.staff(unit_obj=org.bidang_b, supervisor=team_lead, name="Anggota Tim B")
    _as(client, team_lead)

    assert client.get(reverse("surveys:skm_results", args=[service.pk])).status_code == 403
    overview = client.get(reverse("surveys:skm_overview"), **EN).content.decode()
    assert service.name not in overview


def test_it_shows_a_supervisor_only_the_services_of_their_units_in_the_overview(client, org, service):
    factories.service(unit_obj=org.other_root, name="Layanan Diskominfo")
    _as(client, org.kabid_a)

    page = client.get(reverse("surveys:skm_overview"), **EN).content.decode()

    assert service.name in page and "Layanan Diskominfo" not in page


# The screens and their exports ----------------------------------------------------------------------


def _page_numbers(html):
    """The element table of the page: code → (NRR, NRR × weight), and the headline figures."""
    rows = {}
    for code, nrr_text, weighted in re.findall(
        r'<tr data-code="(\w+)">.*?class="text-end skm-nrr">([^<]*)<'
        r'.*?class="text-end skm-weighted">([^<]*)<',
        html,
        re.S,
    ):
        rows[code] = (Decimal(nrr_text), Decimal(weighted))
    converted = re.search(r'id="skm-converted">([^<]*)<', html).group(1)
    respondents = re.search(r'id="skm-respondents">([^<]*)<', html).group(1)
    return rows, Decimal(converted), int(respondents)


def test_it_shows_the_results_computed_live_even_when_the_periodic_task_never_ran(client, org, service):
    template = skm.questionnaire(service)
    for values in FOUR:
        skm.respond(template, values, submitted_at=skm.at(Q1), officer=org.staff_a)
    window = _window(org)
    cache.delete(results_cache._cache_key(service.pk, window))
    _as(client, org.hr)

    html = client.get(_results_url(service, org), **EN).content.decode()

    assert results_cache.cached_summary(service.pk, window) is None
    rows, converted, respondents = _page_numbers(html)
    assert rows["U3"] == (Decimal("3.750"), Decimal("0.417"))
    assert rows["U4"] == (Decimal("2.750"), Decimal("0.306"))
    assert (converted, respondents) == (Decimal("81.25"), 4)
    assert "B · Good (Baik)" in html
    assert "Staf A" in html  # the officer table


def test_it_stores_the_same_figures_in_the_cache_when_the_task_runs(org, service):
    template = skm.questionnaire(service)
    for values in FOUR:
        skm.respond(template, values, submitted_at=skm.at(Q1))
    window = _window(org)

    stored = refresh_survey_aggregates()

    assert stored >= 5  # four periods and the whole year
    assert results_cache.cached_summary(service.pk, window) == {
        "respondents": 4,
        "flagged": 0,
        "ikm": "3.250",
        "converted": "81.25",
        "mutu": "B",
        "people_served": None,
        "minimum_sample": None,
    }


def test_it_schedules_the_refresh_with_celery_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["refresh-survey-aggregates"]

    assert entry["task"] == refresh_survey_aggregates.name


def _xlsx_rows(sheet):
    return {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0] is not None}


def test_it_exports_the_figures_on_screen_to_an_xlsx_in_the_skm_report_layout(client, org, service):
    template = skm.questionnaire(service)
    for values in FOUR:
        skm.respond(
            template, values, submitted_at=skm.at(Q1), suggestion="Tambah loket." if values[0] == 4 else ""
        )
    skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), status=ReviewStatus.FLAGGED)
    served.served_count_set(service=service, period=_window(org).period, people_served=50)
    _as(client, org.hr)
    html = client.get(_results_url(service, org), **EN).content.decode()
    screen_rows, converted, respondents = _page_numbers(html)

    response = client.get(
        reverse("surveys:skm_results_xlsx", args=[service.pk]),
        {"year": 2026, "period": _window(org).key},
        **EN,
    )

    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Rekap", "Data", "Saran"]
    rekap = _xlsx_rows(book["Rekap"])
    assert rekap["Agency"][0] == org.agency.name
    assert rekap["Work unit"][0] == org.bidang_a.name
    assert rekap["Service"][0] == "Perekaman KTP-el"
    assert rekap["Period"][0].startswith("Triwulan I (01-01-2026")
    assert rekap["Respondents"][0] == respondents == 4
    assert rekap["Minimum sample (Krejcie–Morgan)"][0] == 45
    codes = [c for c in rekap["Element"] if c]
    assert codes == list(screen_rows)
    nrr = dict(zip(codes, rekap["NRR per element"], strict=False))
    weighted = dict(zip(codes, rekap["Weighted NRR (NRR tertimbang)"], strict=False))
    for code, (screen_nrr, screen_weighted) in screen_rows.items():
        assert Decimal(str(nrr[code])).quantize(Decimal("0.001")) == screen_nrr
        assert Decimal(str(weighted[code])).quantize(Decimal("0.001")) == screen_weighted
    assert Decimal(str(rekap["Converted IKM (IKM × 25)"][0])) == converted
    assert rekap["Mutu"][0] == "B" and rekap["Kinerja unit pelayanan"][0] == "Baik"
    data = list(book["Data"].iter_rows(values_only=True))
    assert data[0][-9:] == tuple(codes)
    assert [row[-9:] for row in data[1:5]] == [tuple(v) for v in FOUR]  # the flagged one is left out
    totals = {row[0]: row for row in data[5:] if row[0]}
    assert Decimal(str(totals["NRR per element"][-7])) == screen_rows["U3"][0]
    saran = list(book["Saran"].iter_rows(values_only=True))
    assert [row[2] for row in saran[1:]] == ["Tambah loket.", "Tambah loket."]


def test_it_keeps_formula_like_text_as_text_in_the_xlsx(client, org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion='=HYPERLINK("http://x")')
    _as(client, org.hr)

    response = client.get(
        reverse("surveys:skm_results_xlsx", args=[service.pk]), {"year": 2026, "period": _window(org).key}
    )

    cell = openpyxl.load_workbook(io.BytesIO(response.content))["Saran"]["C2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_it_exports_every_raw_answer_to_csv_with_its_review_status_and_no_address_hash(client, org, service):
    template = skm.questionnaire(service)
    clean = skm.respond(template, [4] * 9, submitted_at=skm.at(Q1), officer=org.staff_a)
    flagged = skm.respond(template, [1, 2, 3, 4, 1, 2, 3, 4, 1], submitted_at=skm.at(Q1), status="flagged")
    SurveyResponse.objects.filter(pk=clean.pk).update(ip_hash="a" * 64)
    skm.respond(template, [2] * 9, submitted_at=skm.at(Q2))  # another period
    _as(client, org.hr)

    response = client.get(
        reverse("surveys:skm_answers_csv", args=[service.pk]), {"year": 2026, "period": _window(org).key}
    )

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["id_respons"]) for r in rows] == [clean.pk, flagged.pk]
    assert [r["status_review"] for r in rows] == ["clean", "flagged"]
    assert rows[1]["alasan_tanda"] == "Terlalu cepat"
    assert [rows[1][f"U{i}"] for i in range(1, 10)] == ["1", "2", "3", "4", "1", "2", "3", "4", "1"]
    assert rows[0]["nip_petugas"] == org.staff_a.nip
    assert "a" * 64 not in text and "ip_hash" not in text and "nonce" not in text


def test_it_shows_two_versions_and_their_combination_on_the_page(client, org, service):
    first = skm.questionnaire(service)
    skm.respond(first, [3] * 9, submitted_at=skm.at(Q1))
    skm.respond(first, [3] * 9, submitted_at=skm.at(Q1))
    second = skm.questionnaire(service, codes=[*NRR_OF_FOUR, "U10"], weights=SECOND_WEIGHTS)
    skm.respond(second, {**dict.fromkeys(NRR_OF_FOUR, 4), "U10": 2}, submitted_at=skm.at(Q1, 14))
    _as(client, org.hr)

    html = client.get(_results_url(service, org), **EN).content.decode()

    assert "Questionnaire version 1 · 2 respondents" in html
    assert "Questionnaire version 2 · 1 respondents" in html
    assert 'id="skm-converted">80.00<' in html


def test_it_shows_the_page_with_no_answers_and_an_agency_without_a_year(client, org):
    service = factories.service(unit_obj=org.bidang_a)
    _as(client, org.hr)

    response = client.get(reverse("surveys:skm_results", args=[service.pk]), **EN)

    assert response.status_code == 200
    assert "No counted responses in this period." in response.content.decode()


# Queries ----------------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_it_reads_the_results_page_in_the_same_queries_for_10_and_1000_responses(client, org, service):
    template = skm.questionnaire(service)
    officers = [org.staff_a, org.staff_a2, None]
    for i in range(10):
        skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), officer=officers[i % 3], sex="f")
    _as(client, org.hr)
    url = _results_url(service, org)
    client.get(url)
    few = _queries(client, url)

    for officer in officers:
        skm.respond_many(template, 330, [4, 3, 2, 4, 3, 2, 4, 3, 2], submitted_at=skm.at(Q1), officer=officer)
    many = _queries(client, url)

    assert SurveyResponse.objects.count() == 1000
    assert few == many
    assert many <= 22


def test_it_reads_the_overview_in_the_same_queries_for_2_and_20_services(client, org, year):
    def add(n):
        for i in range(n):
            service = factories.service(unit_obj=org.bidang_a if i % 2 else org.bidang_b)
            skm.respond(skm.questionnaire(service), [3] * 9, submitted_at=skm.at(Q1))

    add(2)
    _as(client, org.hr)
    url = f"{reverse('surveys:skm_overview')}?year=2026&period={_window(org).key}"
    client.get(url)
    few = _queries(client, url)

    add(18)
    many = _queries(client, url)

    assert few == many
    assert many <= 15


def test_it_reads_the_review_queue_in_the_same_queries_for_few_and_many(client, org, service):
    template = skm.questionnaire(service)
    skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), status="flagged", suggestion="x")
    _as(client, org.hr)
    url = reverse("surveys:skm_review")
    client.get(url)
    few = _queries(client, url)

    for _ in range(20):
        skm.respond(template, [1] * 9, submitted_at=skm.at(Q1), status="flagged", officer=org.staff_a)
    many = _queries(client, url)

    assert few == many


def test_it_reads_the_suggestions_in_the_same_queries_for_few_and_many(client, org, service):
    template = skm.questionnaire(service)
    first = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion="Satu.")
    suggestions.suggestion_respond(response=first, by=org.hr, text="Baik.")
    _as(client, org.hr)
    url = reverse("surveys:skm_suggestions")
    client.get(url)
    few = _queries(client, url)

    for i in range(20):
        item = skm.respond(template, [3] * 9, submitted_at=skm.at(Q1), suggestion=f"Saran {i}.")
        suggestions.suggestion_respond(response=item, by=org.hr if i % 2 else org.superadmin, text="Ok.")
    many = _queries(client, url)

    assert few == many


def test_it_shows_the_numbers_the_indonesian_way_and_keeps_the_chart_values_readable(client, org, service):
    template = skm.questionnaire(service)
    for values in FOUR:
        skm.respond(template, values, submitted_at=skm.at(Q1))
    _as(client, org.hr)

    html = client.get(_results_url(service, org), HTTP_ACCEPT_LANGUAGE="id").content.decode()

    assert 'id="skm-converted">81,25<' in html
    assert 'value="3.750"' in html and 'value="81.25"' in html


def test_it_sets_people_served_from_the_recorded_requests_on_the_page(client, org, service):
    period = _window(org).period
    for _ in range(3):
        factories.service_request(service, org.staff_a, received_at=skm.at(Q1))
    _as(client, org.hr)

    client.post(
        reverse("surveys:skm_served", args=[service.pk]), {"period": period.pk, "from_requests": "on"}
    )

    assert ServedCount.objects.get(service=service, period=period).people_served == 3


def test_it_lists_every_service_with_its_unit_total_in_the_overview(client, org, service):
    other = factories.service(unit_obj=org.bidang_a, name="Kartu Keluarga")
    skm.respond(skm.questionnaire(service), [4] * 9, submitted_at=skm.at(Q1))
    template = skm.questionnaire(other)
    for _ in range(3):
        skm.respond(template, [2] * 9, submitted_at=skm.at(Q1))
    _as(client, org.hr)

    html = client.get(
        reverse("surveys:skm_overview"),
        {"year": 2026, "period": _window(org).key, "unit": org.bidang_a.pk},
        **EN,
    ).content.decode()

    assert "Perekaman KTP-el" in html and "Kartu Keluarga" in html
    assert f'data-unit="{org.bidang_a.pk}"' in html
    assert re.search(r'id="skm-total">.*?>4<.*?>62.50<', html, re.S)
