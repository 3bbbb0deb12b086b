"""The SKP services with the database: the cascade, the workflow, and that every refusal stores nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import ActingAssignment
from accounts.tests import factories as staff_factories
from appraisal.models import (
    BehaviourExpectation,
    CoreValue,
    Indicator,
    Rhk,
    Skp,
    SkpEvent,
    SkpStatus,
)
from appraisal.services import skp as services
from appraisal.tests import factories

NOT_IN_PLAN = "not in your supervisor's plan"
REVISION_ONLY = "Approved plans change only through a revision."


def _counts():
    return (
        Skp.objects.count(),
        Rhk.objects.count(),
        Indicator.objects.count(),
        SkpEvent.objects.count(),
        BehaviourExpectation.objects.count(),
    )


def _refusal(service, **kwargs):
    """The field → messages mapping of the refusal, in English, after checking nothing was stored."""
    before = _counts()
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        service(**kwargs)
    assert _counts() == before
    return excinfo.value.message_dict


def _all_messages(refusal):
    return " ".join(message for messages in refusal.values() for message in messages)


@pytest.fixture
def year(org):
    return factories.performance_year(org.agency)


@pytest.fixture
def boss_plan(org, year):
    """Kabid A's plan with one result their team can support."""
    skp = factories.skp(org.kabid_a, year)
    return skp, factories.rhk(skp, text="Meningkatnya cakupan kepemilikan KTP-el")


@pytest.fixture
def plan(org, year):
    return services.skp_start(staff=org.staff_a, year=year, approach="quantitative")


def _complete(skp, supports):
    rhk = services.rhk_add(skp=skp, kind="main", text="Terverifikasinya berkas KTP-el", supports=supports)
    services.indicator_add(
        rhk=rhk,
        text="Jumlah berkas terverifikasi",
        aspect="quantity",
        target_value=Decimal("1200"),
        target_unit="berkas",
    )
    return rhk


def _approved(org, plan, boss_rhk):
    _complete(plan, boss_rhk)
    services.skp_submit(skp=plan, by=org.staff_a.user)
    return services.skp_approve(skp=plan, by=org.kabid_a.user)


# --- Starting -------------------------------------------------------------------------------------


def test_it_starts_a_plan_with_the_supervisor_as_rater_and_seven_expectations(org, year):
    skp = services.skp_start(staff=org.staff_a, year=year, approach="qualitative")
    assert (skp.status, skp.revision, skp.approach) == (SkpStatus.DRAFT, 0, "qualitative")
    assert skp.rater == org.kabid_a
    assert sorted(skp.expectations.values_list("value", flat=True)) == sorted(CoreValue.values)


def test_it_refuses_a_second_plan_for_the_same_year(org, year, plan):
    refusal = _refusal(services.skp_start, staff=org.staff_a, year=year, approach="quantitative")
    assert "already an SKP for 2026" in refusal["year"][0]


