"""Writes of the SKM questionnaires and their public links.

A questionnaire that has answers is never changed: a new version replaces it as the one in use, so
every answer keeps the questions and weights it was given with. The nine elements of PermenPANRB
14/2017 (U1–U9) are always asked, with their official names and answers; an agency may add its own
elements and weigh them all, the weights summing to exactly 1.
"""

import re
import secrets
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import Staff
from appraisal.rules.ratings import as_fraction, round_half_up
from surveys.ikm import ELEMENTS
from surveys.models import Service, SurveyElement, SurveyLink, SurveyTemplate

TOKEN_BYTES = 9  # 72 random bits: 12 URL-safe characters
STANDARD = {element.code: element for element in ELEMENTS}
MAX_ELEMENTS = 20
WEIGHT_PLACES = SurveyElement._meta.get_field("weight").decimal_places
CODE_MAX = SurveyElement._meta.get_field("code").max_length
NAME_MAX = SurveyElement._meta.get_field("name").max_length
LABEL_MAX = SurveyElement._meta.get_field("label_1").max_length
COUNTER_MAX = SurveyLink._meta.get_field("counter").max_length
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")


# Questionnaires -----------------------------------------------------------------------------


def _default_elements():
    return [{"code": e.code, "name": e.name, "weight": None, "labels": e.labels} for e in ELEMENTS]


def _exact_weight(value) -> Decimal:
    """The weight as a Decimal of at most six places, or ValueError."""
    fraction = as_fraction(value, "weight")
    scaled = fraction * 10**WEIGHT_PLACES
    if scaled.denominator != 1:
        raise ValueError("too many decimals")
    return Decimal(scaled.numerator).scaleb(-WEIGHT_PLACES).normalize()


def _percent(value: Fraction) -> str:
    return formats.number_format(round_half_up(value * 100, 4).normalize())


def _check_row(row, code, errors):
    """Fills in the official name and answers of a standard element; checks an extra one."""
    standard = STANDARD.get(code)
    name = " ".join(str(row.get("name") or "").split())
    labels = [" ".join(str(label or "").split()) for label in row.get("labels") or ()]
    if standard is not None:
        if (name and name != standard.name) or (labels and labels != list(standard.labels)):
            errors.append(
                _("The name and answers of the standard element %(code)s are set by the regulation.")
                % {"code": code}
            )
        return standard.name, list(standard.labels)
    if len(code) > CODE_MAX or not CODE_PATTERN.match(code):
        errors.append(
            _(
                "The code %(code)s is not valid: use at most %(max)d capital letters, digits, dots "
                "or dashes, e.g. U10."
            )
            % {"code": code, "max": CODE_MAX}
        )
    if not name or len(labels) != 4 or not all(labels):
        errors.append(_("Element %(code)s needs a name and the labels of its four answers.") % {"code": code})
    elif len(name) > NAME_MAX or any(len(label) > LABEL_MAX for label in labels):
        errors.append(
            _("Element %(code)s: a name has at most %(name)d characters and an answer at most %(label)d.")
            % {"code": code, "name": NAME_MAX, "label": LABEL_MAX}
        )
    return name, labels


def _check_weights(rows, errors):
    weights = [row.get("weight") for row in rows]
    if all(weight is None for weight in weights):
        for row in rows:
            row["weight"] = None
        return
    if any(weight is None for weight in weights):
        errors.append(_("Give every element a weight, or none (equal weights)."))
        return
    exact = []
    for row in rows:
        try:
            row["weight"] = _exact_weight(row["weight"])
        except ValueError:
            errors.append(
                _("The weight of %(code)s must be a number with at most %(places)d decimals.")
                % {"code": row["code"], "places": WEIGHT_PLACES}
            )
            return
        if row["weight"] <= 0:
            errors.append(_("The weight of %(code)s must be above 0.") % {"code": row["code"]})
            return
        exact.append(Fraction(row["weight"]))
    total = sum(exact)
    if total != 1:
        errors.append(
            _("The weights must sum to exactly 1 (100%%); they now sum to %(total)s%%.")
            % {"total": _percent(total)}
        )


def _checked_elements(elements: Iterable[Mapping]) -> list[dict]:
    rows = [dict(row) for row in elements]
    errors = []
    codes = [" ".join(str(row.get("code") or "").split()).upper() for row in rows]
    if len(rows) > MAX_ELEMENTS:
        errors.append(_("A questionnaire has at most %(max)d elements.") % {"max": MAX_ELEMENTS})
    if "" in codes:
        errors.append(_("Every element needs a code."))
    if len(set(codes)) != len(codes):
        errors.append(_("Every element needs a code of its own."))
    for code, standard in STANDARD.items():
        if code not in codes:
            errors.append(
                _("The standard element %(code)s (%(name)s) cannot be removed.")
                % {"code": code, "name": standard.name}
            )
    for row, code in zip(rows, codes, strict=True):
        row["code"] = code
        if code:
            row["name"], row["labels"] = _check_row(row, code, errors)
    if not errors:
        _check_weights(rows, errors)
    if errors:
        raise ValidationError(errors)
    return rows


