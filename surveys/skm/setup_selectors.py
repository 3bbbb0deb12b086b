"""Reads of the SKM setup screens: a service's questionnaire versions and its public links."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count

from appraisal.rules.ratings import round_half_up
from surveys.ikm import ELEMENTS, OFFICER_ELEMENTS
from surveys.models import Service, SurveyElement, SurveyLink, SurveyTemplate

STANDARD_CODES = frozenset(element.code for element in ELEMENTS)


@dataclass(frozen=True)
class ElementRow:
    code: str
    name: str
    labels: tuple[str, str, str, str]
    weight: Fraction
    percent: Decimal
    is_standard: bool
    about_officer: bool


def element_rows(elements) -> list[ElementRow]:
    """The elements with their exact weights (an empty weight is an equal share) and the weight as a
    percentage to two decimals: 1/9 shows as 11.11."""
    elements = list(elements)
    rows = []
    for element in elements:
        weight = Fraction(1, len(elements)) if element.weight is None else Fraction(element.weight)
        rows.append(
            ElementRow(
                code=element.code,
                name=element.name,
                labels=tuple(element.labels),
                weight=weight,
                percent=round_half_up(weight * 100, 2),
                is_standard=element.code in STANDARD_CODES,
                about_officer=element.code in OFFICER_ELEMENTS,
            )
        )
    return rows


def default_element_rows() -> list[ElementRow]:
    """The nine standard elements with equal weights: what a service without a questionnaire gets."""
    return element_rows(
        SurveyElement(code=e.code, name=e.name, label_1=l1, label_2=l2, label_3=l3, label_4=l4)
        for e in ELEMENTS
        for l1, l2, l3, l4 in [e.labels]
    )


def questionnaire_versions(service: Service) -> list[SurveyTemplate]:
    """Every version of the service's questionnaire, newest first, each with its number of answers
    (responses) as answer_count."""
    return list(
        SurveyTemplate.objects.filter(service=service)
        .select_related("created_by")
        .annotate(answer_count=Count("responses"))
        .order_by("-version")
    )


def current_elements(template: SurveyTemplate | None) -> list[ElementRow]:
    if template is None:
        return default_element_rows()
    return element_rows(template.elements.order_by("order"))


def service_links(service: Service) -> list[SurveyLink]:
    """The service's public links with their officer and number of answers (answer_count)."""
    return list(
        SurveyLink.objects.filter(service=service)
        .select_related("officer")
        .annotate(answer_count=Count("responses"))
        .order_by("counter", "pk")
    )