def test_it_keeps_one_plan_per_staff_and_year_in_the_database(org, year, plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Skp.objects.create(staff=org.staff_a, year=year)


def test_it_refuses_a_year_of_another_agency_a_closed_year_and_an_unknown_approach(org, year):
    other_year = factories.performance_year(org.other_agency, with_periods=False)
    assert (
        "another agency"
        in _refusal(services.skp_start, staff=org.staff_a, year=other_year, approach="quantitative")["year"][
            0
        ]
    )
    closed = factories.performance_year(org.agency, year=2025, with_periods=False, is_open=False)
    assert (
        "closed"
        in _refusal(services.skp_start, staff=org.staff_a, year=closed, approach="quantitative")["year"][0]
    )
    assert "approach" in _refusal(services.skp_start, staff=org.staff_a, year=year, approach="numbers")


# --- The cascade ----------------------------------------------------------------------------------


def test_it_links_a_result_to_a_result_of_the_supervisors_plan(plan, boss_plan):
    _, boss_rhk = boss_plan
    rhk = services.rhk_add(skp=plan, kind="main", text="  Terlayaninya perekaman KTP-el  ", supports=boss_rhk)
    assert (rhk.supports, rhk.text, rhk.order) == (boss_rhk, "Terlayaninya perekaman KTP-el", 1)
    assert services.rhk_add(skp=plan, kind="additional", text="Menjadi narasumber").order == 2


@pytest.mark.parametrize("owner", ["staff_a2", "head", "kabid_a_other_year"])
def test_it_refuses_a_link_outside_the_supervisors_plan(org, year, plan, owner):
    if owner == "kabid_a_other_year":
        other_year = factories.performance_year(org.agency, year=2025, with_periods=False)
        foreign = factories.rhk(factories.skp(org.kabid_a, other_year))
    else:
        foreign = factories.rhk(factories.skp(getattr(org, owner), year))
    refusal = _refusal(services.rhk_add, skp=plan, kind="main", text="Hasil", supports=foreign)
    assert NOT_IN_PLAN in refusal["supports"][0]


def test_it_refuses_linking_to_a_result_of_the_same_plan(plan, boss_plan):
    own = services.rhk_add(skp=plan, kind="main", text="Hasil pertama", supports=boss_plan[1])
    refusal = _refusal(services.rhk_update, rhk=own, kind="main", text="Hasil pertama", supports=own)
    assert NOT_IN_PLAN in refusal["supports"][0]


def test_it_lets_staff_link_to_the_plan_of_the_official_acting_for_their_supervisor(org, year, boss_plan):
    # Staff B's head (kabid B) retired; kabid A is Plt for kabid B.
    skp_b = services.skp_start(staff=org.staff_b, year=year, approach="quantitative")
    rhk = services.rhk_add(skp=skp_b, kind="main", text="Tercatatnya akta kelahiran", supports=boss_plan[1])
    assert rhk.supports == boss_plan[1]


def test_it_refuses_the_acting_officials_plan_once_the_assignment_ended(org, year, boss_plan):
    skp_b = services.skp_start(staff=org.staff_b, year=year, approach="quantitative")
    ActingAssignment.objects.filter(pk=org.acting.pk).update(ends_on=date.today() - timedelta(days=1))
    refusal = _refusal(services.rhk_add, skp=skp_b, kind="main", text="Hasil", supports=boss_plan[1])
    assert NOT_IN_PLAN in refusal["supports"][0]


def test_it_links_the_heads_results_to_an_agency_goal_of_the_year(org, year):
    head_plan = services.skp_start(staff=org.head, year=year, approach="quantitative")
    goal = factories.goal(year)
    rhk = services.rhk_add(skp=head_plan, kind="main", text="Meningkatnya kualitas layanan", goal=goal)
    assert rhk.goal == goal

    other_goal = factories.goal(factories.performance_year(org.agency, year=2025, with_periods=False))
    assert (
        "another performance year"
        in _refusal(services.rhk_add, skp=head_plan, kind="main", text="Hasil", goal=other_goal)["goal"][0]
    )


def test_it_refuses_an_agency_goal_for_staff_who_have_a_supervisor(year, plan):
    refusal = _refusal(services.rhk_add, skp=plan, kind="main", text="Hasil", goal=factories.goal(year))
    assert "head of the agency" in refusal["goal"][0]


def test_it_refuses_a_result_without_text_or_with_an_unknown_kind(plan):
    refusal = _refusal(services.rhk_add, skp=plan, kind="extra", text="   ")
    assert set(refusal) == {"kind", "text"}


def test_it_refuses_removing_a_result_the_team_supports(org, plan, boss_plan):
    boss_skp, boss_rhk = boss_plan
    services.rhk_add(skp=plan, kind="main", text="Hasil", supports=boss_rhk)
    refusal = _refusal(services.rhk_remove, rhk=boss_rhk)
    assert "team's plans support this result" in _all_messages(refusal)


def test_it_removes_a_result_with_its_indicators(plan, boss_plan):
    rhk = _complete(plan, boss_plan[1])
    services.rhk_remove(rhk=rhk)
    assert not Rhk.objects.filter(pk=rhk.pk).exists()
    assert not Indicator.objects.filter(rhk_id=rhk.pk).exists()


# --- Indicators -----------------------------------------------------------------------------------


def test_it_stores_a_quantitative_target_and_drops_a_text_target(plan, boss_plan):
    rhk = services.rhk_add(skp=plan, kind="main", text="Hasil", supports=boss_plan[1])
    indicator = services.indicator_add(
        rhk=rhk,
        text=" Persentase berkas selesai ",
        aspect="time",
        target_value=Decimal("95.5"),
        target_unit="persen",
        target_text="ignored",
    )
    indicator.refresh_from_db()
    assert (indicator.text, indicator.aspect, indicator.target_value, indicator.target_unit) == (
        "Persentase berkas selesai",
        "time",
        Decimal("95.50"),
        "persen",
    )
    assert indicator.target_text == ""


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"aspect": "", "target_value": Decimal("10"), "target_unit": "berkas"}, {"aspect"}),
        ({"aspect": "quantity", "target_value": Decimal("0"), "target_unit": "berkas"}, {"target_value"}),
        ({"aspect": "quantity", "target_value": Decimal("-5"), "target_unit": "berkas"}, {"target_value"}),
        ({"aspect": "quantity", "target_value": None, "target_unit": " "}, {"target_value", "target_unit"}),
        ({"aspect": "quantity", "target_value": Decimal("1.005"), "target_unit": "x"}, {"target_value"}),
        (
            {"aspect": "speed", "target_value": Decimal("1e13"), "target_unit": "x"},
            {"aspect", "target_value"},
        ),
    ],
)
def test_it_refuses_an_incomplete_quantitative_target(plan, boss_plan, fields, named):
    rhk = services.rhk_add(skp=plan, kind="main", text="Hasil", supports=boss_plan[1])
    assert set(_refusal(services.indicator_add, rhk=rhk, text="Jumlah", **fields)) == named


