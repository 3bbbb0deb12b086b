"""Writes to the catalogue and to service requests: what is stored, and every refusal storing nothing."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from surveys import services
from surveys.models import Service, ServiceRequest
from surveys.tests import factories


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _local(text):
    return timezone.make_aware(datetime.strptime(text, "%Y-%m-%d %H:%M"))


# Catalogue ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "minutes"),
    [("KTP-EL", "KTP-el", 60), ("KK", "Kartu Keluarga", 1440), ("AKTA-LAHIR", "Akta Kelahiran", 3 * 1440)],
)
def test_it_adds_services_with_their_target_time(org, code, name, minutes):
    service = services.service_create(
        agency=org.agency, unit=org.bidang_a, code=f"  {code} ", name=f" {name}  ", target_minutes=minutes
    )
    service.refresh_from_db()
    assert (service.code, service.name, service.target_minutes, service.is_active) == (
        code,
        name,
        minutes,
        True,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"unit": "other_root"}, "unit", "another agency"),
        ({"code": "  "}, "code", "required"),
        ({"code": "ktp-el"}, "code", "already has a service"),
        ({"code": "X" * 31}, "code", "At most 30"),
        ({"name": ""}, "name", "required"),
        ({"target_minutes": 0}, "target_minutes", "at least one minute"),
        ({"target_minutes": 365 * 1440 + 1}, "target_minutes", "at most 365 days"),
    ],
)
def test_it_refuses_a_bad_service_and_stores_nothing(org, changes, field, message):
    factories.service(unit_obj=org.bidang_a, code="KTP-EL")
    values = {"unit": org.bidang_a, "code": "KK", "name": "Kartu Keluarga", "target_minutes": 1440}
    values.update({k: getattr(org, v) if k == "unit" else v for k, v in changes.items()})
    with pytest.raises(ValidationError) as caught:
        services.service_create(agency=org.agency, **values)
    assert message in " ".join(caught.value.message_dict[field])
    assert Service.objects.count() == 1


def test_it_lets_two_agencies_use_the_same_code(org):
    factories.service(unit_obj=org.bidang_a, code="KTP-EL")
    services.service_create(
        agency=org.other_agency, unit=org.other_root, code="KTP-EL", name="KTP-el", target_minutes=60
    )
    assert Service.objects.filter(code="KTP-EL").count() == 2


def test_it_changes_a_service_but_refuses_a_code_taken_in_the_agency(org):
    service = factories.service(unit_obj=org.bidang_a, code="KTP-EL", target_minutes=60)
    factories.service(unit_obj=org.bidang_a, code="KK")
    services.service_update(
        service=service,
        unit=org.bidang_b,
        code="KTP-EL",
        name="KTP elektronik",
        target_minutes=120,
        is_active=False,
    )
    service.refresh_from_db()
    assert (service.unit, service.name, service.target_minutes, service.is_active) == (
        org.bidang_b,
        "KTP elektronik",
        120,
        False,
    )

    with pytest.raises(ValidationError) as caught:
        services.service_update(
            service=service, unit=org.bidang_a, code="kk", name="X", target_minutes=5, is_active=True
        )
    assert "code" in caught.value.message_dict
    service.refresh_from_db()
    assert (service.code, service.target_minutes) == ("KTP-EL", 120)


# One request --------------------------------------------------------------------------------


@pytest.fixture
def ktp(org):
    return factories.service(unit_obj=org.bidang_a, code="KTP-EL", target_minutes=60)


def test_it_records_a_request(org, ktp):
    received = timezone.now() - timedelta(hours=2)
    request = services.service_request_record(
        service=ktp,
        officer=org.staff_a,
        received_at=received,
        completed_at=received + timedelta(minutes=40),
        correct_first_time=False,
        reference=" KTP-001 ",
    )
    request.refresh_from_db()
    assert (request.reference, request.officer, request.correct_first_time) == ("KTP-001", org.staff_a, False)
    assert request.completed_at - request.received_at == timedelta(minutes=40)


def test_it_records_open_requests_and_requests_without_a_number(org, ktp):
    received = timezone.now() - timedelta(hours=1)
    for _ in range(2):
        services.service_request_record(service=ktp, officer=org.staff_a, received_at=received)
    assert ServiceRequest.objects.filter(reference="", completed_at__isnull=True).count() == 2


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("other_agency_officer", "officer", "not a staff member of the service's agency"),
        ("retired_officer", "officer", "not an active staff member"),
        ("completed_before_received", "completed_at", "before the time received"),
        ("received_in_future", "received_at", "cannot be in the future"),
        ("completed_in_future", "completed_at", "cannot be in the future"),
        ("reference_taken", "reference", "already recorded for this service"),
        ("reference_too_long", "reference", "At most 60"),
    ],
)
def test_it_refuses_a_bad_request_and_stores_nothing(org, ktp, case, field, message):
    now = timezone.now()
    factories.service_request(ktp, org.staff_a, reference="KTP-001")
    values = {
        "service": ktp,
        "officer": org.staff_a,
        "received_at": now - timedelta(hours=2),
        "completed_at": now - timedelta(hours=1),
        "reference": "KTP-002",
    }
    values.update(
        {
            "other_agency_officer": {"officer": org.outsider},
            "retired_officer": {"officer": org.kabid_b},
            "completed_before_received": {"completed_at": now - timedelta(hours=3)},
            "received_in_future": {"received_at": now + timedelta(minutes=5), "completed_at": None},
            "completed_in_future": {"completed_at": now + timedelta(minutes=5)},
            "reference_taken": {"reference": "KTP-001"},
            "reference_too_long": {"reference": "K" * 61},
        }[case]
    )
    with pytest.raises(ValidationError) as caught:
        services.service_request_record(**values)
    assert message in " ".join(caught.value.message_dict[field])
    assert ServiceRequest.objects.count() == 1


def test_it_lets_another_service_use_the_same_request_number(org, ktp):
    other = factories.service(unit_obj=org.bidang_a, code="KK")
    factories.service_request(ktp, org.staff_a, reference="2026-001")
    services.service_request_record(
        service=other,
        officer=org.staff_a,
        received_at=timezone.now() - timedelta(hours=1),
        reference="2026-001",
    )
    assert ServiceRequest.objects.filter(reference="2026-001").count() == 2


def test_it_reads_naive_times_as_local_time(org, ktp):
    request = services.service_request_record(
        service=ktp, officer=org.staff_a, received_at=datetime(2026, 11, 23, 8, 15)
    )
    assert request.received_at == _local("2026-11-23 08:15")
