"""360° feedback: database constraints, the request and answer services, and the protection rules of
the results selector."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from accounts.tests import factories as account_factories
from appraisal.models import CoreValue, FeedbackAnswer, FeedbackInvitation, FeedbackRequest, RaterGroup
from appraisal.selectors import peer_feedback as selectors
from appraisal.services import peer_feedback as services
from appraisal.tests import factories
from appraisal.tests.url_roles_peer_feedback import all_values, answer, period_of, request_for


def _colleagues(org, n, prefix="Rekan"):
    return [
        account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a, name=f"{prefix} {i}")
        for i in range(n)
    ]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def period(org):
    return period_of(org)


@pytest.fixture
def feedback(org, period):
    """A request on staff A: kabid A and the head as supervisors, staff A2 and staff B as peers."""
    return request_for(
        org,
        org.staff_a,
        supervisors=[org.kabid_a, org.head],
        peers=[org.staff_a2, org.staff_b],
        period=period,
    )


def _invitation(request, rater):
    return FeedbackInvitation.objects.get(request=request, rater=rater)


def _nothing_stored():
    return FeedbackRequest.objects.count() == 0 and FeedbackInvitation.objects.count() == 0


# --- The database states the invariants -----------------------------------------------------------


@pytest.mark.parametrize("score", [0, 6])
def test_it_refuses_a_score_outside_1_to_5_in_the_database(org, feedback, score):
    invitation = _invitation(feedback, org.staff_a2)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackAnswer.objects.create(invitation=invitation, value=CoreValue.LOYAL, score=score)


def test_it_refuses_a_second_answer_for_one_value_in_the_database(org, feedback):
    invitation = _invitation(feedback, org.staff_a2)
    FeedbackAnswer.objects.create(invitation=invitation, value=CoreValue.LOYAL, score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackAnswer.objects.create(invitation=invitation, value=CoreValue.LOYAL, score=4)


def test_it_refuses_a_second_invitation_of_the_same_rater_in_the_database(org, feedback):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackInvitation.objects.create(
            request=feedback, subject=org.staff_a, rater=org.staff_a2, group=RaterGroup.SUPERVISOR
        )


def test_it_refuses_a_self_rating_and_an_unknown_group_in_the_database(org, feedback):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackInvitation.objects.create(
            request=feedback, subject=org.staff_a, rater=org.staff_a, group=RaterGroup.PEER
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackInvitation.objects.create(
            request=feedback, subject=org.staff_a, rater=org.outsider, group="boss"
        )


def test_it_refuses_a_second_request_for_one_person_and_period_in_the_database(org, feedback):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackRequest.objects.create(
            subject=org.staff_a, period=feedback.period, requested_by=org.hr, closes_on=feedback.closes_on
        )


# --- Asking for feedback ----------------------------------------------------------------------------


def test_it_invites_the_chosen_raters_in_their_groups(org, feedback):
    invitations = {i.rater_id: i for i in feedback.invitations.all()}
    assert {pk: i.group for pk, i in invitations.items()} == {
        org.kabid_a.pk: RaterGroup.SUPERVISOR,
        org.head.pk: RaterGroup.SUPERVISOR,
        org.staff_a2.pk: RaterGroup.PEER,
        org.staff_b.pk: RaterGroup.PEER,
    }
    assert all(i.subject_id == org.staff_a.pk and i.answered_at is None for i in invitations.values())


@pytest.mark.parametrize(
    ("requester", "subject"),
    [
        ("kabid_a", "staff_a"),  # direct supervisor
        ("head", "staff_a"),  # further up the chain
        ("kabid_a", "staff_b"),  # Plt for staff B's retired head
        ("hr", "staff_b"),
        ("superadmin", "staff_b"),
    ],
)
def test_it_lets_the_supervisor_chain_and_hr_ask(org, period, requester, subject):
    user = getattr(org, requester)
    user = getattr(user, "user", user)
    subject = getattr(org, subject)
    peers = [s for s in (org.staff_a, org.staff_a2, org.staff_b) if s != subject]
    request = request_for(org, subject, supervisors=[org.head], peers=peers, by=user, period=period)
    assert request.invitations.count() == 3


@pytest.mark.parametrize("requester", ["staff_a2", "outsider", "other_hr", "staff_a"])
def test_it_refuses_others_and_the_person_themself_and_stores_nothing(org, period, requester):
    user = getattr(org, requester)
    user = getattr(user, "user", user)
    with pytest.raises(ValidationError, match="Only the supervisors"):
        request_for(org, org.staff_a, supervisors=[org.kabid_a], peers=[org.staff_a2, org.staff_b], by=user)
    assert _nothing_stored()


def _refused_request(org, period, **groups):
    with pytest.raises(ValidationError) as error:
        request_for(org, org.staff_a, period=period, **groups)
    assert _nothing_stored()
    return " ".join(error.value.messages)


def test_it_needs_three_raters_and_says_why(org, period):
    message = _refused_request(org, period, supervisors=[org.kabid_a], peers=[org.staff_a2])
    assert "at least 3 raters" in message
    assert "results are shown only once 3 people have answered" in message


def test_it_refuses_raters_outside_the_agency_inactive_or_the_person_themself(org, period):
    message = _refused_request(
        org, period, supervisors=[org.kabid_a], peers=[org.staff_a, org.outsider, org.kabid_b, org.staff_b]
    )
    assert "cannot rate themself" in message
    assert f"{org.outsider.full_name} is not active staff of this agency" in message
    assert f"{org.kabid_b.full_name} is not active staff of this agency" in message


def test_it_refuses_subordinates_for_someone_without_any(org, period):
    message = _refused_request(
        org, period, supervisors=[org.kabid_a], peers=[org.staff_b], subordinates=[org.staff_a2]
    )
    assert "has no subordinates" in message


def test_it_refuses_a_subordinate_or_supervisor_in_the_wrong_group(org, period):
    with pytest.raises(ValidationError) as error:
        request_for(
            org,
            org.kabid_a,
            supervisors=[org.head, org.staff_b],
            peers=[org.staff_a2],
            subordinates=[org.staff_a, org.outsider],
            period=period,
        )
    message = " ".join(error.value.messages)
    assert f"{org.staff_b.full_name} is not in the supervisor chain" in message
    assert f"{org.outsider.full_name} is not a subordinate" in message
    assert _nothing_stored()


def test_it_refuses_one_rater_in_two_groups(org, period):
    message = _refused_request(org, period, supervisors=[org.kabid_a], peers=[org.kabid_a, org.staff_a2])
    assert "more than one group" in message


def test_it_lets_a_manager_be_rated_by_subordinates_incl_those_of_an_acting_post(org, period):
    request = request_for(
        org, org.kabid_a, supervisors=[org.head], subordinates=[org.staff_a, org.staff_b], period=period
    )
    assert set(request.invitations.values_list("group", flat=True)) == {"supervisor", "subordinate"}


def test_it_refuses_a_past_closing_date_a_foreign_period_and_a_second_request(org, period):
    raters = {"supervisors": [org.kabid_a], "peers": [org.staff_a2, org.staff_b]}
    with pytest.raises(ValidationError, match="cannot be in the past"):
        request_for(org, org.staff_a, period=period, days=-1, **raters)
    foreign = factories.performance_year(org.other_agency).periods.first()
    with pytest.raises(ValidationError, match="agency of the person rated"):
        request_for(org, org.staff_a, period=foreign, **raters)
    assert _nothing_stored()
    request_for(org, org.staff_a, period=period, **raters)
    with pytest.raises(ValidationError, match="already been asked for"):
        request_for(org, org.staff_a, period=period, **raters)
    assert FeedbackRequest.objects.count() == 1


# --- Answering --------------------------------------------------------------------------------------


def test_it_stores_all_seven_answers_once(org, feedback):
    invitation = answer(feedback, org.staff_a2, score=5)
    assert invitation.answered_at is not None
    assert FeedbackAnswer.objects.filter(invitation=invitation).count() == 7
    with pytest.raises(ValidationError, match="already answered"):
        answer(feedback, org.staff_a2, score=1, comment="Berubah pikiran")
    assert set(FeedbackAnswer.objects.values_list("score", flat=True)) == {5}


def test_it_lets_only_the_invited_rater_answer(org, feedback):
    invitation = _invitation(feedback, org.staff_a2)
    for intruder in (org.staff_a, org.staff_b, org.outsider, None):
        with pytest.raises(ValidationError, match="Only the invited rater"):
            services.feedback_answer_submit(invitation=invitation, rater=intruder, answers=all_values())
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda a: a.pop(CoreValue.LOYAL), "loyal_score", "Give a score"),
        (lambda a: a.update({CoreValue.LOYAL: (0, "x")}), "loyal_score", "from 1 to 5"),
        (lambda a: a.update({CoreValue.LOYAL: (6, "")}), "loyal_score", "from 1 to 5"),
        (lambda a: a.update({CoreValue.LOYAL: ("4", "")}), "loyal_score", "from 1 to 5"),
        (lambda a: a.update({CoreValue.ADAPTIVE: (2, "  ")}), "adaptif_comment", "needs a comment"),
        (lambda a: a.update({CoreValue.ADAPTIVE: (1, "")}), "adaptif_comment", "needs a comment"),
        (lambda a: a.update({"integritas": (4, "")}), "__all__", "only the seven"),
    ],
)
def test_it_refuses_incomplete_or_invalid_answers_and_stores_nothing(org, feedback, change, field, message):
    answers = all_values()
    change(answers)
    invitation = _invitation(feedback, org.staff_a2)
    with pytest.raises(ValidationError) as error:
        services.feedback_answer_submit(invitation=invitation, rater=org.staff_a2, answers=answers)
    assert message in " ".join(error.value.message_dict[field])
    invitation.refresh_from_db()
    assert invitation.answered_at is None
    assert not FeedbackAnswer.objects.exists()


def test_it_accepts_a_low_score_with_a_comment(org, feedback):
    answers = {**all_values(), CoreValue.ADAPTIVE: (2, "Perlu lebih cepat menyesuaikan diri")}
    services.feedback_answer_submit(
        invitation=_invitation(feedback, org.staff_a2), rater=org.staff_a2, answers=answers
    )
    assert FeedbackAnswer.objects.get(value=CoreValue.ADAPTIVE).score == 2


def test_it_refuses_answers_after_the_closing_date(org, feedback):
    FeedbackRequest.objects.filter(pk=feedback.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError, match="closed on"):
        answer(feedback, org.staff_a2)
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_stores_exactly_one_of_two_parallel_submissions(org, feedback):
    invitation_pk = _invitation(feedback, org.staff_a2).pk
    barrier = threading.Barrier(2)
    outcomes, lock = [], threading.Lock()

    def submit(score):
        translation.activate("en")
        try:
            invitation = FeedbackInvitation.objects.get(pk=invitation_pk)
            barrier.wait(timeout=10)
            services.feedback_answer_submit(
                invitation=invitation, rater=org.staff_a2, answers=all_values(score)
            )
            result = "stored"
        except ValidationError as error:
            result = error.messages[0]
        except Exception as error:  # noqa: BLE001 - any other exception is a failure of this test
            result = repr(error)
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=submit, args=(score,)) for score in (3, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["You have already answered this request.", "stored"]
    assert FeedbackAnswer.objects.filter(invitation_id=invitation_pk).count() == 7
    assert FeedbackAnswer.objects.values("score").distinct().count() == 1


# --- Protection of raters ---------------------------------------------------------------------------


def _result(staff, **kw):
    [result] = selectors.results_for_subject(staff, **kw)
    return result


def test_it_shows_nothing_from_two_answers_even_after_closing(org, feedback):
    answer(feedback, org.kabid_a, score=2, comment="Sering terlambat")
    answer(feedback, org.staff_a2, score=5)
    assert not _result(org.staff_a).released
    result = _result(org.staff_a, today=feedback.closes_on + timedelta(days=1))
    assert result.released
    assert (result.buckets, result.rows, result.has_results) == ([], [], False)
    assert result.comments == []


def test_it_merges_small_groups_into_others_once_they_reach_three(org, period):
    request = request_for(
        org, org.staff_a, supervisors=[org.kabid_a], peers=[org.staff_a2, org.staff_b], period=period
    )
    answer(request, org.kabid_a, score=2, comment="Perlu lebih teliti")
    answer(request, org.staff_a2, score=4)
    answer(request, org.staff_b, score=5)
    result = _result(org.staff_a)
    assert result.released  # everyone answered
    assert [(b.key, b.count) for b in result.buckets] == [("others", 3)]
    assert result.buckets[0].means[CoreValue.LOYAL] == Decimal("3.7")  # (2 + 4 + 5) / 3
    assert result.hidden_groups == []
    assert result.comments == [(label, ["Perlu lebih teliti"]) for label in CoreValue.labels]


def test_it_shows_a_group_of_three_and_hides_a_lone_supervisor_with_their_comments(org, period):
    peers = _colleagues(org, 3)
    request = request_for(org, org.staff_a, supervisors=[org.kabid_a], peers=peers, period=period)
    answer(request, org.kabid_a, score=1, comment="Komentar atasan yang khas")
    for rater, score, comment in zip(peers, (3, 4, 5), ("zebra", "apel", "mangga"), strict=True):
        answer(request, rater, score=score, comment=comment)
    result = _result(org.staff_a)
    assert [(b.key, b.count) for b in result.buckets] == [("peer", 3)]
    assert result.buckets[0].means[CoreValue.SERVICE] == 4
    assert [str(label) for label in result.hidden_groups] == ["Supervisors"]
    # Comments of the shown group only, in text order rather than the order they were given.
    assert result.comments[0] == (CoreValue.SERVICE.label, ["apel", "mangga", "zebra"])
    assert all("atasan" not in c for _, comments in result.comments for c in comments)


def test_it_waits_for_every_answer_or_the_closing_date(org, period):
    peers = _colleagues(org, 4)
    request = request_for(org, org.staff_a, peers=peers, period=period)
    for rater in peers[:3]:
        answer(request, rater)
    assert not _result(org.staff_a).released
    after = _result(org.staff_a, today=request.closes_on + timedelta(days=1))
    assert after.released and [(b.key, b.count) for b in after.buckets] == [("peer", 3)]
    answer(request, peers[3])
    assert [(b.key, b.count) for b in _result(org.staff_a).buckets] == [("peer", 4)]


def test_it_computes_the_aggregates_in_one_query(org, period, django_assert_num_queries):
    peers = _colleagues(org, 5)
    request = request_for(org, org.staff_a, peers=peers, period=period)
    for rater in peers:
        answer(request, rater, score=3, comment="Baik")
    # The requests with their counts, the aggregates (GROUP BY group and value), the comments.
    with django_assert_num_queries(3):
        result = _result(org.staff_a)
    assert result.buckets[0].count == 5