def test_it_wants_a_text_target_in_a_qualitative_plan(org, year, boss_plan):
    skp = services.skp_start(staff=org.staff_a2, year=year, approach="qualitative")
    rhk = services.rhk_add(skp=skp, kind="main", text="Hasil", supports=boss_plan[1])
    assert set(_refusal(services.indicator_add, rhk=rhk, text="Kualitas layanan", target_text=" ")) == {
        "target_text"
    }
    indicator = services.indicator_add(
        rhk=rhk,
        text="Kualitas layanan",
        aspect="quality",
        target_value=Decimal("5"),
        target_text="Tanpa keluhan",
    )
    assert (indicator.target_text, indicator.target_value, indicator.aspect) == ("Tanpa keluhan", None, "")


# --- Submitting -----------------------------------------------------------------------------------


def test_it_refuses_to_submit_a_plan_without_a_main_result(org, plan):
    services.rhk_add(skp=plan, kind="additional", text="Tugas tambahan")
    refusal = _refusal(services.skp_submit, skp=plan, by=org.staff_a.user)
    assert "at least one main work result" in _all_messages(refusal)
    plan.refresh_from_db()
    assert plan.status == SkpStatus.DRAFT


def test_it_refuses_to_submit_a_main_result_without_indicator_or_link(org, plan):
    services.rhk_add(skp=plan, kind="main", text="Hasil tanpa apa-apa")
    message = _all_messages(_refusal(services.skp_submit, skp=plan, by=org.staff_a.user))
    assert "needs at least one indicator" in message
    assert "is not linked to a result of your supervisor" in message


def test_it_refuses_a_submission_by_someone_else_than_the_owner(org, plan, boss_plan):
    _complete(plan, boss_plan[1])
    for user in (org.kabid_a.user, org.hr, org.superadmin):
        assert "Only the owner" in _all_messages(_refusal(services.skp_submit, skp=plan, by=user))


def test_it_refuses_a_link_that_left_the_supervisors_plan_when_submitting(org, plan, boss_plan):
    _complete(plan, boss_plan[1])
    org.staff_a.supervisor = org.head
    org.staff_a.save(update_fields=["supervisor"])
    message = _all_messages(_refusal(services.skp_submit, skp=plan, by=org.staff_a.user))
    assert "no longer in your supervisor's plan" in message


def test_it_submits_a_complete_plan_with_an_unlinked_additional_result(org, plan, boss_plan):
    _complete(plan, boss_plan[1])
    services.rhk_add(skp=plan, kind="additional", text="Menjadi panitia")
    services.skp_submit(skp=plan, by=org.staff_a.user)
    plan.refresh_from_db()
    assert plan.status == SkpStatus.SUBMITTED
    assert plan.submitted_at is not None
    event = plan.events.get()
    assert (event.kind, event.actor, event.revision) == ("submitted", org.staff_a.user, 0)


# --- Returning and approving ------------------------------------------------------------------------


@pytest.fixture
def submitted(org, plan, boss_plan):
    _complete(plan, boss_plan[1])
    return services.skp_submit(skp=plan, by=org.staff_a.user)


