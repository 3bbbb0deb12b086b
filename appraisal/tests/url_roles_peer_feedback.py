"""The 360° feedback URLs × roles, and the builders the 360° tests share.

The request is about staff A2, asked by kabid A; staff A (the "staff" role) is one of its raters, so
only staff A may open that answer page. Requests are managed by supervisors and HR."""

from datetime import timedelta

from django.utils import timezone

from accounts.tests.roles import LOGIN, ROLES, SIGNED_IN
from appraisal.models import CoreValue, FeedbackInvitation, PerformanceYear, RaterGroup
from appraisal.services import peer_feedback as services
from appraisal.tests import factories


def period_of(org):
    """Triwulan IV of the agency's open year 2026 (made on first use)."""
    year = PerformanceYear.objects.filter(agency=org.agency, year=2026).first()
    return (year or factories.performance_year(org.agency)).periods.get(sequence=4)


def request_for(org, subject, *, supervisors=(), peers=(), subordinates=(), by=None, period=None, days=14):
    return services.feedback_request_create(
        subject=subject,
        period=period or period_of(org),
        raters_by_group={
            RaterGroup.SUPERVISOR: list(supervisors),
            RaterGroup.PEER: list(peers),
            RaterGroup.SUBORDINATE: list(subordinates),
        },
        requested_by=by or org.hr,
        closes_on=timezone.localdate() + timedelta(days=days),
    )


def all_values(score=4, comment=""):
    return dict.fromkeys(CoreValue.values, (score, comment))


def answer(request, rater, score=4, comment=""):
    invitation = FeedbackInvitation.objects.get(request=request, rater=rater)
    return services.feedback_answer_submit(
        invitation=invitation, rater=rater, answers=all_values(score, comment)
    )


def _answer_page(org):
    request = request_for(
        org,
        org.staff_a2,
        supervisors=[org.kabid_a, org.head],
        peers=[org.staff_a, org.staff_b],
        by=org.kabid_a.user,
    )
    return {"pk": FeedbackInvitation.objects.get(request=request, rater=org.staff_a).pk}


POST_NOT_ALLOWED = 405
# Rating pages of one's own: every signed-in account has them (empty without a staff profile).
OWN = SIGNED_IN
# Only the invited rater; the person rated, the requester, HR and the super admin do not see it exists.
RATER_ONLY = {**dict.fromkeys(ROLES, 404), "anonymous": LOGIN, "staff": 200}
# Supervisors and HR manage requests; staff without subordinates get 403.
MANAGERS = {
    "anonymous": LOGIN,
    "staff": 403,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 200,
    "superadmin": 200,
    "outsider": 403,
}

TABLE = {
    "appraisal:peer_feedback_mine": (None, OWN, POST_NOT_ALLOWED),
    "appraisal:peer_feedback_inbox": (None, OWN, POST_NOT_ALLOWED),
    # An empty POST shows the form again with what is missing.
    "appraisal:peer_feedback_answer": (_answer_page, RATER_ONLY, "same"),
    "appraisal:peer_feedback_requests": (None, MANAGERS, POST_NOT_ALLOWED),
    # Without a chosen person, both methods show the first step (whom the feedback is for).
    "appraisal:peer_feedback_request_create": (None, MANAGERS, "same"),
}
