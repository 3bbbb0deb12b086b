"""The appraisal screens with bad input: off-scale ratings by raw POST, a final appraisal, approving
one's own, a supervisor outside the chain, two saves of the same form; and the team list's queries."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests import factories as staff_factories
from appraisal.forms.appraisals import initial_assessment
from appraisal.models import Appraisal, AppraisalStatus, CompetencyAssessment, ResultRating
from appraisal.selectors.appraisals import appraisal_rows
from appraisal.tests import factories
from appraisal.tests.url_roles_appraisals import appraisal_at, year_of

BACKEND = "accounts.backends.NipOrUsernameBackend"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _as(client, user):
    client.force_login(getattr(user, "user", user), backend=BACKEND)
    return client


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _form_data(appraisal, **changes):
    """What the rater's form posts when sent unchanged, with some fields changed."""
    initial = initial_assessment(appraisal, appraisal_rows(appraisal))
    data = {name: "" if value is None else value for name, value in initial.items()}
    data.update(changes)
    return data


def _assess(client, appraisal, **changes):
    url = reverse("appraisal:appraisal_assess", args=[appraisal.pk])
    return client.post(url, _form_data(appraisal, **changes), **EN)


@pytest.fixture
def with_rater(org):
    return appraisal_at(org, "rater")


def _stored(appraisal):
    return (
        list(
            ResultRating.objects.filter(appraisal=appraisal).order_by("pk").values_list("rating", "feedback")
        ),
        list(
            CompetencyAssessment.objects.filter(appraisal=appraisal)
            .order_by("pk")
            .values_list("level", flat=True)
        ),
        Appraisal.objects.filter(pk=appraisal.pk).values_list("results_rating", "version").get(),
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rhk", "excellent"),
        ("rhk", "ABOVE"),
        ("results_rating", "sangat_baik"),
        ("behaviour_rating", "5"),
        ("level", "0"),
        ("level", "6"),
        ("level", "2.5"),
        ("level", "three"),
    ],
)
def test_it_refuses_a_rating_off_the_scale_sent_by_raw_post_and_stores_nothing(
    client, org, with_rater, field, value
):
    rhk_id = with_rater.result_ratings.first().rhk_id
    competency_id = with_rater.competency_levels.first().competency_id
    name = {
        "rhk": f"rhk_{rhk_id}_rating",
        "level": f"comp_{competency_id}_level",
    }.get(field, field)
    before = _stored(with_rater)
    other = f"rhk_{with_rater.result_ratings.last().rhk_id}_rating"

    response = _assess(_as(client, org.kabid_a), with_rater, **{name: value, other: "meets"})

    assert response.status_code == 200
    assert response.context["form"].errors[name]
    assert _stored(with_rater) == before


def test_it_refuses_a_below_rating_without_feedback_at_its_field(client, org, with_rater):
    rhk_id = with_rater.result_ratings.first().rhk_id

    response = _assess(_as(client, org.kabid_a), with_rater, **{f"rhk_{rhk_id}_rating": "below"})

    assert response.status_code == 200
    assert "write feedback on how to improve" in str(
        response.context["form"].errors[f"rhk_{rhk_id}_feedback"]
    )
    assert not ResultRating.objects.filter(appraisal=with_rater, rating="below").exists()


def test_it_tells_the_second_of_two_saves_of_the_same_form_that_someone_else_changed_it(
    client, org, with_rater
):
    first, second = _form_data(with_rater), _form_data(with_rater)
    rhk_id = with_rater.result_ratings.first().rhk_id
    first[f"rhk_{rhk_id}_rating"], second[f"rhk_{rhk_id}_rating"] = "above", "meets"
    url = reverse("appraisal:appraisal_assess", args=[with_rater.pk])
    _as(client, org.kabid_a)

    assert client.post(url, first, **EN).status_code == 302
    response = client.post(url, second, **EN)

    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    assert ResultRating.objects.get(appraisal=with_rater, rhk_id=rhk_id).rating == "above"