def test_it_returns_a_plan_with_the_raters_comment(org, submitted):
    services.skp_return(skp=submitted, by=org.kabid_a.user, comment=" Target terlalu rendah. ")
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.RETURNED
    event = submitted.events.latest("at")
    assert (event.kind, event.comment, event.actor) == (
        "returned",
        "Target terlalu rendah.",
        org.kabid_a.user,
    )
    # Returned plans can be changed and submitted again.
    services.skp_update_annex(
        skp=submitted, resource_support="Server", accountability_scheme="", consequences=""
    )
    services.skp_submit(skp=submitted, by=org.staff_a.user)


def test_it_refuses_a_return_without_comment(org, submitted):
    refusal = _refusal(services.skp_return, skp=submitted, by=org.kabid_a.user, comment="  ")
    assert "comment" in refusal


@pytest.mark.parametrize("who", ["staff_a", "staff_a2", "head", "hr", "superadmin"])
def test_it_lets_only_the_rater_return_or_approve(org, submitted, who):
    user = getattr(org, who) if who in ("hr", "superadmin") else getattr(org, who).user
    assert "Only the rater" in _all_messages(_refusal(services.skp_approve, skp=submitted, by=user))
    assert "Only the rater" in _all_messages(
        _refusal(services.skp_return, skp=submitted, by=user, comment="Perbaiki")
    )


def test_it_refuses_to_approve_or_return_a_draft(org, plan):
    assert "Only a submitted plan" in _all_messages(
        _refusal(services.skp_approve, skp=plan, by=org.kabid_a.user)
    )
    assert "Only a submitted plan" in _all_messages(
        _refusal(services.skp_return, skp=plan, by=org.kabid_a.user, comment="Perbaiki")
    )


def test_it_lets_the_acting_official_approve_for_the_retired_supervisor(org, year, boss_plan):
    skp_b = services.skp_start(staff=org.staff_b, year=year, approach="quantitative")
    assert skp_b.rater == org.kabid_b
    _complete(skp_b, boss_plan[1])
    services.skp_submit(skp=skp_b, by=org.staff_b.user)
    services.skp_approve(skp=skp_b, by=org.kabid_a.user)
    skp_b.refresh_from_db()
    assert skp_b.status == SkpStatus.APPROVED
    assert skp_b.events.latest("at").actor == org.kabid_a.user


def test_it_refuses_an_official_acting_for_their_own_supervisor_approving_their_own_plan(org, submitted):
    ActingAssignment.objects.create(
        acting=org.staff_a,
        replaces=org.kabid_a,
        kind="plh",
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=3),
    )
    assert "Only the rater" in _all_messages(
        _refusal(services.skp_approve, skp=submitted, by=org.staff_a.user)
    )


def test_it_stores_the_full_approved_content_in_the_history(org, submitted, boss_plan):
    services.expectation_update(
        skp=submitted, by=org.kabid_a.user, expectations={"akuntabel": "Tepat waktu melapor"}
    )
    services.skp_approve(skp=submitted, by=org.kabid_a.user)
    submitted.refresh_from_db()
    assert submitted.status == SkpStatus.APPROVED
    assert submitted.approved_at is not None
    event = submitted.events.get(kind="approved")
    snapshot = event.snapshot
    assert (snapshot["revision"], snapshot["year"], snapshot["approach"]) == (0, 2026, "quantitative")
    [result] = snapshot["results"]
    assert result["text"] == "Terverifikasinya berkas KTP-el"
    assert result["supports"]["id"] == boss_plan[1].pk
    assert result["supports"]["staff"] == org.kabid_a.full_name
    assert result["indicators"][0]["target_value"] == "1200.00"
    assert result["indicators"][0]["target_unit"] == "berkas"
    expectations = {row["value"]: row["expectation"] for row in snapshot["expectations"]}
    assert expectations["akuntabel"] == "Tepat waktu melapor"
    assert len(expectations) == 7
    assert set(snapshot["annex"]) == {"resource_support", "accountability_scheme", "consequences"}


# --- Approved plans change only through a revision -------------------------------------------------


@pytest.fixture
def approved(org, plan, boss_plan):
    return _approved(org, plan, boss_plan[1])


