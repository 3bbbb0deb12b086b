"""Reads of the public survey form, kept to one query a request.

A published questionnaire never changes (editing publishes a new version), so a questionnaire and
its elements are kept in the process once read; only which version is in use, and whether the link
is open, are read from the database on every request, with the link itself (a well-formed post does
not read even that: surveys.public_views).
"""

from functools import lru_cache

from django.db.models import OuterRef, Subquery

from surveys.models import SurveyElement, SurveyLink, SurveyTemplate

_CACHED_QUESTIONNAIRES = 512


def link_for_token(token: str) -> SurveyLink | None:
    """The link with its service, agency and officer, and `current_template_id`: the questionnaire in
    use for its service (None when there is none). One query."""
    current = SurveyTemplate.objects.filter(service_id=OuterRef("service_id"), is_current=True).values("pk")[
        :1
    ]
    return (
        SurveyLink.objects.select_related("service__agency", "officer")
        .annotate(current_template_id=Subquery(current))
        .filter(token=token)
        .first()
    )


@lru_cache(maxsize=_CACHED_QUESTIONNAIRES)
def _questionnaire(template_id: int) -> tuple[SurveyTemplate, tuple[SurveyElement, ...]]:
    template = SurveyTemplate.objects.get(pk=template_id)
    return template, tuple(SurveyElement.objects.filter(template_id=template_id).order_by("order"))


def questionnaire_by_id(template_id: int) -> tuple[SurveyTemplate, tuple[SurveyElement, ...]] | None:
    """A questionnaire and its elements in their order; None when there is no such questionnaire."""
    try:
        return _questionnaire(template_id)
    except SurveyTemplate.DoesNotExist:
        return None


def questionnaire_in_use(link: SurveyLink) -> SurveyTemplate | None:
    """The questionnaire in use for the link's service, as read with the link."""
    if link.current_template_id is None:
        return None
    template, _elements = _questionnaire(link.current_template_id)
    template.is_current = True
    return template


def questionnaire_elements(template: SurveyTemplate) -> tuple[SurveyElement, ...]:
    """The questionnaire's elements in their order."""
    return _questionnaire(template.pk)[1]
