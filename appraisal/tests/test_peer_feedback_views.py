"""360° feedback screens: the rater's form, the person rated's results (and what they must never
show), the requesters' list and form, access by role, query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests import factories as account_factories
from accounts.tests.roles import sign_in
from appraisal.models import CoreValue, FeedbackAnswer, FeedbackInvitation, FeedbackRequest
from appraisal.tests.url_roles_peer_feedback import answer, period_of, request_for

BACKEND = "accounts.backends.NipOrUsernameBackend"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
MINE = reverse("appraisal:peer_feedback_mine")
INBOX = reverse("appraisal:peer_feedback_inbox")
REQUESTS = reverse("appraisal:peer_feedback_requests")
CREATE = reverse("appraisal:peer_feedback_request_create")


def _get(client, url, **params):
    return client.get(url, params, **EN)


def _html(response):
    return response.content.decode()


def _assert_no_inline_code(html):
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def _answer_url(request, rater):
    return reverse(
        "appraisal:peer_feedback_answer",
        args=[FeedbackInvitation.objects.get(request=request, rater=rater).pk],
    )


def _form_data(score=4, comment=""):
    data = {}
    for value in CoreValue.values:
        data[f"{value}_score"] = score
        data[f"{value}_comment"] = comment
    return data


def _colleagues(org, n, prefix):
    return [
        account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, name=f"{prefix} {i:02d}")
        for i in range(n)
    ]


@pytest.fixture
def feedback(org):
    """A request on staff A2 asked by kabid A: staff A and staff B as peers, kabid A and the head as
    supervisors."""
    return request_for(
        org,
        org.staff_a2,
        supervisors=[org.kabid_a, org.head],
        peers=[org.staff_a, org.staff_b],
        by=org.kabid_a.user,
    )


# --- The rater --------------------------------------------------------------------------------------


def test_it_lists_requests_to_the_rater_with_a_link_to_answer(client, org, feedback):
    html = _html(_get(sign_in(client, org.staff_a), INBOX))
    assert org.staff_a2.full_name in html
    assert _answer_url(feedback, org.staff_a) in html
    _assert_no_inline_code(html)


def test_it_shows_one_fieldset_with_a_1_to_5_radio_group_and_a_labelled_comment_per_value(
    client, org, feedback
):
    response = _get(sign_in(client, org.staff_a), _answer_url(feedback, org.staff_a))
    html = _html(response)
    assert response.status_code == 200
    assert html.count("<fieldset") == 7
    for value, label in CoreValue.choices:
        assert f">{label}</legend>" in html
        for score in range(1, 6):
            radio_id = f"id_{value}_score_{score - 1}"
            assert f'id="{radio_id}"' in html and f'for="{radio_id}"' in html
        assert f'for="id_{value}_comment"' in html
    _assert_no_inline_code(html)


def test_it_stores_the_answers_and_refuses_a_second_submission_on_the_form(client, org, feedback):
    url = _answer_url(feedback, org.staff_a)
    sign_in(client, org.staff_a)
    response = client.post(url, _form_data(5), **EN)
    assert response.status_code == 302 and response.url == INBOX
    assert FeedbackAnswer.objects.count() == 7
    again = client.post(url, _form_data(1, "Jawaban kedua"), **EN)
    assert again.status_code == 200
    assert "You have already answered this request." in _html(again)
    assert set(FeedbackAnswer.objects.values_list("score", flat=True)) == {5}
    back = _get(client, url)
    assert back.status_code == 302 and back.url == INBOX


def test_it_asks_for_a_comment_on_a_low_score_and_stores_nothing(client, org, feedback):
    data = {**_form_data(4), f"{CoreValue.LOYAL}_score": 2}
    response = sign_in(client, org.staff_a).post(_answer_url(feedback, org.staff_a), data, **EN)
    assert response.status_code == 200
    assert "A low score needs a comment" in _html(response)
    assert not FeedbackAnswer.objects.exists()


def test_it_hides_another_raters_answer_page_from_everyone_else(client, org, feedback):
    url = _answer_url(feedback, org.staff_a)
    # The requester and fellow rater, the person rated, HR, a fellow rater, the super admin.
    for user in (org.kabid_a, org.staff_a2, org.hr, org.staff_b, org.superadmin):
        client.logout()
        assert _get(sign_in(client, user), url).status_code == 404
        assert client.post(url, _form_data(), **EN).status_code == 404
    assert not FeedbackAnswer.objects.exists()


# --- The person rated -------------------------------------------------------------------------------


def test_it_shows_nothing_numeric_and_no_comments_from_two_answers(client, org, feedback):
    answer(feedback, org.staff_a, score=2, comment="Komentar rahasia satu")
    answer(feedback, org.head, score=5, comment="Komentar rahasia dua")
    FeedbackRequest.objects.filter(pk=feedback.pk).update(closes_on=feedback.period.starts_on)  # closed
    html = _html(_get(sign_in(client, org.staff_a2), MINE))
    assert "Not enough answers yet" in html
    assert "<meter" not in html
    assert "Komentar rahasia" not in html
    main = html.split('id="main"', 1)[1]
    assert not re.search(r"\b[1-5][.,][0-9]\b", main)


def test_it_shows_aggregates_from_three_answers_without_any_rater_name_or_nip(client, org, feedback):
    answer(feedback, org.staff_a, score=2, comment="Perlu lebih teliti")
    answer(feedback, org.staff_b, score=4)
    answer(feedback, org.kabid_a, score=5)
    answer(feedback, org.head, score=3)  # everyone has answered
    response = _get(sign_in(client, org.staff_a2), MINE)
    html = _html(response)
    assert response.status_code == 200
    assert html.count("<meter") == 7
    assert "Others (groups with fewer answers together)" in html
    assert "Perlu lebih teliti" in html
    for rater in (org.staff_a, org.staff_b, org.kabid_a, org.head):
        assert not re.search(rf"{re.escape(rater.name)}(?!\w)", html)  # "Staf A" but not "Staf A2"
        assert rater.nip not in html
    _assert_no_inline_code(html)


def test_it_shows_the_person_rated_nothing_of_requests_about_others(client, org, feedback):
    for rater in (org.staff_a, org.staff_b, org.head):
        answer(feedback, rater, comment="Tentang A2")
    html = _html(_get(sign_in(client, org.staff_a), MINE))
    assert "Tentang A2" not in html and "<meter" not in html


# --- Requesters and HR ------------------------------------------------------------------------------


def test_it_shows_the_requester_who_owes_an_answer_but_not_what_anyone_answered(client, org, feedback):
    answer(feedback, org.staff_a, score=1, comment="Jawaban yang tidak boleh terlihat")
    for user in (org.kabid_a, org.hr):
        client.logout()
        html = _html(_get(sign_in(client, user), REQUESTS))
        assert "answered 1 of 4" in html
        for rater in (org.staff_a, org.staff_b, org.kabid_a, org.head):
            assert rater.full_name in html
        assert html.count(">answered</span>") == 1 and html.count(">not yet</span>") == 3
        assert "Jawaban yang tidak boleh terlihat" not in html
        assert "<meter" not in html
        _assert_no_inline_code(html)


def test_it_keeps_a_managers_own_request_out_of_their_request_list(client, org):
    request_for(
        org,
        org.kabid_a,
        supervisors=[org.head],
        subordinates=[org.staff_a, org.staff_a2, org.staff_b],
        by=org.head.user,
    )
    html = _html(_get(sign_in(client, org.kabid_a), REQUESTS))
    assert "No 360° feedback has been asked for yet." in html
    assert org.staff_a2.full_name not in html


def test_it_asks_whom_first_then_offers_the_raters_of_each_group(client, org):
    period_of(org)
    sign_in(client, org.kabid_a)
    first = _html(_get(client, CREATE))
    assert 'name="subject"' in first and org.staff_a.full_name in first
    assert org.outsider.full_name not in first
    assert f'<option value="{org.kabid_a.pk}"' not in first  # nobody asks for feedback on themself
    second = _html(_get(client, CREATE, subject=org.staff_a.pk))
    assert 'name="supervisors"' in second and 'name="peers"' in second
    assert 'name="subordinates"' not in second  # staff A supervises nobody
    _assert_no_inline_code(second)
    manager = _html(_get(sign_in(client, org.head), CREATE, subject=org.kabid_a.pk))
    assert 'name="subordinates"' in manager


def test_it_creates_a_request_from_the_form_and_explains_a_refusal(client, org):
    period = period_of(org)
    sign_in(client, org.kabid_a)
    url = f"{CREATE}?subject={org.staff_a.pk}"
    data = {"period": period.pk, "closes_on": (period.ends_on + timedelta(days=1)).isoformat(), "note": ""}
    refused = client.post(url, {**data, "supervisors": [org.kabid_a.pk], "peers": [org.staff_a2.pk]}, **EN)
    assert refused.status_code == 200
    assert "results are shown only once 3 people have answered" in _html(refused)
    assert not FeedbackRequest.objects.exists()
    done = client.post(
        url, {**data, "supervisors": [org.kabid_a.pk, org.head.pk], "peers": [org.staff_a2.pk]}, **EN
    )
    request = FeedbackRequest.objects.get()
    assert done.status_code == 302 and done.url.endswith(f"#request-{request.pk}")
    assert request.subject == org.staff_a and request.requested_by == org.kabid_a.user
    assert request.invitations.count() == 3


def test_it_does_not_let_a_supervisor_choose_someone_outside_their_chain(client, org):
    period_of(org)
    response = _get(sign_in(client, org.kabid_a), CREATE, subject=org.outsider.pk)
    assert response.status_code == 200
    assert 'name="supervisors"' not in _html(response)


# --- Query counts -----------------------------------------------------------------------------------


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url).status_code == 200
    return len(queries)


def test_it_reads_the_results_page_in_the_same_number_of_queries_for_3_or_30_raters(client, org):
    period = period_of(org)
    counts = []
    for subject, n in ((org.staff_a, 3), (org.staff_a2, 30)):
        raters = _colleagues(org, n, f"Penilai {n}")
        request = request_for(org, subject, peers=raters, period=period)
        for rater in raters:
            answer(request, rater, comment=f"Catatan {rater.pk}")
        client.logout()
        counts.append(_count_queries(sign_in(client, subject), MINE))
    assert counts[0] == counts[1]


def test_it_reads_the_request_list_in_the_same_number_of_queries_for_3_or_30_raters(client, org):
    period = period_of(org)
    sign_in(client, org.hr)
    raters = _colleagues(org, 3, "Penilai A")
    request_for(org, org.staff_a, peers=raters, period=period)
    few = _count_queries(client, REQUESTS)
    FeedbackRequest.objects.all().delete()
    raters = _colleagues(org, 30, "Penilai B")
    request = request_for(org, org.staff_a, peers=raters, period=period)
    for rater in raters[:10]:
        answer(request, rater)
    assert _count_queries(client, REQUESTS) == few