def _edits(skp, boss_rhk):
    rhk = skp.results.get()
    rhk.skp = skp
    indicator = rhk.indicators.get()
    indicator.rhk = rhk
    return [
        (services.rhk_add, {"skp": skp, "kind": "main", "text": "Baru", "supports": boss_rhk}),
        (services.rhk_update, {"rhk": rhk, "kind": "main", "text": "Diubah", "supports": boss_rhk}),
        (services.rhk_remove, {"rhk": rhk}),
        (
            services.indicator_add,
            {"rhk": rhk, "text": "Baru", "aspect": "quantity", "target_value": 1, "target_unit": "x"},
        ),
        (
            services.indicator_update,
            {
                "indicator": indicator,
                "text": "Diubah",
                "aspect": "cost",
                "target_value": 2,
                "target_unit": "x",
            },
        ),
        (services.indicator_remove, {"indicator": indicator}),
        (
            services.skp_update_annex,
            {"skp": skp, "resource_support": "X", "accountability_scheme": "Y", "consequences": "Z"},
        ),
    ]


def _content(skp):
    rhk = skp.results.get()
    indicator = rhk.indicators.get()
    skp.refresh_from_db()
    return (rhk.text, indicator.text, indicator.target_value, skp.resource_support, skp.status)


def test_it_refuses_every_direct_edit_of_an_approved_plan(approved, boss_plan):
    before = _content(approved)
    for service, kwargs in _edits(approved, boss_plan[1]):
        assert REVISION_ONLY in _all_messages(_refusal(service, **kwargs)), service.__name__
    assert _content(approved) == before


def test_it_refuses_every_direct_edit_of_a_submitted_plan(submitted, boss_plan):
    before = _content(submitted)
    for service, kwargs in _edits(submitted, boss_plan[1]):
        assert "waiting for the rater's decision" in _all_messages(_refusal(service, **kwargs))
    assert _content(submitted) == before


def test_it_refuses_a_revision_without_reason_or_of_a_draft(org, plan, approved):
    assert "reason" in _refusal(services.skp_open_revision, skp=approved, by=org.staff_a.user, reason=" ")
    other = services.skp_start(staff=org.staff_a2, year=approved.year, approach="quantitative")
    assert "Only an approved plan" in _all_messages(
        _refusal(services.skp_open_revision, skp=other, by=org.staff_a2.user, reason="Ubah")
    )
    assert "Only the owner" in _all_messages(
        _refusal(services.skp_open_revision, skp=approved, by=org.staff_a2.user, reason="Ubah")
    )


def test_it_keeps_the_old_snapshot_when_a_revision_is_approved(org, approved, boss_plan):
    first = approved.events.get(kind="approved")
    services.skp_open_revision(skp=approved, by=org.kabid_a.user, reason="Tugas baru dari kepala dinas")
    approved.refresh_from_db()
    assert (approved.status, approved.revision) == (SkpStatus.DRAFT, 1)
    revision_event = approved.events.get(kind="revision")
    assert (revision_event.revision, revision_event.comment) == (1, "Tugas baru dari kepala dinas")

    rhk = approved.results.get()
    rhk.skp = approved
    services.rhk_update(rhk=rhk, kind="main", text="Hasil yang diubah", supports=boss_plan[1])
    services.skp_submit(skp=approved, by=org.staff_a.user)
    services.skp_approve(skp=approved, by=org.kabid_a.user)

    snapshots = list(approved.events.filter(kind="approved").order_by("at", "pk"))
    assert [s.revision for s in snapshots] == [0, 1]
    assert snapshots[0].pk == first.pk
    assert snapshots[0].snapshot == first.snapshot
    assert snapshots[0].snapshot["results"][0]["text"] == "Terverifikasinya berkas KTP-el"
    assert snapshots[1].snapshot["results"][0]["text"] == "Hasil yang diubah"
    assert snapshots[1].snapshot["revision"] == 1


# --- Expectations --------------------------------------------------------------------------------------


def test_it_lets_the_rater_write_the_expectations(org, plan):
    services.expectation_update(
        skp=plan,
        by=org.kabid_a.user,
        expectations={"berorientasi_pelayanan": " Ramah kepada pemohon ", "kolaboratif": "Berbagi data"},
    )
    texts = dict(plan.expectations.values_list("value", "expectation"))
    assert texts["berorientasi_pelayanan"] == "Ramah kepada pemohon"
    assert texts["kolaboratif"] == "Berbagi data"
    assert texts["loyal"] == ""


