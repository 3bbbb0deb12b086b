"""Test data for the service catalogue and service requests."""

import itertools
from datetime import timedelta

from django.utils import timezone

from surveys.models import Service, ServiceRequest

_seq = itertools.count(1)


def service(*, unit_obj, **kw):
    n = next(_seq)
    defaults = {"code": f"SVC-{n}", "name": f"Layanan {n}", "target_minutes": 60}
    return Service.objects.create(agency=unit_obj.agency, unit=unit_obj, **{**defaults, **kw})


def service_request(service_obj, officer, *, received_at=None, minutes=30, correct=True, **kw):
    """A request received at received_at (default: two days ago) and completed after `minutes`;
    minutes=None leaves it open."""
    received_at = received_at or timezone.now() - timedelta(days=2)
    completed_at = None if minutes is None else received_at + timedelta(minutes=minutes)
    return ServiceRequest.objects.create(
        service=service_obj,
        officer=officer,
        received_at=received_at,
        completed_at=completed_at,
        correct_first_time=correct,
        **{"reference": f"REQ-{next(_seq)}", **kw},
    )
