"""Writes to the service catalogue and to service requests. Every rule the database cannot state is here.

Service requests imported from a file are written by surveys.imports.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, Staff, Unit
from surveys.models import Service, ServiceRequest
from surveys.service_levels import MAX_TARGET_MINUTES

CODE_MAX = Service._meta.get_field("code").max_length
NAME_MAX = Service._meta.get_field("name").max_length
REFERENCE_MAX = ServiceRequest._meta.get_field("reference").max_length


# Services -----------------------------------------------------------------------------------


def _check_service(service):
    errors = {}
    if service.unit.agency_id != service.agency_id:
        errors["unit"] = _("The unit belongs to another agency.")
    if not service.code:
        errors["code"] = _("The service code is required.")
    elif len(service.code) > CODE_MAX:
        errors["code"] = _("At most %(max)d characters are allowed.") % {"max": CODE_MAX}
    else:
        same_code = Service.objects.filter(agency_id=service.agency_id, code__iexact=service.code)
        if same_code.exclude(pk=service.pk).exists():
            errors["code"] = _("This agency already has a service with this code.")
    if not service.name:
        errors["name"] = _("The service name is required.")
    elif len(service.name) > NAME_MAX:
        errors["name"] = _("At most %(max)d characters are allowed.") % {"max": NAME_MAX}
    if service.target_minutes < 1:
        errors["target_minutes"] = _("The target time must be at least one minute.")
    elif service.target_minutes > MAX_TARGET_MINUTES:
        errors["target_minutes"] = _("The target time must be at most 365 days.")
    if errors:
        raise ValidationError(errors)


def _save_service(service, **kwargs):
    try:
        with transaction.atomic():
            service.save(**kwargs)
    except IntegrityError:
        # Another save of the same code won the race between the check and this write.
        raise ValidationError({"code": _("This agency already has a service with this code.")}) from None


@transaction.atomic
def service_create(
    *, agency: Agency, unit: Unit, code: str, name: str, target_minutes: int, is_active: bool = True
) -> Service:
    """Adds a service (jenis layanan) to the agency's catalogue, e.g. KTP-el in 60 minutes."""
    service = Service(
        agency=agency,
        unit=unit,
        code=code.strip(),
        name=" ".join(name.split()),
        target_minutes=target_minutes,
        is_active=is_active,
    )
    _check_service(service)
    _save_service(service)
    return service


@transaction.atomic
def service_update(
    *, service: Service, unit: Unit, code: str, name: str, target_minutes: int, is_active: bool
) -> Service:
    """Changes a service; its agency stays. A new target applies to the figures of every period."""
    service.unit = unit
    service.code = code.strip()
    service.name = " ".join(name.split())
    service.target_minutes = target_minutes
    service.is_active = is_active
    _check_service(service)
    _save_service(service, update_fields=["unit", "code", "name", "target_minutes", "is_active"])
    return service


# One request --------------------------------------------------------------------------------


def _aware(value):
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _officer_error(officer, agency_id):
    if officer.agency_id != agency_id:
        return _("The officer is not a staff member of the service's agency.")
    if not officer.is_active:
        return _("%(name)s is not an active staff member.") % {"name": officer.full_name}
    return None


def request_time_errors(received_at, completed_at, now):
    """Errors of the two times, keyed by the field they belong to."""
    errors = {}
    if received_at > now:
        errors["received_at"] = _("The time received cannot be in the future.")
    if completed_at is not None:
        if completed_at > now:
            errors["completed_at"] = _("The completion time cannot be in the future.")
        elif completed_at < received_at:
            errors["completed_at"] = _("The completion time cannot be before the time received.")
    return errors


def _reference_taken_message(reference):
    return _("Request number %(number)s is already recorded for this service.") % {"number": reference}


@transaction.atomic
def service_request_record(
    *,
    service: Service,
    officer: Staff,
    received_at: datetime,
    completed_at: datetime | None = None,
    correct_first_time: bool = True,
    reference: str = "",
) -> ServiceRequest:
    """Records one request (permohonan): who handled it, when it was received and completed.

    The time received is when the requirements were complete; an empty completion time keeps the
    request open.
    """
    request = ServiceRequest(
        service=service,
        officer=officer,
        received_at=_aware(received_at),
        completed_at=_aware(completed_at),
        correct_first_time=correct_first_time,
        reference=(reference or "").strip(),
    )
    errors = request_time_errors(request.received_at, request.completed_at, timezone.now())
    if message := _officer_error(officer, service.agency_id):
        errors["officer"] = message
    if len(request.reference) > REFERENCE_MAX:
        errors["reference"] = _("At most %(max)d characters are allowed.") % {"max": REFERENCE_MAX}
    elif request.reference and service.requests.filter(reference=request.reference).exists():
        errors["reference"] = _reference_taken_message(request.reference)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise ValidationError({"reference": _reference_taken_message(request.reference)}) from None
    return request
