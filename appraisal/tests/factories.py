"""Test data for plans, calendars and reports."""

import itertools
from datetime import UTC, date, datetime
from decimal import Decimal

from appraisal.models import (
    AgencyGoal,
    BehaviourExpectation,
    CoreValue,
    DailyReport,
    EvaluationPeriod,
    Indicator,
    PerformanceYear,
    Rhk,
    Skp,
)

_seq = itertools.count(1)
QUARTERS = (("Triwulan I", 1, 3), ("Triwulan II", 4, 6), ("Triwulan III", 7, 9), ("Triwulan IV", 10, 12))


def performance_year(agency, *, year=2026, with_periods=True, **kw):
    py = PerformanceYear.objects.create(agency=agency, year=year, plan_deadline=date(year, 1, 31), **kw)
    if with_periods:
        for sequence, (name, first, last) in enumerate(QUARTERS, start=1):
            ends = date(year, last, 31 if last in (3, 12) else 30)
            EvaluationPeriod.objects.create(
                year=py,
                sequence=sequence,
                name=name,
                starts_on=date(year, first, 1),
                ends_on=ends,
                evaluation_deadline=ends,
            )
    return py


def goal(year, **kw):
    n = next(_seq)
    return AgencyGoal.objects.create(year=year, **{"code": f"SS-{n}", "text": f"Sasaran strategis {n}", **kw})


def skp(staff, year, **kw):
    return Skp.objects.create(staff=staff, year=year, rater=staff.supervisor, **kw)


def rhk(skp_obj, *, supports=None, goal_obj=None, **kw):
    n = next(_seq)
    return Rhk.objects.create(
        skp=skp_obj, supports=supports, goal=goal_obj, **{"text": f"Hasil kerja {n}", **kw}
    )


def indicator(rhk_obj, **kw):
    n = next(_seq)
    defaults = {
        "text": f"Jumlah dokumen {n}",
        "aspect": "quantity",
        "target_value": Decimal("100"),
        "target_unit": "dokumen",
    }
    return Indicator.objects.create(rhk=rhk_obj, **{**defaults, **kw})


def daily_report(staff, rhk_obj, *, on=None, indicator_obj=None, **kw):
    defaults = {
        "activity": "Memverifikasi berkas permohonan KTP-el",
        "output_quantity": Decimal("5"),
        "output_unit": "dokumen",
        "minutes_spent": 90,
    }
    return DailyReport.objects.create(
        staff=staff, date=on or date(2026, 11, 23), rhk=rhk_obj, indicator=indicator_obj, **{**defaults, **kw}
    )


def approved_skp(staff, year, *, main=2, additional=1):
    """An approved SKP with `main` main results and `additional` additional ones, each with one
    quantity indicator (target 100), and the BerAKHLAK expectations."""
    plan = skp(staff, year, status="approved", approved_at=datetime.now(UTC))
    for value in CoreValue.values:
        BehaviourExpectation.objects.create(skp=plan, value=value, expectation=f"Harapan {value}")
    for n in range(main + additional):
        kind = "main" if n < main else "additional"
        indicator(rhk(plan, kind=kind, order=n))
    return plan


def final_appraisal(
    org,
    *,
    staff=None,
    approver=None,
    year=None,
    period_sequence=1,
    results="meets",
    behaviour="meets",
    override_reason="",
    level=1,
    with_plan=False,
    approve=True,
):
    """An appraisal made final through the services: by default staff A's, rated by kabid A and
    approved by the head. `staff` is rated by their supervisor and approved by `approver` (a user).

    period_sequence None gives the annual appraisal. Every work result is rated "meets" and every
    competency assessed at `level`; `results` and `behaviour` are the overall ratings (a results
    rating other than the proposal needs `override_reason`). with_plan adds one development action;
    approve=False leaves it submitted, waiting for the approval."""
    from appraisal.models import DevelopmentActivity
    from appraisal.services import appraisals as appraisal_services
    from appraisal.services import development as development_services

    year = year or performance_year(org.agency)
    staff = staff or org.staff_a
    plan = approved_skp(staff, year)
    if period_sequence is None:
        period, today = None, date(year.year, 12, 1)
    else:
        period = year.periods.get(sequence=period_sequence)
        today = max(period.starts_on, period.ends_on.replace(day=1))
    owner, rater, approver = staff.user, staff.supervisor.user, approver or org.head.user
    appraisal = appraisal_services.appraisal_start(skp=plan, period=period, by=owner, today=today)
    appraisal_services.self_assessment_submit(appraisal=appraisal, by=owner, version=appraisal.version)
    data = {
        "results": {
            row.rhk_id: ("meets", "Capaian sesuai target.") for row in appraisal.result_ratings.all()
        },
        "behaviour": {value: f"Catatan {value}" for value in CoreValue.values},
        "competencies": {row.competency_id: (level, "") for row in appraisal.competency_levels.all()},
        "results_rating": results,
        "results_override_reason": override_reason,
        "results_feedback": "Pertahankan kinerja.",
        "behaviour_rating": behaviour,
        "behaviour_feedback": "Perilaku kerja baik.",
        "overall_feedback": "Terus tingkatkan.",
    }
    appraisal_services.assessment_save(appraisal=appraisal, by=rater, version=appraisal.version, data=data)
    if with_plan:
        activity = DevelopmentActivity.objects.create(
            agency=org.agency, title="Pelatihan pelayanan publik", kind="training"
        )
        development_services.action_add(
            appraisal=appraisal,
            by=rater,
            activity=activity,
            aim="Meningkatkan kecepatan pelayanan",
            starts_on=today,
            due_on=today.replace(day=28),
        )
    appraisal.refresh_from_db()
    appraisal_services.assessment_submit(appraisal=appraisal, by=rater, version=appraisal.version)
    if approve:
        appraisal_services.appraisal_approve(appraisal=appraisal, by=approver)
    appraisal.refresh_from_db()
    return appraisal
