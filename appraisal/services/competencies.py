"""Writes to the competency framework: level descriptions, technical competencies, position standards.

Who may change what is decided before these are called (national competencies by the super admin,
technical ones by their agency's HR); the rules here hold whoever calls. The constraints on the
models stay the last line of defence: a race that slips past a check becomes the same message.
"""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Agency, Position
from appraisal.models import (
    Competency,
    CompetencyGroup,
    CompetencyLevel,
    PositionCompetency,
)
from appraisal.models.competencies import LEVEL_MAX, LEVEL_MIN, NATIONAL_GROUPS
from appraisal.selectors.competencies import standard_defaults

NON_FIELD = "__all__"
CODE_MAX, NAME_MAX = 20, 200


def _level_in_range(value):
    return isinstance(value, int) and not isinstance(value, bool) and LEVEL_MIN <= value <= LEVEL_MAX


def _range_message():
    return _("The level must be a whole number from %(min)s to %(max)s.") % {
        "min": LEVEL_MIN,
        "max": LEVEL_MAX,
    }


def _duplicate_code_message(code):
    return _("This agency already has a competency with code %(code)s.") % {"code": code}


@transaction.atomic
def competency_level_update(
    *, level: CompetencyLevel, description: str, indicators: str = ""
) -> CompetencyLevel:
    """Rewrites what one level of a competency means and its behaviour indicators."""
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Describe what this level means.")})
    level.description = description
    level.indicators = (indicators or "").strip()
    level.save(update_fields=["description", "indicators"])
    return level


def _check_technical(*, agency_id, code, name, definition, exclude_pk=None):
    errors = {}
    if not code:
        errors["code"] = _("The competency needs a code, for example T.01.")
    elif len(code) > CODE_MAX:
        errors["code"] = _("The code may have at most %(max)s characters.") % {"max": CODE_MAX}
    elif Competency.objects.filter(agency_id=agency_id, code=code).exclude(pk=exclude_pk).exists():
        errors["code"] = _duplicate_code_message(code)
    if not name:
        errors["name"] = _("The competency needs a name.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("The name may have at most %(max)s characters.") % {"max": NAME_MAX}
    if not definition:
        errors["definition"] = _("Define the competency in one or two sentences.")
    return errors


def _save_competency(competency, **save_kwargs):
    try:
        with transaction.atomic():
            competency.save(**save_kwargs)
    except IntegrityError as exc:  # the same code was taken by someone else meanwhile
        raise ValidationError({"code": _duplicate_code_message(competency.code)}) from exc


@transaction.atomic
def technical_competency_create(
    *, agency: Agency, code: str, name: str, definition: str, level_descriptions: Sequence[str]
) -> Competency:
    """Adds a technical competency (kompetensi teknis) of the agency with its five levels."""
    code, name, definition = (code or "").strip(), (name or "").strip(), (definition or "").strip()
    errors = _check_technical(agency_id=agency.pk, code=code, name=name, definition=definition)
    descriptions = [(text or "").strip() for text in level_descriptions]
    if len(descriptions) != LEVEL_MAX:
        errors[NON_FIELD] = _("Describe each of the levels %(min)s to %(max)s.") % {
            "min": LEVEL_MIN,
            "max": LEVEL_MAX,
        }
    else:
        for number, text in enumerate(descriptions, start=LEVEL_MIN):
            if not text:
                errors[f"level_{number}"] = _("Describe what level %(level)s means.") % {"level": number}
    if errors:
        raise ValidationError(errors)
    competency = Competency(
        group=CompetencyGroup.TECHNICAL, agency=agency, code=code, name=name, definition=definition
    )
    _save_competency(competency)
    CompetencyLevel.objects.bulk_create(
        CompetencyLevel(competency=competency, level=number, description=text)
        for number, text in enumerate(descriptions, start=LEVEL_MIN)
    )
    return competency


@transaction.atomic
def technical_competency_update(
    *, competency: Competency, code: str, name: str, definition: str
) -> Competency:
    """Renames or redefines one of the agency's technical competencies."""
    if competency.group != CompetencyGroup.TECHNICAL:
        raise ValidationError(
            _(
                "The managerial and socio-cultural competencies are set nationally; only their level "
                "descriptions can be changed."
            )
        )
    code, name, definition = (code or "").strip(), (name or "").strip(), (definition or "").strip()
    errors = _check_technical(
        agency_id=competency.agency_id, code=code, name=name, definition=definition, exclude_pk=competency.pk
    )
    if errors:
        raise ValidationError(errors)
    competency.code, competency.name, competency.definition = code, name, definition
    _save_competency(competency, update_fields=["code", "name", "definition"])
    return competency


def _standard_error(position, competency, standard_level):
    """Why the standard cannot be set (a message), or None."""
    if competency.agency_id is not None and competency.agency_id != position.agency_id:
        return _("%(competency)s is a technical competency of another agency.") % {
            "competency": competency.name
        }
    if standard_level is not None and not _level_in_range(standard_level):
        return f"{competency.name}: {_range_message()}"
    return None


def _set_standard(position, competency, standard_level):
    if standard_level is None:
        PositionCompetency.objects.filter(position=position, competency=competency).delete()
        return None
    standard, _created = PositionCompetency.objects.update_or_create(
        position=position, competency=competency, defaults={"standard_level": standard_level}
    )
    return standard


@transaction.atomic
def position_standard_set(
    *, position: Position, competency: Competency, standard_level: int | None
) -> PositionCompetency | None:
    """Sets the level the position requires in the competency; None removes the requirement."""
    if message := _standard_error(position, competency, standard_level):
        raise ValidationError({"standard_level": message})
    return _set_standard(position, competency, standard_level)


@transaction.atomic
def position_standards_update(*, position: Position, levels: Mapping[Competency, int | None]) -> int:
    """Sets several standards of one position at once: all of them, or (on any refusal) none.

    Returns how many competencies now have a standard for the position among those given."""
    errors = [
        message
        for competency, value in levels.items()
        if (message := _standard_error(position, competency, value))
    ]
    if errors:
        raise ValidationError(errors)
    for competency, value in levels.items():
        _set_standard(position, competency, value)
    return sum(1 for value in levels.values() if value is not None)


@transaction.atomic
def position_standards_apply_defaults(*, agency: Agency) -> dict[str, int]:
    """Gives every position of the agency a standard in each managerial and socio-cultural
    competency, from the default of its type and level. Standards already set are kept.

    Returns the counts: `created` standards, `kept` (already set), and `positions_without_default`
    (positions whose type and level have no default level)."""
    # Serialises runs for one agency, so two clicks count the same standards once.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    defaults = standard_defaults()
    competency_ids = list(
        Competency.objects.national()
        .filter(group__in=[group.value for group in NATIONAL_GROUPS])
        .values_list("pk", flat=True)
    )
    positions = list(Position.objects.filter(agency=agency).values_list("pk", "position_type", "level"))
    existing = set(
        PositionCompetency.objects.filter(
            position__agency=agency, competency_id__in=competency_ids
        ).values_list("position_id", "competency_id")
    )
    missing, kept, without_default = [], 0, 0
    for position_id, position_type, level in positions:
        standard_level = defaults.get((position_type, level))
        without_default += standard_level is None
        for competency_id in competency_ids:
            if (position_id, competency_id) in existing:
                kept += 1
            elif standard_level is not None:
                missing.append(
                    PositionCompetency(
                        position_id=position_id, competency_id=competency_id, standard_level=standard_level
                    )
                )
    PositionCompetency.objects.bulk_create(missing, ignore_conflicts=True)
    return {"created": len(missing), "kept": kept, "positions_without_default": without_default}
