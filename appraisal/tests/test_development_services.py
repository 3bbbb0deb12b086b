"""The development plan services with the database: the rater proposes actions from the catalogue, the
staff member agrees, both report progress, and every step is in the appraisal's history."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from appraisal.models import (
    ActionStatus,
    AppraisalEvent,
    AppraisalEventKind,
    Competency,
    DevelopmentAction,
    DevelopmentActivity,
    PositionCompetency,
)
from appraisal.services import appraisals as appraisal_services
from appraisal.services import development as services
from appraisal.tests import factories as f


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def year(org):
    return f.performance_year(org.agency)


@pytest.fixture
def competencies(org):
    """Staff A's position requires the first two national competencies at level 3."""
    rows = list(Competency.objects.national().order_by("code")[:2])
    for competency in rows:
        PositionCompetency.objects.create(
            position=org.staff_a.position, competency=competency, standard_level=3
        )
    return rows


def _with_rater(skp, period):
    staff = skp.staff.user
    appraisal = appraisal_services.appraisal_start(skp=skp, period=period, by=staff, today=period.starts_on)
    return appraisal_services.self_assessment_submit(appraisal=appraisal, by=staff, version=appraisal.version)


@pytest.fixture
def appraisal(org, year, competencies):
    """Staff A's first quarter, with the rater: a gap in the second competency (2 of 3) and a main
    result below expectations."""
    appraisal = _with_rater(f.approved_skp(org.staff_a, year), year.periods.get(sequence=1))
    rows = list(appraisal.result_ratings.filter(rhk__kind="main").order_by("rhk__order"))
    appraisal_services.assessment_save(
        appraisal=appraisal,
        by=org.kabid_a.user,
        version=appraisal.version,
        data={
            "results": {rows[0].rhk_id: ("below", "Percepat verifikasi"), rows[1].rhk_id: ("meets", "")},
            "competencies": {competencies[0].pk: (3, ""), competencies[1].pk: (2, "")},
        },
    )
    return appraisal


@pytest.fixture
def below_rhk(appraisal):
    return appraisal.result_ratings.get(rating="below").rhk


def _activity(agency, title, **fields):
    return DevelopmentActivity.objects.create(agency=agency, title=title, **{"kind": "training", **fields})


@pytest.fixture
def activity(org):
    return _activity(org.agency, "Pelatihan kerja sama tim")


def _today():
    return timezone.localdate()


def _add(org, appraisal, activity, *, by=None, **fields):
    values = {
        "aim": "Meningkatkan kerja sama dengan loket lain",
        "starts_on": _today(),
        "due_on": _today() + timedelta(days=60),
        **fields,
    }
    return services.action_add(appraisal=appraisal, by=(by or org.kabid_a).user, activity=activity, **values)


def _state():
    return (
        list(DevelopmentAction.objects.order_by("pk").values()),
        list(AppraisalEvent.objects.order_by("pk").values_list("pk", flat=True)),
    )


def _refused(service, **kwargs):
    """The refusal, after checking that it stored nothing: messages as one text, fields in `.fields`."""
    before = _state()
    with pytest.raises(ValidationError) as excinfo:
        service(**kwargs)
    assert _state() == before
    refusal = _Refusal(" ".join(excinfo.value.messages))
    refusal.fields = set(excinfo.value.message_dict)
    return refusal


class _Refusal(str):
    fields: set


def _plan_events(appraisal):
    return list(
        appraisal.events.filter(kind=AppraisalEventKind.PLAN_CHANGED)
        .order_by("at", "pk")
        .values_list("actor", "comment", "changes")
    )


# --- Proposing ----------------------------------------------------------------------------------------


