"""The service demo: the Disdukcapil catalogue and a month of counter requests in a realistic mix."""

import re
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Staff
from appraisal.models import Holiday
from surveys import demo
from surveys.models import Service, ServiceRequest
from surveys.selectors import figures_table

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 24)
REFERENCE = re.compile(r"^(KTP|KK|AL|PND|AM)-(\d{4})-(\d{2})-(\d{6})$")


@pytest.fixture
def seeded():
    accounts_demo.build_demo()
    return demo.build_service_demo(today=TODAY)


def minutes(request):
    return (request.completed_at - request.received_at).total_seconds() / 60


def test_it_builds_the_catalogue_on_the_right_units(seeded):
    services = {
        s.code: (s.name, s.unit.code, s.target_minutes) for s in Service.objects.select_related("unit")
    }

    assert services == {
        "KTP-EL": ("KTP-el", "DUK.DAFDUK.IDP", 60),
        "KK": ("Kartu Keluarga", "DUK.DAFDUK.IDP", 1440),
        "AKTA-LAHIR": ("Akta Kelahiran", "DUK.CAPIL.KLM", 3 * 1440),
        "PINDAH": ("Surat Pindah", "DUK.DAFDUK.PDPD", 1440),
        "AKTA-MATI": ("Akta Kematian", "DUK.CAPIL.KLM", 3 * 1440),
    }
    assert set(Service.objects.values_list("agency__code", flat=True)) == {"disdukcapil"}


def test_it_records_about_three_hundred_requests_by_six_to_eight_counter_officers(seeded):
    requests = ServiceRequest.objects.select_related("officer__unit")
    officers = {r.officer for r in requests}

    assert 250 <= requests.count() <= 350
    assert 6 <= len(officers) <= 8
    for officer in officers:
        assert officer.is_active and officer.agency.code == "disdukcapil"
        assert officer.unit.code.startswith(("DUK.DAFDUK.", "DUK.CAPIL."))
    assert seeded.officers == len(officers)


def test_it_dates_requests_on_the_working_days_of_the_month_before_the_clock(seeded):
    holidays = set(Holiday.objects.values_list("date", flat=True))
    start_of_today = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))

    for request in ServiceRequest.objects.all():
        received = timezone.localtime(request.received_at)
        assert TODAY - timedelta(days=30) <= received.date() < TODAY
        assert received.weekday() < 5 and received.date() not in holidays
        assert 8 <= received.hour < 15
        if request.completed_at is not None:
            assert request.received_at <= request.completed_at < start_of_today
    assert seeded.days == sorted(
        {timezone.localtime(r.received_at).date() for r in ServiceRequest.objects.all()}
    )


def test_it_mixes_on_time_late_wrong_and_open_requests(seeded):
    requests = list(ServiceRequest.objects.select_related("service"))
    completed = [r for r in requests if r.completed_at is not None]
    late = [r for r in completed if minutes(r) > r.service.target_minutes]
    open_ = [r for r in requests if r.completed_at is None]
    wrong = [r for r in requests if not r.correct_first_time]

    assert 0.75 <= 1 - len(late) / len(completed) <= 0.95
    assert 0.01 <= len(wrong) / len(requests) <= 0.12
    assert 0.01 <= len(open_) / len(requests) <= 0.10
    assert seeded.open_requests == len(open_)
    start_of_today = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))
    overdue = [
        r for r in open_ if r.received_at + timedelta(minutes=r.service.target_minutes) < start_of_today
    ]
    assert overdue and len(overdue) < len(open_)


def test_it_numbers_requests_per_service_and_month(seeded):
    prefixes = {s.code: s.prefix for s in demo.SERVICES}

    per_service = Counter()
    for request in ServiceRequest.objects.select_related("service"):
        prefix, year, month, number = REFERENCE.match(request.reference).groups()
        received = timezone.localtime(request.received_at)
        assert prefix == prefixes[request.service.code]
        assert (int(year), int(month)) == (received.year, received.month)
        assert int(number) >= 1
        per_service[request.service.code, request.reference] += 1
    assert set(per_service.values()) == {1}


def test_it_shows_different_figures_per_officer(seeded):
    officers = Staff.objects.filter(agency__code="disdukcapil")
    start = TODAY - timedelta(days=30)

    rows = [row for row in figures_table(officers=officers, start=start, end=TODAY) if row.figures.handled]
    shares = {row.staff.name: row.figures.within_target_share for row in rows}
    assert len(set(shares.values())) == len(shares) >= 6
    assert shares["Taufik Hidayat"] < shares["Yulia Anggraini"]


def test_it_adds_nothing_when_run_again_and_keeps_the_numbers_on_a_later_day(seeded):
    first = sorted(ServiceRequest.objects.values_list())

    again = demo.build_service_demo(today=TODAY)
    assert sorted(ServiceRequest.objects.values_list()) == first
    assert (again.created[Service], again.created[ServiceRequest]) == (0, 0)

    later = demo.build_service_demo(today=TODAY + timedelta(days=1))
    stored = sorted(ServiceRequest.objects.values_list())
    assert set(first) < set(stored)
    new = set(stored) - set(first)
    assert {timezone.localtime(row[4]).date() for row in new} == {TODAY}
    assert later.created[ServiceRequest] == len(new)
