"""The citizens' SKM ratings (U6 competence, U7 courtesy) of the staff member on the appraisal page, over
the appraisal's period, from counted responses only, in one query."""

from datetime import date
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.roles import sign_in
from appraisal.tests.url_roles_appraisals import appraisal_at
from surveys.models import ReviewStatus
from surveys.tests import factories
from surveys.tests import skm_results_factories as skm

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def appraisal(org):
    return appraisal_at(org, "rater")  # Triwulan I 2026 of staff A, with kabid A


@pytest.fixture
def template(org):
    return skm.questionnaire(factories.service(unit_obj=org.bidang_a))


def _page(client, user, appraisal):
    sign_in(client, user)
    return client.get(reverse("appraisal:appraisal_detail", args=[appraisal.pk]), **EN)


def test_it_shows_the_officers_skm_ratings_of_the_appraisal_period(client, org, appraisal, template):
    in_q1 = skm.at(date(2026, 2, 3))
    skm.respond(template, [3, 3, 3, 3, 3, 4, 3, 3, 3], officer=org.staff_a, submitted_at=in_q1)
    skm.respond(template, [3, 3, 3, 3, 3, 3, 4, 3, 3], officer=org.staff_a, submitted_at=in_q1)
    skm.respond(template, [1] * 9, officer=org.staff_a, submitted_at=in_q1, status=ReviewStatus.FLAGGED)
    skm.respond(template, [1] * 9, officer=org.staff_a, submitted_at=skm.at(date(2026, 4, 2)))  # Q2
    skm.respond(template, [1] * 9, officer=org.staff_a2, submitted_at=in_q1)

    html = _page(client, org.kabid_a, appraisal).content.decode()

    assert "Citizen ratings (SKM)" in html
    assert 'id="skm-evidence-respondents">2<' in html
    assert 'id="skm-evidence-u6">3.500<' in html
    assert 'id="skm-evidence-u7">3.500<' in html


def test_it_shows_the_ratings_to_the_staff_member_too(client, org, appraisal, template):
    skm.respond(template, [4] * 9, officer=org.staff_a, submitted_at=skm.at(date(2026, 3, 1)))

    html = _page(client, org.staff_a, appraisal).content.decode()

    assert 'id="skm-evidence-u6">4.000<' in html


def test_it_shows_nothing_when_nobody_rated_the_officer(client, org, appraisal, template):
    skm.respond(template, [4] * 9, submitted_at=skm.at(date(2026, 3, 1)))  # no officer named

    html = _page(client, org.kabid_a, appraisal).content.decode()

    assert "Citizen ratings (SKM)" not in html


def test_it_costs_the_appraisal_page_exactly_one_query(client, org, appraisal, template):
    skm.respond(template, [4] * 9, officer=org.staff_a, submitted_at=skm.at(date(2026, 3, 1)))
    sign_in(client, org.kabid_a)
    url = reverse("appraisal:appraisal_detail", args=[appraisal.pk])
    client.get(url)

    with CaptureQueriesContext(connection) as with_ratings:
        assert client.get(url).status_code == 200
    with (
        mock.patch("appraisal.views.appraisals.staff_ratings", return_value=None),
        CaptureQueriesContext(connection) as without,
    ):
        client.get(url)

    assert len(with_ratings) == len(without) + 1