def test_it_lets_the_rater_propose_an_action_for_a_competency_gap(org, appraisal, activity, competencies):
    action = _add(
        org, appraisal, activity, aim="  Memimpin rapat koordinasi loket  ", competency_id=competencies[1].pk
    )
    action.refresh_from_db()
    assert (action.status, action.aim, action.competency, action.rhk, action.proposed_by) == (
        ActionStatus.PLANNED,
        "Memimpin rapat koordinasi loket",
        competencies[1],
        None,
        org.kabid_a,
    )
    assert (action.is_agreed, action.is_open) == (False, True)
    assert _plan_events(appraisal) == [(org.kabid_a.user.pk, "Proposed: Pelatihan kerja sama tim", [])]


def test_it_lets_the_rater_aim_an_action_at_a_result_below_expectations_or_at_nothing_in_particular(
    org, appraisal, below_rhk
):
    coaching = _activity(None, "Coaching verifikasi berkas", kind="coaching")  # offered to every agency
    aimed = _add(org, appraisal, coaching, rhk_id=below_rhk.pk)
    general = _add(org, appraisal, coaching, aim="Pengembangan diri", competency_id=None, rhk_id=None)
    assert (aimed.rhk, aimed.competency, general.rhk, general.competency) == (below_rhk, None, None, None)


def test_it_accepts_an_action_due_the_day_it_starts(org, appraisal, activity):
    action = _add(org, appraisal, activity, starts_on=_today(), due_on=_today())
    assert action.starts_on == action.due_on


@pytest.mark.parametrize("who", ["staff_a", "staff_a2", "head", "kabid_b", "outsider", "hr", "superadmin"])
def test_it_lets_only_the_rater_propose(org, appraisal, activity, who):
    person = getattr(org, who)
    refusal = _refused(
        services.action_add,
        appraisal=appraisal,
        by=getattr(person, "user", person),
        activity=activity,
        aim="Pelatihan",
        starts_on=_today(),
        due_on=_today() + timedelta(days=30),
    )
    assert "Only the rater of this staff member proposes development actions." in refusal


def test_it_lets_the_acting_head_propose_for_the_staff_of_a_retired_supervisor(org, year, activity):
    appraisal = _with_rater(f.approved_skp(org.staff_b, year), year.periods.get(sequence=1))
    action = _add(org, appraisal, activity)
    assert action.proposed_by == org.kabid_a


def test_it_starts_the_plan_with_the_raters_assessment(org, year, activity):
    skp = f.approved_skp(org.staff_a2, year)
    period = year.periods.get(sequence=1)
    appraisal = appraisal_services.appraisal_start(
        skp=skp, period=period, by=org.staff_a2.user, today=period.starts_on
    )
    refusal = _refused(
        services.action_add,
        appraisal=appraisal,
        by=org.kabid_a.user,
        activity=activity,
        aim="Pelatihan",
        starts_on=_today(),
        due_on=_today() + timedelta(days=30),
    )
    assert "starts with the rater's assessment" in refusal


