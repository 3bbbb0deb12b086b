"""The public SKM form over HTTP: the citizen's journey, and every bad input storing nothing it
should not and never answering 500."""

import re
import threading
import time
from datetime import timedelta
from html.parser import HTMLParser
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from surveys.models import ReviewStatus, SurveyAnswer, SurveyResponse, SurveyTemplate
from surveys.public_forms import answer_field
from surveys.skm import abuse
from surveys.skm.questionnaires import questionnaire_publish
from surveys.tests import skm_helpers as h


class _Inputs(HTMLParser):
    """The named inputs of a page as a browser without JavaScript would post them."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("hidden", "text") and attrs.get("name"):
            self.values.setdefault(attrs["name"], attrs.get("value") or "")


def _inputs(response) -> dict:
    parser = _Inputs()
    parser.feed(response.content.decode())
    return parser.values


def _citizen(address=None, **extra):
    return Client(REMOTE_ADDR=address or h.unique_address(), HTTP_ACCEPT_LANGUAGE="en", **extra)


def _url(link):
    return reverse("skm:form", kwargs={"token": link.token})


def _thanks(link):
    return reverse("skm:thanks", kwargs={"token": link.token})


@pytest.fixture
def link(org):
    return h.survey_link(org, officer=org.staff_a, counter="Loket 2")


@pytest.fixture
def citizen():
    return _citizen()


@pytest.fixture
def one_window(monkeypatch):
    """Every post of the test falls in the same minute of the post limit, however slow the run."""
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))


def _nothing_stored():
    assert SurveyResponse.objects.count() == 0
    assert SurveyAnswer.objects.count() == 0


# The form ------------------------------------------------------------------------------------


def test_it_shows_the_form_in_indonesian_without_writing_to_the_database(org, link):
    client = Client(REMOTE_ADDR=h.unique_address())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(link))
    assert response.status_code == 200
    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in queries.captured_queries)
    assert len(queries.captured_queries) <= 3
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert org.agency.name in html and link.service.name in html and "Loket 2" in html
    assert org.staff_a.full_name in html
    assert html.count('type="radio"') == 9 * 4
    assert "Sangat sopan dan ramah" in html and "Dikelola dengan baik" in html
    assert "<details" in html and "<textarea" in html
    assert "<script" not in html and "style=" not in html and "bootstrap" not in html
    assert re.search(r'<div class="hp" aria-hidden="true">.*tabindex="-1"', html, re.S)
    assert "no-store" in response["Cache-Control"]
    assert abuse.nonce_read(_inputs(response)["nonce"]).token == link.token
    _nothing_stored()


def test_it_gives_every_visitor_a_different_form_nonce(link, citizen):
    first, second = (_inputs(citizen.get(_url(link)))["nonce"] for _ in range(2))
    assert first != second


def test_it_offers_english_through_the_language_switch(link):
    client = Client(REMOTE_ADDR=h.unique_address())
    html = client.get(_url(link)).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert f'name="next" value="{_url(link)}"' in html
    switched = client.post(reverse("set_language"), {"language": "en", "next": _url(link)})
    assert switched.status_code == 302 and switched.url == _url(link)
    html = client.get(_url(link)).content.decode()
    assert '<html lang="en">' in html
    assert "Send answers" in html


def test_it_names_the_officer_only_where_the_link_names_one(org):
    client = _citizen()
    without = h.survey_link(org)
    html = client.get(_url(without)).content.decode()
    assert html.count('type="radio"') == 9 * 4  # U6/U7 asked about the service's officers
    assert "About the officer who served you" not in html
    with_officer = h.survey_link(org, officer=org.staff_a2)
    html = client.get(_url(with_officer)).content.decode()
    assert html.count(f"About the officer who served you: {org.staff_a2.full_name}") == 2


def test_it_keeps_the_page_small(link, citizen, client):
    html = citizen.get(_url(link)).content
    css = b"".join(client.get("/static/css/skm-public.css").streaming_content)
    assert len(html) < 16_000
    assert len(css) < 6_000


# The journey ---------------------------------------------------------------------------------


def test_it_records_the_answers_and_shows_the_thank_you_page(org, link, citizen):
    data = h.form_data(link, value=4, age_band="30-39", sex="f", suggestion="  Antrean lebih cepat.  ")
    data[answer_field("U7")] = "2"
    response = citizen.post(_url(link), data, follow=True)
    assert response.redirect_chain == [(_thanks(link), 302)]
    assert response.status_code == 200
    assert "Thank you!" in response.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.officer == org.staff_a and stored.link == link and stored.service == link.service
    assert stored.review_status == ReviewStatus.CLEAN and stored.flag_reasons == ""
    assert (stored.age_band, stored.sex, stored.education) == ("30-39", "f", "")
    assert (stored.suggestion, stored.suggestion_status) == ("Antrean lebih cepat.", "new")
    assert stored.fill_seconds >= 30
    assert stored.ip_hash == abuse.ip_hash(citizen.defaults["REMOTE_ADDR"])
    assert citizen.defaults["REMOTE_ADDR"] not in str(SurveyResponse.objects.values().get())
    assert dict(stored.answers.values_list("element__code", "value")) == {**h.answers(4), "U7": 2}


def test_it_works_with_javascript_off_as_a_plain_form_post_with_csrf(link):
    browser = _citizen(enforce_csrf_checks=True)
    page = browser.get(_url(link))
    data = _inputs(page)
    assert set(data) == {"csrfmiddlewaretoken", "nonce", "website", "next"}
    data.pop("next")  # belongs to the language switch
    data.update({answer_field(code): "3" for code in h.CODES})
    response = browser.post(_url(link), data)
    assert response.status_code == 302 and response.url == _thanks(link)
    assert SurveyResponse.objects.count() == 1 and SurveyAnswer.objects.count() == 9


def test_it_stores_a_submit_in_under_three_seconds_flagged(link, citizen, settings):
    settings.LANGUAGE_CODE = "en"  # the flag reason is written in the site's language
    data = _inputs(citizen.get(_url(link)))
    data.update({answer_field(code): "4" for code in h.CODES})
    response = citizen.post(_url(link), data)
    assert response.status_code == 302 and response.url == _thanks(link)
    stored = SurveyResponse.objects.get()
    assert stored.review_status == ReviewStatus.FLAGGED
    assert stored.fill_seconds < 3
    assert "faster than the minimum of 3 s" in stored.flag_reasons
    assert stored.answers.count() == 9


def test_it_refuses_a_post_without_the_csrf_token(link):
    browser = _citizen(enforce_csrf_checks=True)
    response = browser.post(_url(link), h.form_data(link))
    assert response.status_code == 403
    _nothing_stored()


def test_it_stores_nothing_when_the_honeypot_is_filled_and_still_says_thank_you(link, citizen):
    response = citizen.post(_url(link), h.form_data(link, website="http://spam.example"))
    assert response.status_code == 302 and response.url == _thanks(link)
    _nothing_stored()


# Bad input -----------------------------------------------------------------------------------


def test_it_refuses_a_replayed_nonce(link, citizen):
    data = h.form_data(link)
    assert citizen.post(_url(link), data).status_code == 302
    again = citizen.post(_url(link), data)
    assert again.status_code == 409
    assert "already sent" in again.content.decode()
    assert SurveyResponse.objects.count() == 1 and SurveyAnswer.objects.count() == 9


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_stores_one_response_for_twenty_parallel_posts_of_one_nonce(org):
    link = h.survey_link(org, officer=org.staff_a)
    data = h.form_data(link)
    barrier = threading.Barrier(20)
    statuses, lock = [], threading.Lock()

    def post():
        client = _citizen()  # twenty addresses: every post reaches the nonce check
        try:
            barrier.wait(timeout=10)
            status = client.post(_url(link), data).status_code
        except Exception as error:  # noqa: BLE001 - any exception is a failure of this test
            status = repr(error)
        finally:
            connection.close()
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses, key=str) == [302] + [409] * 19
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 9


@pytest.mark.parametrize("value", ["0", "5", "-1", "4.0", "abc", "", "99999999999999999999"])
def test_it_refuses_answers_outside_one_to_four(link, citizen, value):
    data = h.form_data(link, **{answer_field("U3"): value})
    response = citizen.post(_url(link), data)
    assert response.status_code == 200
    assert 'class="q q-err" id="q-U3"' in response.content.decode()
    _nothing_stored()


def test_it_refuses_missing_elements_and_keeps_the_other_answers(link, citizen):
    data = h.form_data(link, value=2)
    del data[answer_field("U6")], data[answer_field("U9")]
    response = citizen.post(_url(link), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please choose an answer." in html
    assert 'id="q-U6"' in html and html.count("q q-err") == 2
    assert html.count("checked") == 7
    assert _inputs(response)["nonce"] == data["nonce"]  # the same form, still unused
    _nothing_stored()


@pytest.mark.parametrize(
    "field,value",
    [("age_band", "17"), ("sex", "x"), ("education", "phd"), ("occupation", "astronaut")],
)
def test_it_refuses_profile_answers_not_offered(link, citizen, field, value):
    response = citizen.post(_url(link), h.form_data(link, **{field: value}))
    assert response.status_code == 200
    _nothing_stored()


@pytest.mark.parametrize("text", ["x" * 2001, "ada\x00nol"])
def test_it_refuses_a_suggestion_too_long_or_with_a_null_character(link, citizen, text):
    response = citizen.post(_url(link), h.form_data(link, suggestion=text))
    assert response.status_code == 200
    _nothing_stored()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda nonce: nonce[:-1] + ("A" if nonce[-1] != "A" else "B"),
        lambda nonce: "X" + nonce,
        lambda nonce: "",
        lambda nonce: "a:b:c",
        lambda nonce: abuse.nonce_issue(
            token="someotherlink", template_id=abuse.nonce_read(nonce).template_id
        ),
    ],
    ids=["signature", "payload", "missing", "garbage", "other-link"],
)
def test_it_refuses_a_tampered_nonce_and_offers_a_fresh_form(link, citizen, tamper):
    data = h.form_data(link)
    data["nonce"] = tamper(data["nonce"])
    response = citizen.post(_url(link), data)
    assert response.status_code == 200
    assert "The form could not be checked" in response.content.decode()
    fresh = _inputs(response)["nonce"]
    assert fresh != data["nonce"] and abuse.nonce_read(fresh).token == link.token
    _nothing_stored()


def test_it_offers_a_fresh_form_with_the_answers_when_the_form_expired(link, citizen):
    data = h.form_data(link, value=1, seconds_ago=3 * 60 * 60)
    response = citizen.post(_url(link), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "open for too long" in html
    assert html.count("checked") == 9
    _nothing_stored()
    resent = citizen.post(_url(link), {**data, "nonce": _inputs(response)["nonce"]})
    assert resent.status_code == 302
    assert SurveyResponse.objects.get().review_status == ReviewStatus.CLEAN


def test_it_asks_again_when_the_questionnaire_changed_while_answering(org, link, citizen):
    data = h.form_data(link)
    questionnaire_publish(service=link.service, by=org.hr, ask_profile=False)
    response = citizen.post(_url(link), data)
    assert response.status_code == 200
    assert "questionnaire was updated" in response.content.decode()
    assert abuse.nonce_read(_inputs(response)["nonce"]).template_id == h.questionnaire(link).pk
    _nothing_stored()


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_an_unknown_or_altered_link(link, citizen, method):
    altered = link.token[:-1] + ("a" if link.token[-1] != "a" else "b")
    for token in ("doesnotexist1234", altered, "x" * 300, "ü" * 20, "' OR 1=1 --"):
        response = getattr(citizen, method)(reverse("skm:form", kwargs={"token": token}), h.form_data(link))
        assert response.status_code == 404
        assert "Survey not found" in response.content.decode()
    assert citizen.get(reverse("skm:thanks", kwargs={"token": "doesnotexist1234"})).status_code == 404
    _nothing_stored()


@pytest.mark.parametrize("closed_by", ["paused", "ended", "service_inactive"])
def test_it_says_a_paused_or_ended_link_is_closed(link, citizen, closed_by):
    data = h.form_data(link)
    if closed_by == "paused":
        type(link).objects.filter(pk=link.pk).update(is_paused=True)
    elif closed_by == "ended":
        type(link).objects.filter(pk=link.pk).update(ends_on=timezone.localdate() - timedelta(days=1))
    else:
        type(link.service).objects.filter(pk=link.service_id).update(is_active=False)
    for response in (citizen.get(_url(link)), citizen.post(_url(link), data)):
        assert response.status_code == 410
        assert "This survey is closed" in response.content.decode()
    _nothing_stored()


def test_it_takes_answers_on_the_last_day_of_a_link(link, citizen):
    type(link).objects.filter(pk=link.pk).update(ends_on=timezone.localdate())
    assert citizen.post(_url(link), h.form_data(link)).status_code == 302


def test_it_refuses_other_methods(link, citizen):
    assert citizen.put(_url(link)).status_code == 405
    assert citizen.post(_thanks(link)).status_code == 405
    assert citizen.get(_thanks(link)).status_code == 200


# Post limit and client address ---------------------------------------------------------------


def test_it_answers_429_to_the_eleventh_post_in_a_minute_and_keeps_the_answers(link, citizen, one_window):
    for _ in range(10):
        assert citizen.post(_url(link), h.form_data(link)).status_code == 302
    response = citizen.post(_url(link), h.form_data(link, value=2))
    assert response.status_code == 429
    html = response.content.decode()
    assert "wait a minute" in html and html.count("checked") == 9
    assert SurveyResponse.objects.count() == 10
    assert citizen.get(_url(link)).status_code == 200  # reading is never limited
    assert _citizen().post(_url(link), h.form_data(link)).status_code == 302  # another address


def test_it_counts_posts_that_store_nothing_too(link, citizen, one_window):
    for _ in range(10):
        assert citizen.post(_url(link), {}).status_code == 200
    assert citizen.post(_url(link), h.form_data(link)).status_code == 429
    _nothing_stored()


def test_it_ignores_a_spoofed_forwarded_for_without_behind_proxy(link, citizen, one_window, settings):
    settings.BEHIND_PROXY = False
    for n in range(10):
        forged = {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}
        assert citizen.post(_url(link), h.form_data(link), **forged).status_code == 302
    refused = citizen.post(_url(link), h.form_data(link), HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert refused.status_code == 429
    assert set(SurveyResponse.objects.values_list("ip_hash", flat=True)) == {
        abuse.ip_hash(citizen.defaults["REMOTE_ADDR"])
    }


def test_it_uses_the_forwarded_for_header_behind_a_proxy(link, settings):
    settings.BEHIND_PROXY = True
    proxy = _citizen(address="10.255.255.254")
    for _citizen_number in range(11):  # eleven citizens behind one proxy: none is limited
        address = h.unique_address()
        response = proxy.post(_url(link), h.form_data(link), HTTP_X_FORWARDED_FOR=f"203.0.113.7, {address}")
        assert response.status_code == 302
        assert SurveyResponse.objects.latest("pk").ip_hash == abuse.ip_hash(address)
    assert SurveyResponse.objects.count() == 11


def test_it_uses_the_proxy_address_when_the_forwarded_header_is_not_an_address(link, settings):
    settings.BEHIND_PROXY = True
    proxy = _citizen()
    assert proxy.post(_url(link), h.form_data(link), HTTP_X_FORWARDED_FOR="unknown").status_code == 302
    assert SurveyResponse.objects.get().ip_hash == abuse.ip_hash(proxy.defaults["REMOTE_ADDR"])


def test_it_takes_the_answers_when_the_cache_is_down(link, citizen, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    monkeypatch.setattr(abuse, "get_usage", down)
    assert citizen.post(_url(link), h.form_data(link)).status_code == 302
    assert SurveyResponse.objects.count() == 1


def test_it_stores_complete_answers_in_one_statement_without_reading_the_link(
    link, citizen, django_assert_num_queries
):
    assert citizen.get(_url(link)).status_code == 200  # the questionnaire is read with the form
    data = h.form_data(link)
    with django_assert_num_queries(1):
        assert citizen.post(_url(link), data).status_code == 302
    assert SurveyResponse.objects.get().answers.count() == 9


def test_it_flags_an_address_that_answers_through_one_link_too_often(link, citizen, settings):
    settings.SKM_REPEAT_LIMIT = 2
    for _ in range(3):
        assert citizen.post(_url(link), h.form_data(link)).status_code == 302
    statuses = list(SurveyResponse.objects.order_by("pk").values_list("review_status", flat=True))
    assert statuses == [ReviewStatus.CLEAN, ReviewStatus.CLEAN, ReviewStatus.FLAGGED]


def test_it_serves_the_new_questionnaire_once_published(org, link, citizen):
    assert citizen.post(_url(link), h.form_data(link)).status_code == 302
    questionnaire_publish(service=link.service, by=org.hr, ask_suggestion=False)
    response = citizen.get(_url(link))
    assert "<textarea" not in response.content.decode()
    assert abuse.nonce_read(_inputs(response)["nonce"]).template_id == h.questionnaire(link).pk
    assert SurveyTemplate.objects.filter(service=link.service).count() == 2
