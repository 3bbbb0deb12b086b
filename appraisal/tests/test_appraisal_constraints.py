"""The database alone holds the appraisal's rules: rows written past the services are refused, each by
the constraint that states the rule."""

from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from appraisal.models import (
    ActionStatus,
    Appraisal,
    AppraisalEvent,
    AppraisalEventKind,
    Competency,
    CompetencyAssessment,
    DevelopmentAction,
    DevelopmentActivity,
    IndicatorAchievement,
    Objection,
    PerformanceYear,
    ResultRating,
)
from appraisal.rules.ratings import Predikat
from appraisal.tests import factories as f

# (results, behaviour) → predikat, as the regulation's quadrant reads.
QUADRANT = [
    ("above", "below", "kurang_misconduct"),
    ("above", "meets", "baik"),
    ("above", "above", "sangat_baik"),
    ("meets", "below", "kurang_misconduct"),
    ("meets", "meets", "baik"),
    ("meets", "above", "baik"),
    ("below", "below", "sangat_kurang"),
    ("below", "meets", "butuh_perbaikan"),
    ("below", "above", "butuh_perbaikan"),
]
# (potential, results rating) → talent box.
TALENT_GRID = [
    ("tinggi", "below", 6),
    ("tinggi", "meets", 8),
    ("tinggi", "above", 9),
    ("menengah", "below", 3),
    ("menengah", "meets", 5),
    ("menengah", "above", 7),
    ("rendah", "below", 1),
    ("rendah", "meets", 2),
    ("rendah", "above", 4),
]