def _same_as(template, rows, *, ask_profile, ask_suggestion):
    if template is None or (template.ask_profile, template.ask_suggestion) != (ask_profile, ask_suggestion):
        return False
    stored = [(e.code, e.name, e.weight, list(e.labels)) for e in template.elements.all()]
    wanted = [(row["code"], row["name"], row["weight"], list(row["labels"])) for row in rows]
    return stored == wanted


def _locked(service: Service) -> Service:
    return Service.objects.select_for_update().get(pk=service.pk)


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
    and puts it in use; the previous version stays with its answers.

    elements: dicts of code, name, labels (four) and weight (a number, or None everywhere for equal
    weights), in the order asked. The nine standard elements must all be there; their names and
    answers are the official ones and may be left out."""
    rows = _checked_elements(_default_elements() if elements is None else elements)
    _locked(service)
    current = current_questionnaire(service)
    if _same_as(current, rows, ask_profile=ask_profile, ask_suggestion=ask_suggestion):
        raise ValidationError(
            _("Nothing changed: version %(version)d stays in use.") % {"version": current.version}
        )
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
            weight=row["weight"],
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


# Links --------------------------------------------------------------------------------------


def _date_text(day: date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _check_end(ends_on: date | None, errors: dict):
    if ends_on is not None and ends_on < timezone.localdate():
        errors["ends_on"] = _("The end date cannot be before today.")


@transaction.atomic
def link_create(
    *,
    service: Service,
    by,
    officer: Staff | None = None,
    counter: str = "",
    ends_on: date | None = None,
) -> SurveyLink:
    """A new public link with a short unguessable code, for the service or one of its counters or
    officers; the service gets its default questionnaire when it has none yet."""
    counter = " ".join((counter or "").split())
    errors = {}
    if not service.is_active:
        errors[NON_FIELD_ERRORS] = _("The service is no longer offered: it cannot get new links.")
    if officer is not None and officer.agency_id != service.agency_id:
        errors["officer"] = _("The officer must work in the service's agency.")
    elif officer is not None and not officer.is_active:
        errors["officer"] = _("The officer no longer works here: choose an active officer.")
    if len(counter) > COUNTER_MAX:
        errors["counter"] = _("At most %(max)d characters are allowed.") % {"max": COUNTER_MAX}
    _check_end(ends_on, errors)
    if errors:
        raise ValidationError(errors)
    _locked(service)
    if current_questionnaire(service) is None:
        questionnaire_publish(service=service, by=by)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return SurveyLink.objects.create(
                    service=service,
                    officer=officer,
                    counter=counter,
                    ends_on=ends_on,
                    token=secrets.token_urlsafe(TOKEN_BYTES),
                    created_by=by,
                )
        except IntegrityError:  # a code drawn twice: draw again
            continue
    raise ValidationError(_("Could not make a unique link code; please try again."))


def _locked_link(link: SurveyLink) -> SurveyLink:
    locked = SurveyLink.objects.select_for_update().get(pk=link.pk)
    link.is_paused, link.ends_on = locked.is_paused, locked.ends_on
    return link


@transaction.atomic
def link_pause(*, link: SurveyLink, by) -> SurveyLink:
    """Closes the link for now: citizens who open it are told the survey is closed."""
    _locked_link(link)
    if link.is_paused:
        raise ValidationError(_("The link is already paused."))
    link.is_paused = True
    link.save(update_fields=["is_paused"])
    return link


@transaction.atomic
def link_resume(*, link: SurveyLink, by) -> SurveyLink:
    """Opens a paused link again; a link past its end date needs a later end date first."""
    _locked_link(link)
    if not link.is_paused:
        raise ValidationError(_("The link is not paused."))
    if link.ends_on is not None and link.ends_on < timezone.localdate():
        raise ValidationError(
            _("The link ended on %(day)s: give it a later end date first, or none.")
            % {"day": _date_text(link.ends_on)}
        )
    link.is_paused = False
    link.save(update_fields=["is_paused"])
    return link


@transaction.atomic
def link_set_end(*, link: SurveyLink, by, ends_on: date | None) -> SurveyLink:
    """Sets the last day the link takes answers (today or later), or none to keep it open."""
    errors = {}
    _check_end(ends_on, errors)
    if errors:
        raise ValidationError(errors)
    _locked_link(link)
    link.ends_on = ends_on
    link.save(update_fields=["ends_on"])
    return link