def test_it_leaves_a_final_appraisal_unchanged_whatever_is_posted(client, org):
    final = appraisal_at(org, "final")
    before = _stored(final)
    rhk_id = final.result_ratings.first().rhk_id

    response = _assess(_as(client, org.kabid_a), final, **{f"rhk_{rhk_id}_rating": "above", "action": "save"})
    assert response.status_code == 200
    assert "no longer with the rater" in response.content.decode()

    self_form = reverse("appraisal:appraisal_self", args=[final.pk])
    response = _as(client, org.staff_a).post(self_form, {"version": final.version, "comment": "x"}, **EN)
    assert "sent to the rater" in response.content.decode()

    review = reverse("appraisal:appraisal_review", args=[final.pk])
    _as(client, org.head).post(review, {"action": "return", "comment": "Ulangi"}, **EN)

    assert _stored(final) == before
    assert Appraisal.objects.get(pk=final.pk).status == AppraisalStatus.FINAL


def test_it_refuses_to_let_anyone_approve_their_own_appraisal(client, org):
    submitted = appraisal_at(org, "submitted")
    url = reverse("appraisal:appraisal_review", args=[submitted.pk])

    response = _as(client, org.staff_a).post(url, {"action": "approve"}, follow=True, **EN)
    assert "Nobody approves their own appraisal." in _messages(response)

    response = _as(client, org.kabid_a).post(url, {"action": "approve"}, follow=True, **EN)
    assert "The rater's superior approves the appraisal, not the rater." in _messages(response)

    assert Appraisal.objects.get(pk=submitted.pk).status == AppraisalStatus.SUBMITTED


def test_it_hides_an_appraisal_from_a_supervisor_outside_the_chain(client, org):
    elsewhere = staff_factories.staff(unit_obj=org.root, supervisor=org.head, name="Sekretaris")
    colleague = staff_factories.staff(unit_obj=org.root, supervisor=elsewhere, name="Staf Sekretariat")
    theirs = appraisal_at(org, "rater", staff=colleague, rater=elsewhere)
    _as(client, org.kabid_a)

    for name in ("appraisal_detail", "appraisal_assess", "plan_edit"):
        assert client.get(reverse(f"appraisal:{name}", args=[theirs.pk])).status_code == 404
    response = client.post(reverse("appraisal:appraisal_assess", args=[theirs.pk]), _form_data(theirs))
    assert response.status_code == 404
    assert Appraisal.objects.get(pk=theirs.pk).version == theirs.version


def test_it_shows_the_staff_member_the_raters_ratings_only_once_final(client, org):
    submitted = appraisal_at(org, "submitted")
    url = reverse("appraisal:appraisal_detail", args=[submitted.pk])
    _as(client, org.staff_a)

    assert (
        "Your rater's assessment is shown here once the appraisal is final."
        in client.get(url, **EN).content.decode()
    )

    _as(client, org.head).post(
        reverse("appraisal:appraisal_review", args=[submitted.pk]), {"action": "approve"}
    )
    page = _as(client, org.staff_a).get(url, **EN).content.decode()
    assert "Good (Baik)" in page


def _team(org, size):
    year = year_of(org)
    factories.approved_skp(org.kabid_a, year)
    for n in range(size):
        member = staff_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, name=f"Anggota {n:02d}")
        if n % 2 == 0:
            appraisal_at(org, "rater", staff=member)
        else:
            factories.approved_skp(member, year)


@pytest.mark.parametrize("size", [5, 50])
def test_it_lists_the_team_appraisals_in_the_same_number_of_queries_for_5_and_50_staff(client, org, size):
    _team(org, size)
    _as(client, org.kabid_a)
    url = reverse("appraisal:appraisal_team") + f"?period={year_of(org).periods.get(sequence=1).pk}"
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    # Staff A, A2 and (through the Plt) B report to kabid A besides the new members.
    assert len(response.context["rows"]) == size + 3
    assert all(f"Anggota {n:02d}" in response.content.decode() for n in range(size))
    # Session, user, staff profile and roles, the bell's count, the year, its periods and what waits
    # in each, then members, plans and appraisals.
    assert len(queries) == 11
