"""The demo SKPs: their results, indicators, expectations and workflow history, written in bulk."""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from appraisal.demo.annexes import ANNEX
from appraisal.demo.expectations import EXPECTATIONS
from appraisal.demo.plan_types import APPROVED, DRAFT, MAIN, RETURNED, Plan
from appraisal.demo.plans import plans_by_nip
from appraisal.demo.year import PLAN_DEADLINE, YEAR, day_at
from appraisal.models import (
    BehaviourExpectation,
    CoreValue,
    Indicator,
    Rhk,
    Skp,
    SkpApproach,
    SkpEvent,
    SkpEventKind,
)


@dataclass
class _Book:
    """Rows of the plans as keyed for the run: existing ones and those written now."""

    skps: dict  # staff id -> Skp
    rhks: dict  # (skp id, text) -> Rhk
    indicators: dict  # (rhk id, text) -> Indicator


def _load_book(years, staff_ids):
    skps = {s.staff_id: s for s in Skp.objects.filter(year__in=years, staff_id__in=staff_ids)}
    rhks = {(r.skp_id, r.text): r for r in Rhk.objects.filter(skp__in=list(skps.values()))}
    indicators = {(i.rhk_id, i.text): i for i in Indicator.objects.filter(rhk__skp__in=list(skps.values()))}
    return _Book(skps, rhks, indicators)


def _expectation_texts(nip):
    pick = int(nip[-4:])
    return {value: texts[(pick + n) % len(texts)] for n, (value, texts) in enumerate(EXPECTATIONS.items())}


def _timeline(plan, member, level, rater, cal, today):
    """The workflow of a plan: (status, revision, submitted_at, approved_at, [(kind, by, at, comment)]).

    Plans were sent in January, the higher levels first, and approved within a few working days before
    the deadline. A reopened plan was opened again a week ago and sent again this week.
    """
    if plan.status == DRAFT:
        return DRAFT, 0, None, None, []
    rng = random.Random(f"plan|{member.nip}")
    january = cal.working_days(date(YEAR, 1, 5), PLAN_DEADLINE - timedelta(days=1))
    sent_day = january[min(len(january) - 4, 3 * level - 2 + rng.randint(0, 2))]
    approved_day = min(cal.shift(sent_day, rng.randint(1, 3)), january[-1])
    sent_at = day_at(sent_day, rng.randint(8, 15), rng.randrange(0, 60, 5))
    approved_at = day_at(approved_day, rng.randint(8, 15), rng.randrange(0, 60, 5))
    supervisor_user = rater.staff_by_pk[member.supervisor_id].user_id
    events = [
        (SkpEventKind.SUBMITTED, member.user_id, sent_at, "", 0),
        (SkpEventKind.APPROVED, supervisor_user, approved_at, "", 0),
    ]
    if not plan.revision_reason:
        return APPROVED, 0, sent_at, approved_at, events
    recent = cal.working_days(today - timedelta(days=30), today - timedelta(days=1))
    opened, resent, answered = recent[-7], recent[-3], recent[-1]
    resent_at = day_at(resent, rng.randint(9, 15), rng.randrange(0, 60, 5))
    events.append((SkpEventKind.REVISION, member.user_id, day_at(opened, 10, 15), plan.revision_reason, 1))
    events.append((SkpEventKind.SUBMITTED, member.user_id, resent_at, "", 1))
    if plan.status == RETURNED:
        now_rater = rater.on(member, answered)
        events.append(
            (SkpEventKind.RETURNED, now_rater.user_id, day_at(answered, 14, 20), plan.return_comment, 1)
        )
    return plan.status, 1, resent_at, approved_at, events


def _drafted_at(level, cal, today):
    """When a draft was last changed: the heads wrote theirs in the first week of January, anyone
    else is still at it."""
    if level == 0:
        return day_at(cal.working_days(date(YEAR, 1, 5), PLAN_DEADLINE)[1], 10, 0)
    return day_at(cal.working_days(today - timedelta(days=30), today - timedelta(days=1))[-2], 11, 0)