@pytest.mark.parametrize("case", ["another_agency", "inactive", "inactive_national"])
def test_it_refuses_an_activity_the_agencys_catalogue_does_not_offer(org, appraisal, case):
    activity = {
        "another_agency": lambda: _activity(org.other_agency, "Pelatihan jaringan"),
        "inactive": lambda: _activity(org.agency, "Pelatihan lama", is_active=False),
        "inactive_national": lambda: _activity(None, "Diklat nasional lama", is_active=False),
    }[case]()
    refusal = _refused(
        services.action_add,
        appraisal=appraisal,
        by=org.kabid_a.user,
        activity=activity,
        aim="Pelatihan",
        starts_on=_today(),
        due_on=_today() + timedelta(days=30),
    )
    assert refusal.fields == {"activity"}


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("competency_not_assessed", "competency", "not assessed in this appraisal"),
        ("result_of_another_plan", "rhk", "not part of this appraisal"),
        ("competency_and_result", "aim", "not both"),
        ("no_aim", "aim", "Say what the action should improve."),
        ("due_before_start", "due_on", "cannot be before the start"),
        ("due_beyond_two_years", "due_on", "within the next two years"),
    ],
)
def test_it_refuses_an_action_aimed_wrongly_or_with_impossible_dates(
    org, year, appraisal, activity, competencies, below_rhk, case, field, message
):
    fields = {
        "competency_not_assessed": {
            "competency_id": Competency.objects.national().order_by("-code").first().pk
        },
        "result_of_another_plan": {"rhk_id": f.approved_skp(org.staff_a2, year).results.first().pk},
        "competency_and_result": {"competency_id": competencies[1].pk, "rhk_id": below_rhk.pk},
        "no_aim": {"aim": "   "},
        "due_before_start": {"starts_on": _today(), "due_on": _today() - timedelta(days=1)},
        "due_beyond_two_years": {"due_on": _today() + timedelta(days=731)},
    }[case]
    values = {
        "aim": "Pelatihan",
        "starts_on": _today(),
        "due_on": _today() + timedelta(days=30),
        **fields,
    }
    refusal = _refused(
        services.action_add, appraisal=appraisal, by=org.kabid_a.user, activity=activity, **values
    )
    assert refusal.fields == {field}
    assert message in refusal


def test_it_lets_the_rater_plan_after_the_appraisal_is_final(org, appraisal, activity):
    appraisal_services.assessment_save(
        appraisal=appraisal,
        by=org.kabid_a.user,
        version=appraisal.version,
        data={
            "results": {row.rhk_id: ("meets", "") for row in appraisal.result_ratings.all()},
            "results_rating": "meets",
            "behaviour_rating": "meets",
        },
    )
    appraisal_services.assessment_submit(appraisal=appraisal, by=org.kabid_a.user, version=appraisal.version)
    appraisal_services.appraisal_approve(appraisal=appraisal, by=org.head.user)
    assert _add(org, appraisal, activity).appraisal.is_final


# --- Withdrawing ----------------------------------------------------------------------------------------


@pytest.fixture
def action(org, appraisal, activity, competencies):
    return _add(org, appraisal, activity, competency_id=competencies[1].pk)


def test_it_lets_the_rater_withdraw_an_action_not_yet_agreed(org, appraisal, action):
    services.action_remove(action=action, by=org.kabid_a.user)
    assert not DevelopmentAction.objects.exists()
    assert _plan_events(appraisal)[-1] == (org.kabid_a.user.pk, "Withdrawn: Pelatihan kerja sama tim", [])


@pytest.mark.parametrize("who", ["staff_a", "head", "hr", "outsider"])
def test_it_lets_only_the_rater_withdraw(org, action, who):
    person = getattr(org, who)
    refusal = _refused(services.action_remove, action=action, by=getattr(person, "user", person))
    assert "Only the rater of this staff member" in refusal


def test_it_keeps_an_agreed_action(org, action):
    services.action_agree(action=action, by=org.staff_a.user)
    refusal = _refused(services.action_remove, action=action, by=org.kabid_a.user)
    assert "mark it dropped" in refusal


# --- Agreeing -----------------------------------------------------------------------------------------


def test_it_lets_the_staff_member_agree_to_an_action(org, appraisal, action):
    agreed = services.action_agree(action=action, by=org.staff_a.user)
    action.refresh_from_db()
    assert action.agreed_at == agreed.agreed_at
    assert (action.is_agreed, action.status) == (True, ActionStatus.PLANNED)
    assert _plan_events(appraisal)[-1] == (org.staff_a.user.pk, "Agreed: Pelatihan kerja sama tim", [])


@pytest.mark.parametrize("who", ["kabid_a", "staff_a2", "head", "hr", "superadmin"])
def test_it_lets_only_the_staff_member_agree(org, action, who):
    person = getattr(org, who)
    refusal = _refused(services.action_agree, action=action, by=getattr(person, "user", person))
    assert "Only the staff member agrees to their development actions." in refusal


