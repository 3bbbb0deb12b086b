"""Test data for the SKM results: questionnaires through the publishing service, responses and answers
straight through the ORM (as the public form stores them)."""

import itertools
from datetime import datetime, time

from django.utils import timezone

from surveys.ikm import ELEMENTS
from surveys.models import ReviewStatus, SuggestionStatus, SurveyAnswer, SurveyLink, SurveyResponse
from surveys.skm.questionnaires import link_create, questionnaire_publish

_seq = itertools.count(1)


def elements(codes=None, weights=None):
    """Element rows for questionnaire_publish: the standard ones (or those codes), with weights."""
    chosen = [e for e in ELEMENTS if codes is None or e.code in codes]
    extra = [c for c in (codes or ()) if c not in {e.code for e in ELEMENTS}]
    rows = [{"code": e.code, "name": e.name, "labels": e.labels} for e in chosen]
    rows += [{"code": c, "name": f"Unsur {c}", "labels": ("1", "2", "3", "4")} for c in extra]
    for row in rows:
        row["weight"] = None if weights is None else weights[row["code"]]
    return rows


def questionnaire(service, *, by=None, codes=None, weights=None):
    if codes is None and weights is None:
        return questionnaire_publish(service=service, by=by)
    return questionnaire_publish(service=service, by=by, elements=elements(codes, weights))


def link(service, *, officer=None, by=None):
    found = SurveyLink.objects.filter(service=service, officer=officer).first()
    return found or link_create(service=service, officer=officer, by=by)


def at(day, hour=10):
    """A moment on a local date."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _response(template, *, link_obj, status, officer, submitted_at, suggestion, suggestion_status, **profile):
    n = next(_seq)
    if suggestion and not suggestion_status:
        suggestion_status = SuggestionStatus.NEW
    return SurveyResponse(
        template=template,
        link=link_obj,
        service=template.service,
        officer=officer,
        submitted_at=submitted_at or timezone.now(),
        nonce=f"nonce-{n}-{timezone.now().timestamp()}",
        fill_seconds=45,
        review_status=status,
        flag_reasons="Terlalu cepat" if status != ReviewStatus.CLEAN else "",
        suggestion=suggestion,
        suggestion_status=suggestion_status,
        **profile,
    )


def respond(
    template,
    values,
    *,
    status=ReviewStatus.CLEAN,
    officer=None,
    submitted_at=None,
    suggestion="",
    suggestion_status="",
    **profile,
):
    """One response; values maps element codes to answers, or lists them in questionnaire order."""
    response = _response(
        template,
        link_obj=link(template.service, officer=officer),
        status=status,
        officer=officer,
        submitted_at=submitted_at,
        suggestion=suggestion,
        suggestion_status=suggestion_status,
        **profile,
    )
    response.save()
    by_code = {e.code: e for e in template.elements.all()}
    if not isinstance(values, dict):
        values = dict(zip([e.code for e in template.elements.order_by("order")], values, strict=False))
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, element=by_code[code], value=value) for code, value in values.items()
    )
    return response


def respond_many(template, count, values, *, submitted_at=None, status=ReviewStatus.CLEAN, officer=None):
    """count responses with the same answers (values in questionnaire order), in two bulk inserts."""
    link_obj = link(template.service, officer=officer)
    responses = SurveyResponse.objects.bulk_create(
        _response(
            template,
            link_obj=link_obj,
            status=status,
            officer=officer,
            submitted_at=submitted_at,
            suggestion="",
            suggestion_status="",
        )
        for _ in range(count)
    )
    ordered = list(template.elements.order_by("order"))
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=r, element=e, value=v)
        for r in responses
        for e, v in zip(ordered, values, strict=False)
    )
    return responses
