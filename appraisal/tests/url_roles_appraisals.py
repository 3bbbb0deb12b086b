"""The appraisal URLs × roles, and builders of appraisals at each step for the appraisal tests.

Staff A (the "staff" role) is rated by kabid A (the "supervisor" role) and approved by the head, who
plays no role of the table. Kabid A's own appraisal is rated by the head, who has no superior, so
the agency's HR approves it and decides on objections to it."""

from datetime import date

from accounts.tests.roles import LOGIN, ROLES, SIGNED_IN
from appraisal.models import CoreValue, DevelopmentActivity, Objection, PerformanceYear
from appraisal.services import appraisals as services
from appraisal.services import development as development_services
from appraisal.tests import factories

STEPS = ("self", "rater", "submitted", "final")


def year_of(org):
    year = PerformanceYear.objects.filter(agency=org.agency, year=2026).first()
    return year or factories.performance_year(org.agency)


def appraisal_at(org, step, *, staff=None, rater=None, approver=None):
    """An appraisal of Triwulan I 2026 at a step: "self" (self-assessment), "rater" (with the rater),
    "submitted" (waiting for approval) or "final"."""
    staff, rater, approver = staff or org.staff_a, rater or org.kabid_a, approver or org.head.user
    year = year_of(org)
    skp = factories.approved_skp(staff, year)
    period = year.periods.get(sequence=1)
    appraisal = services.appraisal_start(skp=skp, period=period, by=staff.user, today=date(2026, 3, 1))
    if step == "self":
        return appraisal
    services.self_assessment_submit(appraisal=appraisal, by=staff.user, version=appraisal.version)
    if step == "rater":
        return appraisal
    data = {
        "results": {row.rhk_id: ("meets", "") for row in appraisal.result_ratings.all()},
        "behaviour": dict.fromkeys(CoreValue.values, "Sesuai harapan."),
        "competencies": {row.competency_id: (3, "") for row in appraisal.competency_levels.all()},
        "results_rating": "meets",
        "behaviour_rating": "meets",
    }
    services.assessment_save(appraisal=appraisal, by=rater.user, version=appraisal.version, data=data)
    services.assessment_submit(appraisal=appraisal, by=rater.user, version=appraisal.version)
    if step == "submitted":
        return appraisal
    services.appraisal_approve(appraisal=appraisal, by=approver)
    appraisal.refresh_from_db()
    return appraisal


def action_for(org, appraisal):
    activity = DevelopmentActivity.objects.create(title="Coaching pelayanan prima", kind="coaching")
    return development_services.action_add(
        appraisal=appraisal,
        by=org.kabid_a.user,
        activity=activity,
        aim="Menyelesaikan permohonan tepat waktu",
        starts_on=date(2026, 4, 1),
        due_on=date(2026, 6, 30),
    )


def _at(step):
    return lambda org: {"pk": appraisal_at(org, step).pk}


def _objection_to_kabid(org):
    appraisal = appraisal_at(org, "final", staff=org.kabid_a, rater=org.head, approver=org.hr)
    Objection.objects.create(
        appraisal=appraisal, reason="Capaian triwulan belum dihitung.", filed_at=appraisal.approved_at
    )
    return {"pk": appraisal.pk}


def _action(org):
    appraisal = appraisal_at(org, "rater")
    return {"pk": appraisal.pk, "action_pk": action_for(org, appraisal).pk}


def _skp_of_staff_a(org):
    return {"skp_pk": factories.approved_skp(org.staff_a, year_of(org)).pk}


POST_NOT_ALLOWED = 405
# Whoever may see staff A: themself, the chain above (kabid A), their HR, the super admin.
VISIBLE = {
    "anonymous": LOGIN,
    "staff": 200,
    "supervisor": 200,
    "hr": 200,
    "other_hr": 404,
    "superadmin": 200,
    "outsider": 404,
}


def only(role, status=200, others=403):
    """Visible to the same people as VISIBLE, usable by one role only (others 403)."""
    table = {name: (others if VISIBLE[name] == 200 else VISIBLE[name]) for name in ROLES}
    table[role] = status
    return table


REFUSED_STEP = {name: (302 if VISIBLE[name] == 200 else VISIBLE[name]) for name in ROLES}

TABLE = {
    "appraisal:appraisal_mine": (None, SIGNED_IN, POST_NOT_ALLOWED),
    "appraisal:appraisal_team": (None, SIGNED_IN, POST_NOT_ALLOWED),
    "appraisal:appraisal_inbox": (None, SIGNED_IN, POST_NOT_ALLOWED),
    # Starting is a POST; whoever may not start it sees the refusal on the page they came from.
    "appraisal:appraisal_start": (
        _skp_of_staff_a,
        dict.fromkeys(ROLES, 405),
        REFUSED_STEP,
    ),
    "appraisal:appraisal_detail": (_at("final"), VISIBLE, POST_NOT_ALLOWED),
    # An empty POST shows the form again with what is missing.
    "appraisal:appraisal_self": (_at("self"), only("staff"), "same"),
    "appraisal:appraisal_skip_self": (_at("self"), dict.fromkeys(ROLES, 405), only("supervisor", 302)),
    "appraisal:appraisal_assess": (_at("rater"), only("supervisor"), "same"),
    "appraisal:appraisal_review": (_at("submitted"), dict.fromkeys(ROLES, 405), REFUSED_STEP),
    "appraisal:appraisal_objection": (_at("final"), only("staff"), "same"),
    "appraisal:appraisal_objection_decide": (
        _objection_to_kabid,
        {**only("hr"), "staff": 404, "supervisor": 403, "superadmin": 200},
        "same",
    ),
    "appraisal:appraisal_potential": (
        _at("final"),
        {**only("hr"), "superadmin": 200},
        {**only("hr", 302), "superadmin": 302},
    ),
    "appraisal:plan_edit": (_at("rater"), only("supervisor"), "same"),
    "appraisal:plan_action_remove": (_action, dict.fromkeys(ROLES, 405), only("supervisor", 302)),
    "appraisal:plan_action_agree": (_action, dict.fromkeys(ROLES, 405), only("staff", 302)),
    "appraisal:plan_action_progress": (
        _action,
        dict.fromkeys(ROLES, 405),
        {**only("staff", 302), "supervisor": 302},
    ),
    "appraisal:staff_appraisals": (lambda org: {"staff_pk": org.staff_a.pk}, VISIBLE, POST_NOT_ALLOWED),
}
