"""The write service of the public SKM form on the database: what is stored, what is flagged, and
every refusal storing nothing."""

from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from surveys.models import ReviewStatus, SurveyAnswer, SurveyLink, SurveyResponse
from surveys.skm import abuse, submission
from surveys.skm.questionnaires import questionnaire_publish
from surveys.skm.results import staff_ratings
from surveys.tests import skm_helpers as h

IP_HASH = abuse.ip_hash("198.51.100.20")


@pytest.fixture(autouse=True)
def english(settings):
    """English pages and English flag reasons (written in the site's language)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def link(org):
    return h.survey_link(org, officer=org.staff_a)


def _submit(link, **kw):
    arguments = {
        "token": link.token,
        "template": h.questionnaire(link),
        "answers": h.answers(3),
        "profile": {},
        "suggestion": "",
        "nonce": h.nonce(link),
        "fill_seconds": 30,
        "ip_hash": IP_HASH,
        "today": timezone.localdate(),
    }
    arguments.update(kw)
    return submission.response_submit(**arguments)


def _refused(link, *, code=None, **kw) -> str:
    before = (SurveyResponse.objects.count(), SurveyAnswer.objects.count())
    with pytest.raises(ValidationError) as caught:
        _submit(link, **kw)
    assert (SurveyResponse.objects.count(), SurveyAnswer.objects.count()) == before
    if code is not None:
        assert caught.value.code == code
    return " ".join(caught.value.messages)


# What is stored ------------------------------------------------------------------------------


def test_it_stores_the_response_and_its_answers_attributed_to_the_links_officer(org, link):
    response = _submit(
        link,
        answers={**h.answers(4), "U6": 2, "U7": 1},
        profile={"age_band": "60+", "sex": "m", "education": "sma", "occupation": "entrepreneur"},
        suggestion="  Tambah kursi di ruang tunggu. ",
        fill_seconds=45,
    )
    response.refresh_from_db()
    assert (response.link, response.service, response.officer) == (link, link.service, org.staff_a)
    assert response.template == h.questionnaire(link)
    assert (response.review_status, response.flag_reasons, response.fill_seconds) == ("clean", "", 45)
    assert (response.age_band, response.sex, response.education, response.occupation) == (
        "60+",
        "m",
        "sma",
        "entrepreneur",
    )
    assert (response.suggestion, response.suggestion_status) == ("Tambah kursi di ruang tunggu.", "new")
    assert response.ip_hash == IP_HASH and len(response.nonce) <= 64
    assert dict(response.answers.values_list("element__code", "value")) == {**h.answers(4), "U6": 2, "U7": 1}


def test_it_asks_u6_and_u7_about_the_service_where_the_link_names_no_officer(org):
    link = h.survey_link(org)
    response = _submit(link)
    assert response.officer is None
    assert response.answers.filter(element__code__in=["U6", "U7"]).count() == 2
    message = _refused(link, answers={code: 3 for code in h.CODES if code not in ("U6", "U7")})
    assert "Kompetensi Pelaksana" in message and "Perilaku Pelaksana" in message


def test_it_stores_no_suggestion_status_without_a_suggestion(link):
    response = _submit(link, suggestion="   ")
    assert (response.suggestion, response.suggestion_status) == ("", "")


def test_it_takes_a_custom_element_of_the_agency(org, link):
    extra = {
        "code": "U10",
        "name": "Ketersediaan informasi",
        "labels": ["Buruk", "Cukup", "Baik", "Sangat baik"],
    }
    elements = [{"code": code} for code in h.CODES] + [extra]
    template = questionnaire_publish(service=link.service, by=org.hr, elements=elements)
    _refused(link, template=template, nonce=h.nonce(link), code=None)  # U10 missing
    response = _submit(link, template=template, nonce=h.nonce(link), answers={**h.answers(2), "U10": 4})
    assert response.answers.get(element__code="U10").value == 4


# Flags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seconds", "flagged"), [(0, True), (2, True), (3, False), (600, False)])
def test_it_flags_a_form_filled_in_faster_than_the_minimum(link, seconds, flagged):
    response = _submit(link, fill_seconds=seconds)
    assert response.review_status == (ReviewStatus.FLAGGED if flagged else ReviewStatus.CLEAN)
    if flagged:
        assert response.flag_reasons == f"Filled in in {seconds} s, faster than the minimum of 3 s."


def test_it_takes_the_minimum_fill_time_from_the_settings(link, settings):
    settings.SKM_MIN_FILL_SECONDS = 10
    assert _submit(link, fill_seconds=9).review_status == ReviewStatus.FLAGGED


def test_it_flags_answers_beyond_the_limit_from_one_address_through_one_link(org, link, settings):
    settings.SKM_REPEAT_LIMIT = 3
    statuses = [_submit(link).review_status for _ in range(5)]
    assert statuses == ["clean"] * 3 + ["flagged"] * 2
    last = SurveyResponse.objects.order_by("-pk").first()
    assert last.flag_reasons == "Response 5 within an hour from one address through this link (limit 3)."
    other_address = _submit(link, ip_hash=abuse.ip_hash("198.51.100.21"))
    other_link = h.survey_link(org)
    through_other_link = _submit(other_link, nonce=h.nonce(other_link))
    assert (other_address.review_status, through_other_link.review_status) == ("clean", "clean")


def test_it_counts_only_the_last_hour_from_one_address(link, settings):
    settings.SKM_REPEAT_LIMIT = 1
    first = _submit(link)
    SurveyResponse.objects.filter(pk=first.pk).update(submitted_at=timezone.now() - timedelta(minutes=61))
    assert _submit(link).review_status == ReviewStatus.CLEAN


def test_it_never_flags_by_address_when_the_address_is_unknown(link, settings):
    settings.SKM_REPEAT_LIMIT = 1
    assert [_submit(link, ip_hash="").review_status for _ in range(3)] == ["clean"] * 3


def test_it_gives_every_reason_when_several_rules_flag(link, settings):
    settings.SKM_REPEAT_LIMIT = 0
    response = _submit(link, fill_seconds=1)
    assert "faster than the minimum" in response.flag_reasons
    assert "Response 1 within an hour" in response.flag_reasons


@pytest.mark.parametrize("value", [1, 4])
def test_it_does_not_flag_identical_answers_without_a_suggestion(link, value):
    assert _submit(link, answers=h.answers(value), suggestion="").review_status == ReviewStatus.CLEAN


def test_it_writes_the_reasons_in_the_sites_language_whatever_the_citizens(link, settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("id"):
        response = _submit(link, fill_seconds=0)
    assert response.flag_reasons.startswith("Filled in in 0 s")


# Refusals ------------------------------------------------------------------------------------


def test_it_refuses_a_replayed_nonce(link):
    nonce = h.nonce(link)
    _submit(link, nonce=nonce)
    message = _refused(link, nonce=nonce, code=submission.REPLAYED)
    assert "already sent" in message
    assert SurveyResponse.objects.count() == 1 and SurveyAnswer.objects.count() == 9


@pytest.mark.parametrize(
    "answers",
    [
        {**h.answers(3), "U4": 0},
        {**h.answers(3), "U4": 5},
        {**h.answers(3), "U4": "3"},
        {**h.answers(3), "U4": 2.5},
        {**h.answers(3), "U4": True},
        {**h.answers(3), "U4": None},
        {code: 3 for code in h.CODES if code != "U8"},
        {**h.answers(3), "U99": 3},
        {},
    ],
    ids=["zero", "five", "text", "fraction", "bool", "none", "missing", "unknown", "empty"],
)
def test_it_refuses_answers_that_are_not_one_to_four_for_every_element(link, answers):
    _refused(link, answers=answers)


@pytest.mark.parametrize(
    "profile",
    [{"age_band": "15-19"}, {"sex": "X"}, {"education": "S3"}, {"occupation": "pilot"}, {"income": "high"}],
)
def test_it_refuses_profile_answers_not_among_the_choices(link, profile):
    _refused(link, profile=profile)


def test_it_accepts_an_empty_profile(link):
    empty = {"age_band": "", "sex": "", "education": "", "occupation": ""}
    assert _submit(link, profile=empty).age_band == ""


def test_it_refuses_what_the_questionnaire_does_not_ask(org, link):
    template = questionnaire_publish(service=link.service, by=org.hr, ask_profile=False, ask_suggestion=False)
    _refused(link, template=template, nonce=h.nonce(link), profile={"sex": "f"})
    _refused(link, template=template, nonce=h.nonce(link), suggestion="Bagus")
    assert _submit(link, template=template, nonce=h.nonce(link)).pk


def test_it_refuses_a_suggestion_over_the_limit_or_with_a_null_character(link, settings):
    settings.SKM_SUGGESTION_MAX_LENGTH = 10
    assert "at most 10 characters" in _refused(link, suggestion="x" * 11)
    _refused(link, suggestion="a\x00b")
    assert _submit(link, suggestion="x" * 10).suggestion == "x" * 10


@pytest.mark.parametrize("closed_by", ["paused", "ended", "inactive service"])
def test_it_refuses_a_closed_link(link, closed_by):
    if closed_by == "paused":
        link.is_paused = True
    elif closed_by == "ended":
        link.ends_on = timezone.localdate() - timedelta(days=1)
    else:
        link.service.is_active = False
        link.service.save()
    link.save()
    _refused(link, code=submission.CLOSED)


def test_it_refuses_a_link_that_is_gone(link):
    _refused(link, token="NoSuchLink12", code=submission.NONCE_INVALID)
    SurveyLink.objects.filter(pk=link.pk).update(token="RenamedLink1")
    _refused(link, code=submission.CLOSED)


def test_it_takes_answers_until_the_end_of_the_links_last_day(link):
    link.ends_on = date(2030, 5, 31)
    link.save()
    assert _submit(link, today=date(2030, 5, 31)).pk
    _refused(link, today=date(2030, 6, 1), code=submission.CLOSED)


def test_it_refuses_a_nonce_issued_for_another_link(org, link):
    other = h.survey_link(org)
    _refused(link, nonce=h.nonce(other), code=submission.NONCE_INVALID)


@pytest.mark.parametrize("nonce", ["", "nonsense", "a:b", "[]"])
def test_it_refuses_a_nonce_we_did_not_issue(link, nonce):
    _refused(link, nonce=nonce, code=submission.NONCE_INVALID)


def test_it_refuses_a_nonce_whose_contents_were_changed(org, link):
    """The payload of another link's genuine nonce with this nonce's signature, and the reverse."""
    mine, theirs = h.nonce(link), h.nonce(h.survey_link(org))
    my_payload, my_signature = mine.rsplit(":", 1)
    their_payload, _their_signature = theirs.rsplit(":", 1)
    _refused(link, nonce=f"{their_payload}:{my_signature}", code=submission.NONCE_INVALID)
    _refused(link, nonce=f"{my_payload}:{my_signature[:-2]}", code=submission.NONCE_INVALID)
    assert _submit(link, nonce=mine).pk


def test_it_refuses_an_expired_nonce(link, settings):
    settings.SKM_FORM_MAX_AGE = 60
    _refused(link, nonce=h.nonce(link, seconds_ago=61), code=submission.NONCE_EXPIRED)
    assert _submit(link, nonce=h.nonce(link, seconds_ago=59)).pk


def test_it_refuses_answers_to_a_questionnaire_no_longer_in_use(org, link):
    old = h.questionnaire(link)
    old_nonce = h.nonce(link)
    new = questionnaire_publish(service=link.service, by=org.hr, ask_profile=False)
    old.refresh_from_db()
    _refused(link, template=old, nonce=old_nonce, code=submission.QUESTIONNAIRE_CHANGED)
    _refused(link, template=new, nonce=old_nonce, code=submission.QUESTIONNAIRE_CHANGED)
    assert _submit(link, template=new, nonce=h.nonce(link)).template == new


def test_it_refuses_the_questionnaire_of_another_service(org, link):
    other = h.survey_link(org)
    _refused(link, template=h.questionnaire(other), code=submission.QUESTIONNAIRE_CHANGED)


# Officer ratings -----------------------------------------------------------------------------


def _at(day: date, hour=10):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _rated(link, u6, u7, *, on, status="clean"):
    response = _submit(link, answers={**h.answers(4), "U6": u6, "U7": u7})
    SurveyResponse.objects.filter(pk=response.pk).update(
        submitted_at=on,
        review_status=status,
        flag_reasons="checked" if status != "clean" else "",
    )
    return response


def test_it_rates_an_officer_from_counted_responses_in_the_period_in_one_query(
    org, link, django_assert_num_queries
):
    day = date(2026, 4, 15)
    _rated(link, 4, 3, on=_at(day))
    _rated(link, 3, 3, on=_at(date(2026, 4, 1), hour=0))  # first minute of the period, local time
    _rated(link, 2, 4, on=_at(date(2026, 6, 30), hour=23), status=ReviewStatus.ACCEPTED)
    _rated(link, 1, 1, on=_at(day), status=ReviewStatus.FLAGGED)
    _rated(link, 1, 1, on=_at(day), status=ReviewStatus.REJECTED)
    _rated(link, 1, 1, on=_at(date(2026, 3, 31), hour=23))  # before the period
    _rated(link, 1, 1, on=_at(date(2026, 7, 1), hour=0))  # after it
    colleague = h.survey_link(org, officer=org.staff_a2)
    _rated(colleague, 1, 1, on=_at(day))
    SurveyLink.objects.filter(pk=link.pk).update(officer=None)
    with django_assert_num_queries(1):
        ratings = staff_ratings(org.staff_a, start=date(2026, 4, 1), end=date(2026, 6, 30))
    assert ratings.respondents == 3
    assert ratings.nrr_u6 == 3  # (4 + 3 + 2) / 3
    assert ratings.nrr_u7 == Fraction(10, 3)


def test_it_rates_nobody_without_responses(org):
    assert staff_ratings(org.staff_a, start=date(2026, 1, 1), end=date(2026, 12, 31)) is None


def test_it_keeps_responses_without_an_officer_out_of_every_officers_ratings(org):
    link = h.survey_link(org)
    _rated(link, 4, 4, on=_at(date(2026, 4, 15)))
    assert staff_ratings(org.staff_a, start=date(2026, 1, 1), end=date(2026, 12, 31)) is None
