"""Writes of the SKM questionnaires and their public links.

A questionnaire that has answers is never changed: a new version replaces it as the one in use, so
every answer keeps the questions and weights it was given with.
"""

import secrets
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import Staff
from surveys.ikm import ELEMENTS, check_weights
from surveys.models import Service, SurveyElement, SurveyLink, SurveyTemplate

TOKEN_BYTES = 9  # 72 random bits: 12 URL-safe characters


def _default_elements():
    return [{"code": e.code, "name": e.name, "weight": None, "labels": e.labels} for e in ELEMENTS]


def _checked_elements(elements: Iterable[Mapping]) -> list[dict]:
    rows = [dict(row) for row in elements]
    errors = []
    codes = [(row.get("code") or "").strip().upper() for row in rows]
    if not rows:
        errors.append(_("A questionnaire needs at least one element."))
    if len(set(codes)) != len(codes) or "" in codes:
        errors.append(_("Every element needs a code of its own."))
    for row, code in zip(rows, codes, strict=True):
        row["code"] = code
        row["name"] = (row.get("name") or "").strip()
        labels = [str(label or "").strip() for label in row.get("labels") or ()]
        if not row["name"] or len(labels) != 4 or not all(labels):
            errors.append(
                _("Element %(code)s needs a name and the labels of its four answers.") % {"code": code}
            )
        row["labels"] = labels
    weights = [row.get("weight") for row in rows]
    if any(w is not None for w in weights):
        if any(w is None for w in weights):
            errors.append(_("Give every element a weight, or none (equal weights)."))
        else:
            try:
                check_weights({row["code"]: Decimal(str(row["weight"])) for row in rows})
            except ValueError:
                errors.append(_("The weights must each be above 0 and sum to exactly 1."))
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def questionnaire_publish(
    *,
    service: Service,
    by,
    elements: Iterable[Mapping] | None = None,
    ask_profile: bool = True,
    ask_suggestion: bool = True,
) -> SurveyTemplate:
    """Publishes the next version of the service's questionnaire (the nine SKM elements by default)
    and puts it in use; the previous version stays with its answers."""
    rows = _checked_elements(_default_elements() if elements is None else elements)
    Service.objects.select_for_update().get(pk=service.pk)
    last = service.survey_templates.aggregate(last=Max("version"))["last"] or 0
    service.survey_templates.filter(is_current=True).update(is_current=False)
    template = SurveyTemplate.objects.create(
        service=service,
        version=last + 1,
        ask_profile=ask_profile,
        ask_suggestion=ask_suggestion,
        created_by=by,
    )
    SurveyElement.objects.bulk_create(
        SurveyElement(
            template=template,
            code=row["code"],
            name=row["name"],
            weight=None if row.get("weight") is None else Decimal(str(row["weight"])),
            label_1=row["labels"][0],
            label_2=row["labels"][1],
            label_3=row["labels"][2],
            label_4=row["labels"][3],
            order=order,
        )
        for order, row in enumerate(rows, start=1)
    )
    return template


def current_questionnaire(service: Service) -> SurveyTemplate | None:
    return service.survey_templates.filter(is_current=True).first()


@transaction.atomic
def link_create(
    *,
    service: Service,
    by,
    officer: Staff | None = None,
    counter: str = "",
    ends_on: date | None = None,
) -> SurveyLink:
    """A new public link with a short unguessable code; the service gets its default questionnaire
    when it has none yet."""
    errors = {}
    if officer is not None and officer.agency_id != service.agency_id:
        errors["officer"] = _("The officer must work in the service's agency.")
    if errors:
        raise ValidationError(errors)
    if current_questionnaire(service) is None:
        questionnaire_publish(service=service, by=by)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return SurveyLink.objects.create(
                    service=service,
                    officer=officer,
                    counter=(counter or "").strip(),
                    ends_on=ends_on,
                    token=secrets.token_urlsafe(TOKEN_BYTES),
                    created_by=by,
                )
        except IntegrityError:  # a code drawn twice: draw again
            continue
    raise ValidationError(_("Could not make a unique link code; please try again."))