@contextmanager
def _violates(constraint):
    """The block is refused by the database, by this constraint."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        yield
    assert excinfo.value.__cause__.diag.constraint_name == constraint


@pytest.fixture
def year(org):
    return f.performance_year(org.agency)


@pytest.fixture
def skp(org, year):
    return f.approved_skp(org.staff_a, year)


@pytest.fixture
def appraisal(skp, year):
    return Appraisal.objects.create(skp=skp, period=year.periods.get(sequence=1))


def _update(appraisal, **fields):
    Appraisal.objects.filter(pk=appraisal.pk).update(**fields)


def _rated(results, behaviour, predikat, **fields):
    """A rated appraisal whose ratings pass every rule except, perhaps, the one under test."""
    return {
        "results_proposed": results,
        "results_rating": results,
        "behaviour_rating": behaviour,
        "results_feedback": "Umpan balik hasil kerja",
        "behaviour_feedback": "Umpan balik perilaku",
        "predikat": predikat,
        **fields,
    }


# --- Ratings on the scale -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"results_proposed": "great"},
        {"results_proposed": "great", "results_rating": "great"},
        {"behaviour_rating": "great"},
        {"behaviour_rating": "MEETS"},
        {"results_proposed": "good", "results_rating": "good"},
    ],
)
def test_it_refuses_an_overall_rating_outside_the_choices(appraisal, fields):
    with _violates("appraisal_ratings_valid"):
        _update(appraisal, **fields)


@pytest.mark.parametrize("rating", ["great", "Above", "meet"])
def test_it_refuses_a_work_result_rating_outside_the_choices(appraisal, skp, rating):
    rhk = skp.results.first()
    with _violates("result_rating_valid"):
        ResultRating.objects.create(appraisal=appraisal, rhk=rhk, rating=rating, feedback="Umpan balik")


def _assessment(appraisal, **fields):
    competency = Competency.objects.national().order_by("code").first()
    return CompetencyAssessment.objects.create(
        appraisal=appraisal, competency=competency, **{"standard_level": 3, **fields}
    )


@pytest.mark.parametrize("level", [0, 6])
def test_it_refuses_an_assessed_level_outside_1_to_5(appraisal, level):
    row = _assessment(appraisal, level=3)
    with _violates("assessment_level_1_to_5"):
        CompetencyAssessment.objects.filter(pk=row.pk).update(level=level)
    with _violates("assessment_level_1_to_5"):
        _assessment(Appraisal.objects.create(skp=appraisal.skp, period=None), level=level)


@pytest.mark.parametrize("standard", [0, 6])
def test_it_refuses_a_standard_level_outside_1_to_5(appraisal, standard):
    with _violates("assessment_standard_1_to_5"):
        _assessment(appraisal, standard_level=standard)


@pytest.mark.parametrize("level", [1, 5])
def test_it_accepts_the_levels_at_both_ends_of_the_scale(appraisal, level):
    row = _assessment(appraisal, standard_level=level, level=level)
    assert (row.standard_level, row.level) == (level, level)


# --- The quadrant and the talent grid ---------------------------------------------------------------


@pytest.mark.parametrize(("results", "behaviour", "predikat"), QUADRANT)
def test_it_refuses_a_predikat_that_does_not_match_the_quadrant(appraisal, results, behaviour, predikat):
    wrong = [value for value in Predikat.values if value != predikat]
    assert len(wrong) == 4
    for value in [*wrong, ""]:
        with _violates("appraisal_predikat_quadrant"):
            _update(appraisal, **_rated(results, behaviour, value))
    _update(appraisal, **_rated(results, behaviour, predikat))
    appraisal.refresh_from_db()
    assert appraisal.predikat == predikat


@pytest.mark.parametrize(("results", "behaviour"), [("meets", ""), ("", "meets"), ("", "")])
def test_it_refuses_a_predikat_before_both_ratings_are_given(appraisal, results, behaviour):
    with _violates("appraisal_predikat_quadrant"):
        _update(appraisal, **_rated(results, behaviour, "baik"))
    _update(appraisal, **_rated(results, behaviour, ""))


@pytest.mark.parametrize(("potential", "results", "box"), TALENT_GRID)
def test_it_refuses_a_talent_box_that_does_not_match_the_grid(appraisal, potential, results, box):
    fields = {**_rated(results, "", ""), "potential": potential, "potential_source": "jpm"}
    for wrong in (n for n in range(0, 11) if n != box):
        with _violates("appraisal_talent_box_grid"):
            _update(appraisal, **fields, talent_box=wrong)
    _update(appraisal, **fields, talent_box=box)
    assert Appraisal.objects.get(pk=appraisal.pk).talent_box == box


def test_it_refuses_an_empty_talent_box_once_the_rating_and_the_potential_are_given(appraisal):
    with _violates("appraisal_talent_box_grid"):
        _update(
            appraisal, **_rated("meets", "", ""), potential="tinggi", potential_source="jpm", talent_box=None
        )


@pytest.mark.parametrize(("results", "potential", "source"), [("", "tinggi", "hr"), ("meets", "", "")])
def test_it_refuses_a_talent_box_without_both_the_rating_and_the_potential(
    appraisal, results, potential, source
):
    with _violates("appraisal_talent_box_grid"):
        _update(
            appraisal, **_rated(results, "", ""), potential=potential, potential_source=source, talent_box=8
        )


@pytest.mark.parametrize(
    ("potential", "source"), [("tinggi", ""), ("", "hr"), ("", "jpm"), ("sedang", "hr"), ("tinggi", "ac")]
)
def test_it_refuses_a_potential_without_its_source(appraisal, potential, source):
    with _violates("appraisal_potential_has_source"):
        _update(appraisal, potential=potential, potential_source=source)


@pytest.mark.parametrize(("field", "value"), [("jpm", -1), ("jpm", 500.01), ("jpm_band", "sangat_optimal")])
def test_it_refuses_a_jpm_out_of_range_or_an_unknown_band(appraisal, field, value):
    with _violates("appraisal_jpm_range" if field == "jpm" else "appraisal_jpm_band_valid"):
        _update(appraisal, **{field: value})


# --- Reasons and feedback -----------------------------------------------------------------------------


@pytest.mark.parametrize(("proposed", "rating"), [("meets", "above"), ("above", "below"), ("", "meets")])
def test_it_refuses_a_results_rating_other_than_the_proposal_without_a_reason(appraisal, proposed, rating):
    fields = {**_rated(rating, "", ""), "results_proposed": proposed}
    with _violates("appraisal_override_has_reason"):
        _update(appraisal, **fields)
    _update(appraisal, **fields, results_override_reason="Inovasi layanan")


def test_it_refuses_results_below_expectations_without_feedback(appraisal):
    with _violates("appraisal_results_below_has_feedback"):
        _update(appraisal, **_rated("below", "", "", results_feedback=""))


def test_it_refuses_behaviour_below_expectations_without_feedback(appraisal):
    with _violates("appraisal_behaviour_below_has_feedback"):
        _update(appraisal, **_rated("", "below", "", behaviour_feedback=""))


def test_it_refuses_a_work_result_below_expectations_without_feedback(appraisal, skp):
    row = ResultRating.objects.create(appraisal=appraisal, rhk=skp.results.first())
    with _violates("result_below_has_feedback"):
        ResultRating.objects.filter(pk=row.pk).update(rating="below")
    ResultRating.objects.filter(pk=row.pk).update(rating="below", feedback="Percepat verifikasi")


def test_it_refuses_a_return_without_a_comment(org, appraisal):
    with _violates("appraisal_return_needs_comment"):
        AppraisalEvent.objects.create(
            appraisal=appraisal, kind=AppraisalEventKind.RETURNED, actor=org.head.user, at=timezone.now()
        )


def test_it_refuses_an_achievement_below_zero_or_changed_without_a_reason(appraisal, skp):
    indicator = skp.results.first().indicators.get()
    with _violates("achievement_not_negative"):
        IndicatorAchievement.objects.create(appraisal=appraisal, indicator=indicator, achieved=-1)
    with _violates("achievement_change_has_reason"):
        IndicatorAchievement.objects.create(appraisal=appraisal, indicator=indicator, reported=5, achieved=6)
    IndicatorAchievement.objects.create(
        appraisal=appraisal, indicator=indicator, reported=5, achieved=6, change_reason="Laporan tertinggal"
    )


# --- The workflow's states ----------------------------------------------------------------------------


def _submittable(org):
    return {**_rated("meets", "meets", "baik"), "submitted_at": timezone.now(), "rater": org.kabid_a}


@pytest.mark.parametrize("missing", ["predikat", "submitted_at", "rater"])
def test_it_refuses_a_submitted_appraisal_that_is_not_rated(org, appraisal, missing):
    fields = _submittable(org)
    if missing == "predikat":
        fields.update(behaviour_rating="", predikat="")
    else:
        fields[missing] = None
    with _violates("appraisal_submitted_is_rated"):
        _update(appraisal, **fields, status="submitted")


@pytest.mark.parametrize("missing", ["approved_at", "approved_by"])
def test_it_refuses_a_final_appraisal_without_its_approval(org, appraisal, missing):
    approval = {"approved_at": timezone.now(), "approved_by": org.head.user, missing: None}
    with _violates("appraisal_final_is_approved"):
        _update(appraisal, **_submittable(org), **approval, status="final")


def test_it_accepts_a_final_appraisal_with_its_approval(org, appraisal):
    _update(appraisal, **_submittable(org), approved_at=timezone.now(), approved_by=org.hr, status="final")
    assert Appraisal.objects.get(pk=appraisal.pk).is_final


@pytest.mark.parametrize("status", ["draft", "approved", "FINAL"])
def test_it_refuses_an_unknown_status(appraisal, status):
    with _violates("appraisal_status_valid"):
        _update(appraisal, status=status)


def test_it_refuses_a_version_of_zero(appraisal):
    with _violates("appraisal_version_positive"):
        _update(appraisal, version=0)


# --- One appraisal per staff member and period --------------------------------------------------------


def test_it_keeps_one_appraisal_per_staff_member_and_period(org, year, skp, appraisal):
    with _violates("one_appraisal_per_staff_per_period"):
        Appraisal.objects.create(skp=skp, period=appraisal.period)
    Appraisal.objects.create(skp=skp, period=year.periods.get(sequence=2))
    Appraisal.objects.create(skp=f.approved_skp(org.staff_a2, year), period=appraisal.period)


def test_it_keeps_one_annual_appraisal_per_staff_member(skp):
    Appraisal.objects.create(skp=skp, period=None)
    with _violates("one_appraisal_per_staff_per_period"):
        Appraisal.objects.create(skp=skp, period=None)


def test_it_keeps_one_objection_per_appraisal_and_records_its_decision(org, appraisal):
    with _violates("objection_reason_not_empty"):
        Objection.objects.create(appraisal=appraisal, reason="", filed_at=timezone.now())
    objection = Objection.objects.create(appraisal=appraisal, reason="Keberatan", filed_at=timezone.now())
    with _violates("appraisal_objection_appraisal_id_key"):
        Objection.objects.create(appraisal=appraisal, reason="Lagi", filed_at=timezone.now())
    for fields in (
        {"decision": "", "decided_by": org.head.user, "decided_at": timezone.now()},
        {"decision": "Ditolak", "decided_by": None, "decided_at": timezone.now()},
        {"decision": "Ditolak", "decided_by": org.head.user, "decided_at": None},
    ):
        with _violates("objection_decision_recorded"):
            Objection.objects.filter(pk=objection.pk).update(status="rejected", **fields)


# --- The year's objection period ----------------------------------------------------------------------


@pytest.mark.parametrize(("days", "allowed"), [(0, False), (1, True), (90, True), (91, False)])
def test_it_bounds_the_objection_period_to_1_to_90_days(year, days, allowed):
    if allowed:
        PerformanceYear.objects.filter(pk=year.pk).update(objection_days=days)
        year.refresh_from_db()
        assert year.objection_days == days
    else:
        with _violates("objection_days_bounded"):
            PerformanceYear.objects.filter(pk=year.pk).update(objection_days=days)


# --- Development actions ------------------------------------------------------------------------------


@pytest.fixture
def activity(org):
    return DevelopmentActivity.objects.create(
        agency=org.agency, title="Pelatihan pelayanan prima", kind="training"
    )


def _action(org, appraisal, activity, **fields):
    today = date(2026, 4, 1)
    values = {
        "appraisal": appraisal,
        "activity": activity,
        "aim": "Mempercepat verifikasi berkas",
        "starts_on": today,
        "due_on": today + timedelta(days=30),
        "proposed_by": org.kabid_a,
        **fields,
    }
    return DevelopmentAction.objects.create(**values)


def test_it_refuses_a_development_action_due_before_it_starts(org, appraisal, activity):
    with _violates("action_due_after_start"):
        _action(org, appraisal, activity, due_on=date(2026, 3, 31))
    action = _action(org, appraisal, activity, due_on=date(2026, 4, 1))  # one day is enough
    with _violates("action_due_after_start"):
        DevelopmentAction.objects.filter(pk=action.pk).update(starts_on=date(2026, 4, 2))


@pytest.mark.parametrize("status", [ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED])
def test_it_refuses_progress_on_a_development_action_not_agreed(org, appraisal, activity, status):
    action = _action(org, appraisal, activity)
    with _violates("action_started_only_when_agreed"):
        DevelopmentAction.objects.filter(pk=action.pk).update(status=status)
    DevelopmentAction.objects.filter(pk=action.pk).update(status=status, agreed_at=timezone.now())


def test_it_refuses_a_development_action_with_two_aims_no_aim_or_an_unknown_status(
    org, appraisal, activity, skp
):
    competency = Competency.objects.national().first()
    with _violates("action_one_source"):
        _action(org, appraisal, activity, competency=competency, rhk=skp.results.first())
    with _violates("action_aim_not_empty"):
        _action(org, appraisal, activity, aim="")
    with _violates("action_status_valid"):
        _action(org, appraisal, activity, status="cancelled", agreed_at=timezone.now())