def _snapshot(skp, member, revision, rows, owners, expectations, annex):
    """The plan's content as skp_snapshot() reads it, from the rows just written."""

    def supports(rhk):
        if rhk.supports is None:
            return None
        return {
            "id": rhk.supports.pk,
            "text": rhk.supports.text,
            "staff": owners[rhk.supports.skp_id].full_name,
        }

    return {
        "revision": revision,
        "year": YEAR,
        "approach": skp.approach,
        "staff": {"id": member.pk, "nip": member.nip, "name": member.full_name},
        "results": [
            {
                "id": rhk.pk,
                "kind": rhk.kind,
                "text": rhk.text,
                "order": rhk.order,
                "supports": supports(rhk),
                "goal": rhk.goal and {"id": rhk.goal.pk, "code": rhk.goal.code, "text": rhk.goal.text},
                "indicators": [
                    {
                        "id": ind.pk,
                        "text": ind.text,
                        "aspect": ind.aspect,
                        "target_value": str(ind.target_value),
                        "target_unit": ind.target_unit,
                        "target_text": ind.target_text,
                    }
                    for ind in indicators
                ],
            }
            for rhk, indicators in rows
        ],
        "expectations": [{"value": value, "expectation": expectations[value]} for value in CoreValue.values],
        "annex": dict(zip(("resource_support", "accountability_scheme", "consequences"), annex, strict=True)),
    }