def test_it_refuses_expectations_from_the_owner_an_unknown_value_or_on_an_approved_plan(org, plan, boss_plan):
    assert "Only the rater" in _all_messages(
        _refusal(services.expectation_update, skp=plan, by=org.staff_a.user, expectations={"loyal": "X"})
    )
    assert "Unknown core value" in _all_messages(
        _refusal(services.expectation_update, skp=plan, by=org.kabid_a.user, expectations={"jujur": "X"})
    )
    _approved(org, plan, boss_plan[1])
    assert REVISION_ONLY in _all_messages(
        _refusal(services.expectation_update, skp=plan, by=org.kabid_a.user, expectations={"loyal": "X"})
    )


# --- Handing a result down -------------------------------------------------------------------------------


def test_it_hands_a_result_down_to_direct_reports_and_acting_ones(org, year, boss_plan):
    boss_skp, boss_rhk = boss_plan
    existing = services.skp_start(staff=org.staff_a2, year=year, approach="quantitative")
    services.rhk_add(skp=existing, kind="additional", text="Tugas lain")

    result = services.rhk_assign_to_subordinates(
        source_rhk=boss_rhk,
        subordinates=[org.staff_a, org.staff_a2, org.staff_b],
        by=org.kabid_a.user,
    )
    assert len(result.created) == 3
    assert {skp.staff_id for skp in result.started} == {org.staff_a.pk, org.staff_b.pk}
    assert result.locked == result.already_linked == []
    for staff in (org.staff_a, org.staff_a2, org.staff_b):
        rhk = Rhk.objects.get(skp__staff=staff, supports=boss_rhk)
        assert (rhk.text, rhk.kind) == (boss_rhk.text, "main")
    assert Rhk.objects.get(skp=existing, supports=boss_rhk).order == 2
    started = Skp.objects.get(staff=org.staff_b)
    assert (started.status, started.rater_id, started.expectations.count()) == ("draft", org.kabid_b.pk, 7)


def test_it_skips_submitted_plans_and_those_already_linked(org, year, boss_plan):
    _, boss_rhk = boss_plan
    locked = services.skp_start(staff=org.staff_a, year=year, approach="quantitative")
    _complete(locked, boss_rhk)
    services.skp_submit(skp=locked, by=org.staff_a.user)
    linked = services.skp_start(staff=org.staff_a2, year=year, approach="quantitative")
    services.rhk_add(skp=linked, kind="main", text="Sudah", supports=boss_rhk)
    before = Rhk.objects.filter(skp__in=[locked, linked]).count()

    result = services.rhk_assign_to_subordinates(
        source_rhk=boss_rhk,
        subordinates=[org.staff_a, org.staff_a2],
        text="Teks lain",
        kind="additional",
        by=org.kabid_a.user,
    )
    assert result.created == []
    assert result.locked == [org.staff_a]
    assert result.already_linked == [org.staff_a2]
    assert Rhk.objects.filter(skp__in=[locked, linked]).count() == before


@pytest.mark.parametrize("who", ["head", "outsider", "kabid_a"])
def test_it_refuses_handing_down_to_someone_who_is_not_a_direct_report(org, boss_plan, who):
    refusal = _refusal(
        services.rhk_assign_to_subordinates,
        source_rhk=boss_plan[1],
        subordinates=[org.staff_a, getattr(org, who)],
        by=org.kabid_a.user,
    )
    assert "Not your direct reports" in refusal["subordinates"][0]


def test_it_refuses_handing_down_someone_elses_result_or_to_nobody(org, boss_plan):
    assert "Only the owner" in _all_messages(
        _refusal(
            services.rhk_assign_to_subordinates,
            source_rhk=boss_plan[1],
            subordinates=[org.staff_a],
            by=org.head.user,
        )
    )
    assert "subordinates" in _refusal(
        services.rhk_assign_to_subordinates, source_rhk=boss_plan[1], subordinates=[], by=org.kabid_a.user
    )


def _team(boss, n):
    return [staff_factories.staff(supervisor=boss, name=f"Anggota {i}") for i in range(n)]


def test_it_hands_down_in_a_fixed_number_of_queries(org, year):
    counts = []
    for size in (3, 20):
        boss = staff_factories.staff(supervisor=org.head, name=f"Kabid {size}")
        boss_rhk = factories.rhk(factories.skp(boss, year))
        team = _team(boss, size)
        half = team[: size // 2]
        for member in half:  # half have a draft already, half get one started
            factories.rhk(factories.skp(member, year), kind="additional")
        with CaptureQueriesContext(connection) as queries:
            result = services.rhk_assign_to_subordinates(source_rhk=boss_rhk, subordinates=team, by=boss.user)
        assert len(result.created) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
