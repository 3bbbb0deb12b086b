"""Reads of SKM responses as lists: the rows of the exports, the suggestions and the review queue."""

from collections import defaultdict

from surveys.models import ReviewStatus, Service, SurveyAnswer, SurveyResponse
from surveys.models.skm import COUNTED
from surveys.skm.results import Summary, Window, window_q


def response_rows(service: Service, window: Window, *, counted_only: bool):
    """The responses of the window, oldest first, each with `values` {code: answer}: two queries."""
    responses = SurveyResponse.objects.filter(window_q(window), service=service)
    if counted_only:
        responses = responses.filter(review_status__in=COUNTED)
    responses = list(responses.select_related("template", "officer", "link").order_by("submitted_at", "pk"))
    values = defaultdict(dict)
    answers = SurveyAnswer.objects.filter(response__in=[r.pk for r in responses]).values_list(
        "response_id", "element__code", "value"
    )
    for response_id, code, value in answers.iterator() if responses else ():
        values[response_id][code] = value
    for response in responses:
        response.values = values[response.pk]
    return responses


def element_codes(summary: Summary, responses=()) -> list[str]:
    """Element codes in questionnaire order over every version, then any only seen in the answers."""
    codes = []
    for version in summary.versions:
        for code in version.codes:
            if code not in codes:
                codes.append(code)
    for response in responses:
        for code in response.values:
            if code not in codes:
                codes.append(code)
    return codes


def suggestions(services, *, window: Window | None = None, status: str = ""):
    """Suggestions of the services (a queryset or ids), newest first; rejected responses are left out."""
    rows = SurveyResponse.objects.filter(service__in=services).exclude(suggestion_status="")
    rows = rows.exclude(review_status=ReviewStatus.REJECTED)
    if window is not None:
        rows = rows.filter(window_q(window))
    if status:
        rows = rows.filter(suggestion_status=status)
    return rows.select_related("service", "responded_by__staff").order_by("-submitted_at", "-pk")


def flagged_responses(services):
    """Responses waiting for review, oldest first."""
    return (
        SurveyResponse.objects.filter(service__in=services, review_status=ReviewStatus.FLAGGED)
        .select_related("service", "template", "officer")
        .order_by("submitted_at", "pk")
    )


def recently_reviewed(services, *, limit: int = 10):
    return list(
        SurveyResponse.objects.filter(
            service__in=services, review_status__in=(ReviewStatus.ACCEPTED, ReviewStatus.REJECTED)
        )
        .exclude(reviewed_at=None)
        .select_related("service", "reviewed_by__staff")
        .order_by("-reviewed_at", "-pk")[:limit]
    )