def sync_plans(*, people, staff, years, goals, cals, rater, today, summary):
    """Writes the SKPs missing for the year with their results, indicators, expectations and history."""
    plans = plans_by_nip()
    book = _load_book(list(years.values()), [staff[nip].pk for nip in plans])
    staff_by_pk = {m.pk: m for m in staff.values()}
    owners = {skp.pk: staff_by_pk[skp.staff_id] for skp in book.skps.values()}
    new = [nip for nip in plans if staff[nip].pk not in book.skps]

    def parent_text(nip, result):
        """The text of the supervisor's result this one supports, when it exists or is written now."""
        if not isinstance(result.up, int):
            return None
        supervisor = people[nip].supervisor
        above = plans.get(supervisor.nip) if supervisor else None
        if above is None or result.up >= len(above.results):
            return None
        text = above.results[result.up].text
        above_skp = book.skps.get(staff[supervisor.nip].pk)
        if supervisor.nip in new or (above_skp is not None and (above_skp.pk, text) in book.rhks):
            return text
        return None

    def complete(nip):
        """Whether every main result is linked, so that the plan may have left the draft."""
        for result in plans[nip].results:
            if result.kind == MAIN and parent_text(nip, result) is None and not isinstance(result.up, str):
                return False
        return True

    skps, timelines = [], {}
    for nip in new:
        plan, member, placement = plans[nip], staff[nip], people[nip]
        code = placement.agency.code
        cal = cals[code]
        draft = plan.status == DRAFT or not complete(nip)
        timeline = _timeline(
            Plan(plan.name, plan.results, DRAFT) if draft else plan,
            member,
            placement.level,
            rater,
            cal,
            today,
        )
        status, revision, submitted_at, approved_at, events = timeline
        timelines[nip] = timeline
        resource, scheme, consequences = ANNEX[code]
        skps.append(
            Skp(
                staff=member,
                year=years[code],
                approach=SkpApproach.QUANTITATIVE,
                status=status,
                rater_id=member.supervisor_id,
                revision=revision,
                resource_support=resource,
                accountability_scheme=scheme,
                consequences=consequences,
                submitted_at=submitted_at,
                approved_at=approved_at,
            )
        )
    Skp.objects.bulk_create(skps)
    for skp in skps:
        book.skps[skp.staff_id] = skp
        owners[skp.pk] = staff_by_pk[skp.staff_id]
    summary.add(Skp, rows=len(book.skps), created=len(skps), updated=0)

    expectations = []
    for nip in new:
        skp = book.skps[staff[nip].pk]
        texts = _expectation_texts(nip) if skp.approved_at else dict.fromkeys(CoreValue.values, "")
        expectations += [
            BehaviourExpectation(skp=skp, value=v, expectation=texts[v]) for v in CoreValue.values
        ]
    BehaviourExpectation.objects.bulk_create(expectations)

    # Results level by level, so that the supervisor's result exists before the one supporting it.
    written = {}  # nip -> [(Rhk, [Indicator])] in the plan's order
    for level in sorted({people[nip].level for nip in new}):
        batch = []
        for nip in (n for n in new if people[n].level == level):
            skp, placement = book.skps[staff[nip].pk], people[nip]
            rows = written[nip] = []
            for order, result in enumerate(plans[nip].results, start=1):
                text = parent_text(nip, result)
                parent = None
                if text is not None:
                    parent = book.rhks[book.skps[staff[placement.supervisor.nip].pk].pk, text]
                goal = goals.get((placement.agency.code, result.up)) if isinstance(result.up, str) else None
                rhk = Rhk(
                    skp=skp, kind=result.kind, text=result.text, supports=parent, goal=goal, order=order
                )
                rows.append((rhk, []))
                batch.append(rhk)
        Rhk.objects.bulk_create(batch)
        for rhk in batch:
            book.rhks[rhk.skp_id, rhk.text] = rhk
    indicators = []
    for nip in new:
        for (rhk, targets), result in zip(written[nip], plans[nip].results, strict=True):
            for target in result.targets:
                indicator = Indicator(
                    rhk=rhk,
                    text=target.text,
                    aspect=target.aspect,
                    target_value=target.value,
                    target_unit=target.unit,
                )
                targets.append(indicator)
                indicators.append(indicator)
    Indicator.objects.bulk_create(indicators)
    for indicator in indicators:
        book.indicators[indicator.rhk_id, indicator.text] = indicator
    summary.add(Rhk, rows=len(book.rhks), created=sum(len(rows) for rows in written.values()), updated=0)
    summary.add(Indicator, rows=len(book.indicators), created=len(indicators), updated=0)

    events = []
    for nip in new:
        skp, member = book.skps[staff[nip].pk], staff[nip]
        *_, steps = timelines[nip]
        code = people[nip].agency.code
        first_version = [
            (rhk, targets)
            for (rhk, targets), result in zip(written[nip], plans[nip].results, strict=True)
            if not result.in_revision
        ]
        for kind, by, at, comment, revision in steps:
            snapshot = None
            if kind == SkpEventKind.APPROVED:
                rows = first_version if revision == 0 else written[nip]
                snapshot = _snapshot(
                    skp, member, revision, rows, owners, _expectation_texts(nip), ANNEX[code]
                )
            events.append(
                SkpEvent(
                    skp=skp,
                    kind=kind,
                    actor_id=by,
                    at=at,
                    comment=comment,
                    revision=revision,
                    snapshot=snapshot,
                )
            )
    SkpEvent.objects.bulk_create(events)
    # updated_at is set on insert; the demo shows when each plan last changed.
    for nip in new:
        *_, steps = timelines[nip]
        placement = people[nip]
        changed = steps[-1][2] if steps else _drafted_at(placement.level, cals[placement.agency.code], today)
        book.skps[staff[nip].pk].updated_at = changed
    Skp.objects.bulk_update([book.skps[staff[nip].pk] for nip in new], ["updated_at"])
    stored = SkpEvent.objects.filter(skp__in=list(book.skps.values())).count()
    summary.add(SkpEvent, rows=stored, created=len(events), updated=0)

    summary.skp_statuses = Counter(skp.status for skp in book.skps.values())
    summary.without_skp = sorted(m.full_name for m in staff.values() if m.is_active and m.pk not in book.skps)
    return plans, book
