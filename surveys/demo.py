"""Service demo for Kota Dumai: the Disdukcapil service catalogue and a month of counter requests.

Runs after accounts.demo.build_demo(), on its agencies and staff. A service is keyed by its agency and
code, a request by its service and request number. The numbers run per service and month
("KTP-2026-11-000123") and follow from the day alone, so running it again, on the same day or later,
adds only what is missing and never stores a request twice.

Each counter officer has their own pace and accuracy, so the figures differ between them: most
requests are completed within the service's target time, some late, a few not correct the first time,
and a few are still open (those whose work was not finished before the clock's day began).

The citizens' surveys (SKM) of these services since January follow, in surveys.demo_skm.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.demo import DISDUKCAPIL, DemoSummary, placements
from accounts.models import Agency, Staff, Unit
from appraisal import calendar
from appraisal.selectors.calendar import holidays_for
from appraisal.selectors.reports import DEFAULT_WEEKDAYS
from surveys.demo_skm import PUBLISHED_ON, sync_skm
from surveys.models import Service, ServiceRequest
from surveys.service_levels import MINUTES_PER_DAY
from surveys.services import service_create

REQUEST_DAYS = 30  # calendar days before the clock with requests
OPENING, LAST_INTAKE = time(8, 0), 390  # the counter opens at 08.00 and takes requests until 14.30


@dataclass(frozen=True)
class DemoService:
    code: str
    name: str
    unit: str
    target_minutes: int
    prefix: str  # of the request numbers
    per_day: tuple[int, int]  # requests on a working day, low and high


@dataclass(frozen=True)
class Officer:
    """A counter officer, the services they handle (by code) and how they work."""

    name: str
    services: tuple[str, ...]
    late: float = 0.1  # share of requests finished after the target time
    wrong: float = 0.04  # share not correct the first time
    stuck: float = 0.01  # share left open (waiting for a signature or a correction)


SERVICES = (
    DemoService("KTP-EL", "KTP-el", "DUK.DAFDUK.IDP", 60, "KTP", (4, 8)),
    DemoService("KK", "Kartu Keluarga", "DUK.DAFDUK.IDP", MINUTES_PER_DAY, "KK", (2, 5)),
    DemoService("AKTA-LAHIR", "Akta Kelahiran", "DUK.CAPIL.KLM", 3 * MINUTES_PER_DAY, "AL", (1, 4)),
    DemoService("PINDAH", "Surat Pindah", "DUK.DAFDUK.PDPD", MINUTES_PER_DAY, "PND", (0, 3)),
    DemoService("AKTA-MATI", "Akta Kematian", "DUK.CAPIL.KLM", 3 * MINUTES_PER_DAY, "AM", (0, 2)),
)

OFFICERS = (
    Officer("Dian Permata Sari", ("KK", "KTP-EL")),
    Officer("Yulia Anggraini", ("KTP-EL",), late=0.05, wrong=0.02),
    Officer("Fajar Ramadhan", ("KTP-EL", "KK"), late=0.12),
    Officer("Mutiara Hasibuan", ("PINDAH", "KK"), wrong=0.15),
    Officer("Reza Fahlevi", ("AKTA-LAHIR", "AKTA-MATI")),
    Officer("Winda Lestari", ("AKTA-LAHIR", "AKTA-MATI"), late=0.08),
    Officer("Taufik Hidayat", ("AKTA-LAHIR",), late=0.3, wrong=0.08, stuck=0.04),
)


@dataclass
class ServiceSummary(DemoSummary):
    """What build_service_demo did, on top of the rows per model."""

    days: list = field(default_factory=list)
    officers: int = 0
    open_requests: int = 0
    survey_responses: Counter = field(default_factory=Counter)  # per period name
    survey_waiting: int = 0  # flagged answers waiting for HR's review


def _aware(day, minutes_after_opening=0):
    return timezone.make_aware(datetime.combine(day, OPENING)) + timedelta(minutes=minutes_after_opening)


def _sync_services(agency, summary):
    """The catalogue: a missing service is added through service_create, an existing one left as it is."""
    existing = {s.code: s for s in Service.objects.filter(agency=agency)}
    units = {u.code: u for u in Unit.objects.filter(agency=agency, code__in={s.unit for s in SERVICES})}
    services, created = {}, 0
    for demo in SERVICES:
        service = existing.get(demo.code)
        if service is None:
            service = service_create(
                agency=agency,
                unit=units[demo.unit],
                code=demo.code,
                name=demo.name,
                target_minutes=demo.target_minutes,
            )
            created += 1
        services[demo.code] = service
    summary.add(Service, rows=len(services), created=created, updated=0)
    return services


def _requests_on(demo, day):
    """How many requests for the service came in on the day (deterministic)."""
    return random.Random(f"count|{demo.code}|{day.isoformat()}").randint(*demo.per_day)


def _first_number(demo, day):
    """The running number of the service's first request of the day, counted from the first of the month.

    It counts every Monday to Friday, holidays too, so that a holiday added later does not renumber the
    requests already stored.
    """
    weekdays = calendar.working_days(day.replace(day=1), day - timedelta(days=1), {0, 1, 2, 3, 4}, set())
    return sum(_requests_on(demo, d) for d in weekdays) + 1


def _day_requests(demo, service, day, number, officers, start_of_today):
    rng = random.Random(f"requests|{demo.code}|{day.isoformat()}")
    handlers = [(officer, member) for officer, member in officers if demo.code in officer.services]
    rows = []
    for n in range(_requests_on(demo, day)):
        officer, member = rng.choice(handlers)
        received = _aware(day, rng.randint(0, LAST_INTAKE))
        late = rng.random() < officer.late
        share = rng.uniform(1.1, 2.2) if late else rng.uniform(0.25, 0.95)
        completed = received + timedelta(minutes=round(demo.target_minutes * share))
        # Work that would finish after the clock's day began is still open.
        if completed >= start_of_today or rng.random() < officer.stuck:
            completed = None
        rows.append(
            ServiceRequest(
                service=service,
                officer=member,
                reference=f"{demo.prefix}-{day.year}-{day.month:02d}-{number + n:06d}",
                received_at=received,
                completed_at=completed,
                correct_first_time=rng.random() >= officer.wrong,
            )
        )
    return rows


@transaction.atomic
def build_service_demo(*, today: date | None = None) -> ServiceSummary:
    """Creates what is missing of the Disdukcapil services and their requests of the month before `today`,
    and of their surveys (surveys.demo_skm.sync_skm).

    Needs the agencies and staff of accounts.demo.build_demo(), and for the survey answers the agency's
    2026 performance year. Requests come in on the working days before `today`, so none is in the future.
    """
    today = today or timezone.localdate()
    summary = ServiceSummary()
    agency = Agency.objects.get(code=DISDUKCAPIL.code)
    services = _sync_services(agency, summary)
    nips = {p.person.name: p.person.nip for p in placements()}
    staff = Staff.objects.in_bulk([nips[o.name] for o in OFFICERS], field_name="nip")
    officers = [(o, staff[nips[o.name]]) for o in OFFICERS if staff[nips[o.name]].is_active]

    start, end = today - timedelta(days=REQUEST_DAYS), today - timedelta(days=1)
    # From the first day of the surveys too, in the same query.
    holidays = holidays_for(agency.pk, min(start, PUBLISHED_ON), end)
    weekdays = calendar.parse_weekdays(DEFAULT_WEEKDAYS)
    days = calendar.working_days(start, end, weekdays, holidays)
    # Never later than now, should the clock be set ahead.
    start_of_today = min(timezone.make_aware(datetime.combine(today, time.min)), timezone.now())

    planned = []
    for demo in SERVICES:
        for day in days:
            rows = _day_requests(
                demo, services[demo.code], day, _first_number(demo, day), officers, start_of_today
            )
            planned += [r for r in rows if r.received_at <= start_of_today]
    stored = set(
        ServiceRequest.objects.filter(
            service__in=services.values(), reference__in=[r.reference for r in planned]
        ).values_list("service_id", "reference")
    )
    new = [r for r in planned if (r.service.pk, r.reference) not in stored]
    ServiceRequest.objects.bulk_create(new)
    summary.add(ServiceRequest, rows=len(planned), created=len(new), updated=0)
    summary.days = days
    summary.officers = len(Counter(r.officer_id for r in planned))
    summary.open_requests = sum(1 for r in planned if r.completed_at is None)

    # The citizens who answer the surveys are among each day's requests, drawn with a clock that stops
    # none of them, so that a day's draw is the same whatever the clock (and that of the stored days).
    never = datetime.max.replace(tzinfo=UTC)
    skm = sync_skm(
        agency=agency,
        services=services,
        officers=officers,
        catalogue=SERVICES,
        day_requests=lambda demo, day: _day_requests(demo, services[demo.code], day, 1, officers, never),
        days=calendar.working_days(PUBLISHED_ON, end, weekdays, holidays),
        today=today,
        start_of_today=start_of_today,
        summary=summary,
    )
    summary.survey_responses, summary.survey_waiting = skm.responses_per_period, skm.waiting
    return summary
