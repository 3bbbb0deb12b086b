"""The demo daily reports: who reports on which working days, what, when it was sent and reviewed."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from appraisal.demo.plan_types import MAIN
from appraisal.demo.report_reviews import REVIEW_COMMENTS, REVIEW_DELAY
from appraisal.demo.year import YEAR, day_at
from appraisal.models import DailyReport, EvaluationPeriod, ReportStatus

# Reports cover at least this many working days up to the clock, and the whole current evaluation
# period, so that the compliance of the period shown next to the reports means something.
REPORT_DAYS = 20
EVIDENCE_HOST = "https://drive.dumaikota.go.id/s/"


def _report_days(cal, year, today):
    """The working days with demo reports: at least REPORT_DAYS up to the clock (today included), and
    every working day of the current evaluation period."""
    end = min(today, date(YEAR, 12, 31))
    days = cal.working_days(max(date(YEAR, 1, 1), end - timedelta(days=120)), end)
    period = (
        EvaluationPeriod.objects.filter(year=year, starts_on__lte=end, ends_on__gte=end)
        .order_by("starts_on")
        .first()
    )
    first = days[-REPORT_DAYS] if len(days) >= REPORT_DAYS else days[0]
    if period is not None:
        first = min(first, max(period.starts_on, days[0]))
    return [day for day in days if day >= first]


def _reportable(plan, skp, book):
    """(result, RHK, indicators by target) for the plan's results that are stored and have activities."""
    rows = []
    for result in plan.results:
        rhk = book.rhks.get((skp.pk, result.text))
        if rhk is None or not result.work or result.in_revision:
            continue
        indicators = [book.indicators.get((rhk.pk, target.text)) for target in result.targets]
        rows.append((result, rhk, indicators))
    return rows


def _day_reports(*, member, plan, rows, day, today, cal, rater, now):
    """The reports a staff member sent for one day, each with the time it was sent (deterministic).

    On the clock's day, which is not over, only the early reporters have sent the first of their
    reports; a later clock adds the rest of that day.
    """
    rng = random.Random(f"report|{member.nip}|{day.isoformat()}")
    if rng.random() >= plan.reporting:
        return []
    wanted = 2 if rng.random() < 0.45 else 1
    choices = [(result, rhk, indicators, work) for result, rhk, indicators in rows for work in result.work]
    weights = [3 if result.kind == MAIN else 1 for result, *_ in choices]
    picked = []
    while choices and len(picked) < wanted:
        k = rng.choices(range(len(choices)), weights)[0]
        picked.append(choices.pop(k))
        weights.pop(k)

    next_day = cal.shift(day, 1)
    late = rng.random() < 0.15
    sent = day_at(day, 15, 0) + timedelta(minutes=rng.randrange(0, 100, 5))
    if day == today:
        early = random.Random(f"early|{member.nip}|{day.isoformat()}")
        if early.random() >= 0.45:
            return []
        picked = picked[:1]
        sent = day_at(day, 7, 30) + timedelta(minutes=early.randrange(0, 150, 5))
    elif late and next_day <= today:
        sent = day_at(next_day, 7, 30) + timedelta(minutes=rng.randrange(0, 60, 5))
    sent = min(sent, now)

    reviewer = rater.on(member, day)
    delay = REVIEW_DELAY.get(reviewer.name, 1) if reviewer is not None else None
    review_day = cal.shift(day, delay) if delay is not None else None
    hour, minute = rng.randint(9, 15), rng.randrange(0, 60, 5)  # drawn always: the rest stays the same
    reviewed_at = None
    if review_day is not None and review_day < today:
        reviewed_at = min(day_at(review_day, hour, minute), now)

    reports = []
    for n, (_result, rhk, indicators, work) in enumerate(picked):
        report = DailyReport(
            staff=member,
            date=day,
            activity=work.text,
            rhk=rhk,
            indicator=indicators[work.target] if work.target is not None else None,
            output_quantity=Decimal(rng.randint(work.low, work.high)),
            output_unit=work.unit,
            minutes_spent=rng.randrange(30, 241, 15),
            evidence_link=f"{EVIDENCE_HOST}{rng.getrandbits(40):010x}" if rng.random() < 0.03 else "",
        )
        if reviewed_at is not None:
            report.reviewed_by, report.reviewed_at = reviewer, reviewed_at
            if rng.random() < 0.08:
                report.status = ReportStatus.COMMENTED
                report.review_comment = rng.choice(REVIEW_COMMENTS)
            else:
                report.status = ReportStatus.ACKNOWLEDGED
        reports.append((report, sent + timedelta(minutes=n)))
    return reports


def sync_reports(*, people, staff, plans, book, years, cals, rater, today, summary):
    """Adds the daily reports of the report days that are not stored yet, with two bulk writes."""
    now = timezone.now()
    days = {code: _report_days(cals[code], years[code], today) for code in years}
    members = [staff[nip] for nip in plans if staff[nip].is_active and staff[nip].pk in book.skps]
    first = min(d[0] for d in days.values())
    stored = set(
        DailyReport.objects.filter(staff__in=members, date__range=(first, today)).values_list(
            "staff_id", "date", "rhk_id", "activity"
        )
    )
    planned, new = 0, []
    for member in members:
        plan, code = plans[member.nip], people[member.nip].agency.code
        rows = _reportable(plan, book.skps[member.pk], book)
        for day in days[code]:
            reports = _day_reports(
                member=member,
                plan=plan,
                rows=rows,
                day=day,
                today=today,
                cal=cals[code],
                rater=rater,
                now=now,
            )
            planned += len(reports)
            new += [
                pair for pair in reports if (member.pk, day, pair[0].rhk.pk, pair[0].activity) not in stored
            ]
    DailyReport.objects.bulk_create([report for report, _ in new])
    # created_at is set on insert; the demo shows when each report was sent.
    for report, sent in new:
        report.created_at = sent
    DailyReport.objects.bulk_update([report for report, _ in new], ["created_at"])
    summary.add(DailyReport, rows=planned, created=len(new), updated=0)
    summary.report_days = sorted(set().union(*days.values()))