def test_it_accepts_an_agreement_once(org, action):
    services.action_agree(action=action, by=org.staff_a.user)
    refusal = _refused(services.action_agree, action=action, by=org.staff_a.user)
    assert "already agreed" in refusal


# --- Progress -----------------------------------------------------------------------------------------


@pytest.fixture
def agreed(org, action):
    return services.action_agree(action=action, by=org.staff_a.user)


@pytest.mark.parametrize("who", ["staff_a", "kabid_a"])
def test_it_refuses_progress_before_the_staff_member_agreed(org, action, who):
    refusal = _refused(
        services.action_progress,
        action=action,
        by=getattr(org, who).user,
        status=ActionStatus.IN_PROGRESS,
        note="Mulai",
    )
    assert "once the staff member has agreed" in refusal


def test_it_lets_the_staff_member_and_the_rater_report_progress(org, appraisal, agreed):
    services.action_progress(
        action=agreed, by=org.staff_a.user, status="in_progress", note=" Sesi 1 selesai "
    )
    services.action_progress(action=agreed, by=org.kabid_a.user, status="done", note="")
    agreed.refresh_from_db()
    assert (agreed.status, agreed.progress_note, agreed.is_open) == ("done", "Sesi 1 selesai", False)
    title = "Pelatihan kerja sama tim"
    assert _plan_events(appraisal)[-2:] == [
        (
            org.staff_a.user.pk,
            f"Progress: {title}",
            [
                {"field": "status", "item": title, "from": "planned", "to": "in_progress"},
                {"field": "progress", "item": title, "from": "", "to": "Sesi 1 selesai"},
            ],
        ),
        (
            org.kabid_a.user.pk,
            f"Progress: {title}",
            [{"field": "status", "item": title, "from": "in_progress", "to": "done"}],
        ),
    ]


def test_it_records_no_event_for_progress_that_changes_nothing(org, appraisal, agreed):
    services.action_progress(action=agreed, by=org.staff_a.user, status="in_progress", note="Sesi 1")
    count = appraisal.events.count()
    services.action_progress(action=agreed, by=org.staff_a.user, status="in_progress", note="Sesi 1")
    assert appraisal.events.count() == count


@pytest.mark.parametrize("note", ["", "   "])
def test_it_needs_a_note_to_drop_an_action(org, agreed, note):
    refusal = _refused(
        services.action_progress, action=agreed, by=org.staff_a.user, status="dropped", note=note
    )
    assert refusal.fields == {"note"}
    services.action_progress(
        action=agreed, by=org.staff_a.user, status="dropped", note="Pindah tugas ke loket lain"
    )
    agreed.refresh_from_db()
    assert (agreed.status, agreed.progress_note, agreed.is_open) == (
        "dropped",
        "Pindah tugas ke loket lain",
        False,
    )


@pytest.mark.parametrize("status", ["finished", "", "DONE", None])
def test_it_refuses_an_unknown_progress_status(org, agreed, status):
    refusal = _refused(services.action_progress, action=agreed, by=org.staff_a.user, status=status, note="x")
    assert refusal.fields == {"status"}


def test_it_refuses_going_back_to_planned_once_started(org, agreed):
    services.action_progress(action=agreed, by=org.staff_a.user, status="in_progress", note="Mulai")
    refusal = _refused(
        services.action_progress, action=agreed, by=org.staff_a.user, status="planned", note=""
    )
    assert refusal.fields == {"status"}


@pytest.mark.parametrize("who", ["staff_a2", "head", "hr", "outsider"])
def test_it_lets_only_the_staff_member_or_the_rater_report_progress(org, agreed, who):
    person = getattr(org, who)
    refusal = _refused(
        services.action_progress,
        action=agreed,
        by=getattr(person, "user", person),
        status="done",
        note="Selesai",
    )
    assert "Only the staff member or their rater reports progress." in refusal
