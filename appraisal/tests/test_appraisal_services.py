"""The appraisal services with the database: starting, the self-assessment, the rater's assessment, its
approval, objections, the potential from HR, the history, and edits that cross each other."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from accounts.models import ActingAssignment
from accounts.tests import factories as staff_factories
from appraisal.models import (
    Appraisal,
    AppraisalEvent,
    AppraisalEventKind,
    AppraisalStatus,
    BehaviourNote,
    Competency,
    CompetencyAssessment,
    CoreValue,
    IndicatorAchievement,
    Objection,
    ObjectionStatus,
    PositionCompetency,
    PotentialSource,
    ResultRating,
    SkpStatus,
)
from appraisal.services import appraisals as services
from appraisal.tests import factories as f

MARCH = date(2026, 3, 15)
FEEDBACK = "Perbaiki ketepatan waktu verifikasi berkas."
CHANGED = "changed by someone else"
ONLY_RATER = "Only the rater of this staff member"
NOT_SUBMITTED = "Only a submitted appraisal can be returned or approved."

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


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def year(org):
    return f.performance_year(org.agency)


@pytest.fixture
def q1(year):
    return year.periods.get(sequence=1)


@pytest.fixture
def skp(org, year):
    """Staff A's approved SKP: two main results and one additional, one indicator (target 100) each."""
    return f.approved_skp(org.staff_a, year)


def _standards(staff, levels):
    """The staff member's position requires the first national competencies at these levels."""
    competencies = list(Competency.objects.national().order_by("code")[: len(levels)])
    for competency, level in zip(competencies, levels, strict=True):
        PositionCompetency.objects.create(
            position=staff.position, competency=competency, standard_level=level
        )
    return competencies


@pytest.fixture
def standards(org):
    return _standards(org.staff_a, [3, 3])


def _start(skp, period, *, by=None, today=MARCH):
    return services.appraisal_start(skp=skp, period=period, by=by or skp.staff.user, today=today)


@pytest.fixture
def started(org, skp, q1, standards):
    return _start(skp, q1)


@pytest.fixture
def with_rater(org, started):
    """Staff A has sent the self-assessment (the daily reports' totals, all zero) to kabid A."""
    return services.self_assessment_submit(appraisal=started, by=org.staff_a.user, version=started.version)


def _form(appraisal, *, results="meets", rows=None, behaviour="meets", levels=3, **overall):
    """A complete form: every result rated `rows` (default: the results rating), every competency at
    `levels` (one level for all, or one per competency in the form's order), with feedback where a
    rating is below expectations."""
    rows = rows or results
    competencies = list(appraisal.competency_levels.order_by("pk"))
    levels = levels if isinstance(levels, list | tuple) else [levels] * len(competencies)
    data = {
        "results": {
            row.rhk_id: (rows, FEEDBACK if rows == "below" else "") for row in appraisal.result_ratings.all()
        },
        "competencies": {
            row.competency_id: (level, "Terlihat di loket")
            for row, level in zip(competencies, levels, strict=True)
        },
        "results_rating": results,
        "behaviour_rating": behaviour,
    }
    if results == "below":
        data["results_feedback"] = FEEDBACK
    if behaviour == "below":
        data["behaviour_feedback"] = FEEDBACK
    return {**data, **overall}


def _save(appraisal, rater, data):
    return services.assessment_save(appraisal=appraisal, by=rater.user, version=appraisal.version, data=data)


def _rated(org, appraisal, rater=None, **form):
    return _save(appraisal, rater or org.kabid_a, _form(appraisal, **form))


def _submitted(org, appraisal, rater=None, **form):
    rater = rater or org.kabid_a
    _rated(org, appraisal, rater, **form)
    return services.assessment_submit(appraisal=appraisal, by=rater.user, version=appraisal.version)


@pytest.fixture
def submitted(org, with_rater):
    return _submitted(org, with_rater)


@pytest.fixture
def final(org, submitted):
    return services.appraisal_approve(appraisal=submitted, by=org.head.user, comment="Disetujui")


def _refused(service, **kwargs):
    """The refusal's messages as one text (and the field → messages mapping in `.fields`)."""
    with pytest.raises(ValidationError) as excinfo:
        service(**kwargs)
    return _Refusal(excinfo.value)


class _Refusal(str):
    def __new__(cls, error):
        refusal = super().__new__(cls, " ".join(error.messages))
        refusal.fields = set(error.message_dict)
        return refusal


def _snapshot(appraisal):
    """Everything stored about the appraisal, to show a refused write changed nothing."""
    return (
        Appraisal.objects.filter(pk=appraisal.pk).values().get(),
        list(IndicatorAchievement.objects.filter(appraisal=appraisal).order_by("pk").values()),
        list(ResultRating.objects.filter(appraisal=appraisal).order_by("pk").values()),
        list(BehaviourNote.objects.filter(appraisal=appraisal).order_by("pk").values()),
        list(CompetencyAssessment.objects.filter(appraisal=appraisal).order_by("pk").values()),
        list(AppraisalEvent.objects.filter(appraisal=appraisal).order_by("pk").values()),
        list(Objection.objects.filter(appraisal=appraisal).values()),
    )


def _refused_unchanged(service, appraisal, **kwargs):
    before = _snapshot(appraisal)
    refusal = _refused(service, appraisal=appraisal, **kwargs)
    assert _snapshot(appraisal) == before
    appraisal.refresh_from_db()
    return refusal


def _fresh(appraisal):
    return Appraisal.objects.get(pk=appraisal.pk)


def _kinds(appraisal):
    return list(appraisal.events.order_by("at", "pk").values_list("kind", flat=True))


# --- Starting -------------------------------------------------------------------------------------


def test_it_starts_with_a_row_for_every_indicator_result_value_and_competency(org, started, skp, standards):
    assert (started.status, started.version, started.skp, started.is_annual) == (
        AppraisalStatus.SELF_ASSESSMENT,
        1,
        skp,
        False,
    )
    indicators = {i.pk for rhk in skp.results.all() for i in rhk.indicators.all()}
    assert set(started.achievements.values_list("indicator_id", flat=True)) == indicators
    assert set(started.result_ratings.values_list("rhk_id", flat=True)) == set(
        skp.results.values_list("pk", flat=True)
    )
    assert started.result_ratings.exclude(rating="").count() == 0
    assert sorted(started.behaviour_notes.values_list("value", flat=True)) == sorted(CoreValue.values)
    assert list(started.competency_levels.values_list("competency_id", "standard_level", "level")) == [
        (c.pk, 3, None) for c in standards
    ]
    event = started.events.get()
    assert (event.kind, event.actor) == (AppraisalEventKind.STARTED, org.staff_a.user)


def test_it_assesses_the_national_competencies_at_the_default_level_without_position_standards(skp, q1):
    appraisal = _start(skp, q1)
    national = Competency.objects.national()
    assert set(appraisal.competency_levels.values_list("competency_id", flat=True)) == set(
        national.values_list("pk", flat=True)
    )
    assert set(appraisal.competency_levels.values_list("standard_level", flat=True)) == {1}  # pelaksana


def test_it_prefills_the_achievements_from_the_daily_reports_inside_the_period_only(org, year, skp, q1):
    first, second, extra = (rhk.indicators.get() for rhk in skp.results.order_by("order"))
    qualitative = f.indicator(first.rhk, target_value=None, target_unit="", aspect="", target_text="Tersusun")
    inside = [date(2026, 1, 1), date(2026, 2, 14), date(2026, 3, 31)]
    for day, quantity in zip(inside, ("5", "7.25", "3"), strict=True):
        f.daily_report(org.staff_a, first.rhk, on=day, indicator_obj=first, output_quantity=Decimal(quantity))
    f.daily_report(org.staff_a, first.rhk, on=date(2026, 4, 1), indicator_obj=first, output_quantity=100)
    f.daily_report(org.staff_a, first.rhk, on=date(2025, 12, 31), indicator_obj=first, output_quantity=100)
    f.daily_report(org.staff_a, first.rhk, on=date(2026, 2, 2), output_quantity=100)  # no indicator
    f.daily_report(org.staff_a2, first.rhk, on=date(2026, 2, 2), indicator_obj=first, output_quantity=100)
    f.daily_report(org.staff_a, second.rhk, on=date(2026, 2, 3), indicator_obj=second, output_quantity=2)

    appraisal = _start(skp, q1)
    rows = {row.indicator_id: (row.reported, row.achieved) for row in appraisal.achievements.all()}
    assert rows == {
        first.pk: (Decimal("15.25"), Decimal("15.25")),
        second.pk: (Decimal("2"), Decimal("2")),
        extra.pk: (Decimal("0"), Decimal("0")),
        qualitative.pk: (None, None),
    }
    annual = _start(skp, None, today=date(2026, 10, 1))
    assert annual.achievements.get(indicator=first).reported == Decimal("115.25")


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("draft_skp", "The SKP must be approved"),
        ("submitted_skp", "The SKP must be approved"),
        ("returned_skp", "The SKP must be approved"),
        ("closed_year", "is closed"),
        ("period_not_begun", "Triwulan II has not begun yet."),
        ("period_of_another_year", "belongs to another performance year"),
        ("annual_before_the_last_period", "starts with the last period of the year"),
        ("annual_of_a_year_without_periods", "starts with the last period of the year"),
    ],
)
def test_it_refuses_to_start_too_early_or_on_the_wrong_plan(org, year, skp, q1, case, message):
    period, today = q1, MARCH
    if case.endswith("_skp"):
        skp.status = {"draft": SkpStatus.DRAFT, "submitted": SkpStatus.SUBMITTED}.get(
            case.split("_")[0], SkpStatus.RETURNED
        )
        skp.save(update_fields=["status"])
    elif case == "closed_year":
        year.is_open = False
        year.save(update_fields=["is_open"])
    elif case == "period_not_begun":
        period, today = year.periods.get(sequence=2), date(2026, 3, 31)
    elif case == "period_of_another_year":
        period = f.performance_year(org.agency, year=2025).periods.get(sequence=1)
    elif case == "annual_before_the_last_period":
        period, today = None, date(2026, 9, 30)
    else:
        empty = f.performance_year(org.agency, year=2027, with_periods=False)
        skp = f.approved_skp(org.staff_a, empty)
        period, today = None, date(2027, 12, 31)
    assert message in _refused(
        services.appraisal_start, skp=skp, period=period, by=org.staff_a.user, today=today
    )
    assert not Appraisal.objects.exists()
    assert not AppraisalEvent.objects.exists()


@pytest.mark.parametrize(
    ("sequence", "today"),
    [(1, date(2026, 1, 1)), (2, date(2026, 4, 1)), (None, date(2026, 10, 1)), (None, date(2026, 12, 31))],
)
def test_it_starts_on_the_day_the_period_begins_and_the_annual_once_the_last_period_began(
    year, skp, sequence, today
):
    period = year.periods.get(sequence=sequence) if sequence else None
    appraisal = _start(skp, period, today=today)
    assert (appraisal.period, appraisal.is_annual) == (period, period is None)


@pytest.mark.parametrize("annual", [False, True])
def test_it_refuses_starting_the_same_appraisal_twice(org, skp, q1, annual):
    period = None if annual else q1
    first = _start(skp, period, today=date(2026, 11, 1))
    refusal = _refused(
        services.appraisal_start, skp=skp, period=period, by=org.kabid_a.user, today=date(2026, 11, 1)
    )
    assert "already been started" in refusal
    assert list(Appraisal.objects.values_list("pk", flat=True)) == [first.pk]
    assert first.achievements.count() == 3


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("staff_a", True),
        ("kabid_a", True),
        ("staff_a2", False),
        ("head", False),
        ("kabid_b", False),
        ("outsider", False),
        ("hr", False),
        ("superadmin", False),
    ],
)
def test_it_lets_the_staff_member_or_their_rater_start(org, skp, q1, who, allowed):
    person = getattr(org, who)
    user = getattr(person, "user", person)
    if allowed:
        assert _start(skp, q1, by=user).events.get().actor == user
    else:
        refusal = _refused(services.appraisal_start, skp=skp, period=q1, by=user, today=MARCH)
        assert "Only the staff member or their rater starts" in refusal
        assert not Appraisal.objects.exists()


# --- Self-assessment --------------------------------------------------------------------------------


def _indicators(appraisal):
    return list(appraisal.achievements.select_related("indicator").order_by("pk"))


def _self_save(appraisal, by, achievements, comment="", version=None):
    return services.self_assessment_save(
        appraisal=appraisal,
        by=by.user,
        version=appraisal.version if version is None else version,
        comment=comment,
        achievements=achievements,
    )


def test_it_saves_the_self_assessment_and_records_what_changed(org, started):
    first, second, _extra = _indicators(started)
    _self_save(
        started,
        org.staff_a,
        {
            first.indicator_id: {
                "achieved": "120.5",
                "change_reason": " Laporan harian 3 Maret belum diisi ",
                "evidence_link": "https://drive.example.go.id/berkas/maret",
            },
            second.indicator_id: {"achieved": "0"},
        },
        comment=" Target terlampaui ",
    )
    first.refresh_from_db()
    assert (first.achieved, first.change_reason, first.evidence_link) == (
        Decimal("120.50"),
        "Laporan harian 3 Maret belum diisi",
        "https://drive.example.go.id/berkas/maret",
    )
    started.refresh_from_db()
    assert (started.self_comment, started.version, started.status) == (
        "Target terlampaui",
        2,
        AppraisalStatus.SELF_ASSESSMENT,
    )
    event = started.events.get(kind=AppraisalEventKind.SELF_SAVED)
    assert event.actor == org.staff_a.user
    changed = {(c["field"], c["to"]) for c in event.changes}
    assert changed == {
        ("achieved", "120.5"),
        ("change_reason", "Laporan harian 3 Maret belum diisi"),
        ("evidence_link", "https://drive.example.go.id/berkas/maret"),
        ("self_comment", "Target terlampaui"),
    }
    assert {c["item"] for c in event.changes if c["field"] == "achieved"} == {first.indicator.text}


@pytest.mark.parametrize(
    ("achieved", "reason", "accepted"),
    [
        ("0", "", True),  # the reported total
        ("0.00", "", True),
        ("12", "", False),
        ("12", "   ", False),
        ("12", "Laporan harian tertinggal", True),
        ("", "", True),  # still to be filled in
    ],
)
def test_it_needs_a_reason_for_a_number_other_than_the_reported_total(
    org, started, achieved, reason, accepted
):
    row = _indicators(started)[0]
    data = {row.indicator_id: {"achieved": achieved, "change_reason": reason}}
    if accepted:
        _self_save(started, org.staff_a, data)
        row.refresh_from_db()
        assert row.achieved == (Decimal(achieved) if achieved else None)
    else:
        refusal = _refused_unchanged(
            services.self_assessment_save,
            started,
            by=org.staff_a.user,
            version=started.version,
            comment="",
            achievements=data,
        )
        assert "say why the achievement differs from the daily reports' total (0.00)" in refusal


@pytest.mark.parametrize(
    ("achieved", "message"),
    [
        ("-1", "give a number of zero or more"),
        ("-0.01", "give a number of zero or more"),
        ("1000000000000", "give a number of zero or more"),
        ("1e13", "give a number of zero or more"),
        ("NaN", "give a number of zero or more"),
        ("Infinity", "give a number of zero or more"),
        ("1.234", "use at most two decimals"),
        ("0.001", "use at most two decimals"),
        ("dua belas", "give a number."),
        ("12,5", "give a number."),
        (True, "give a number."),
        ("--1", "give a number."),
    ],
)
def test_it_refuses_a_negative_imprecise_or_garbage_achievement_and_stores_nothing(
    org, started, achieved, message
):
    first, second, _extra = _indicators(started)
    refusal = _refused_unchanged(
        services.self_assessment_save,
        started,
        by=org.staff_a.user,
        version=started.version,
        comment="Komentar baru",
        achievements={
            second.indicator_id: {"achieved": "0", "evidence_link": "https://bukti.example.go.id/a"},
            first.indicator_id: {"achieved": achieved, "change_reason": "Alasan"},
        },
    )
    assert message in refusal
    assert first.indicator.text in refusal


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "ftp://files.example.go.id/bukti.pdf",
        "www.example.go.id/bukti",
        "bukti di lemari arsip",
        "https://",
        "https://bukti.example.go.id/" + "a" * 480,  # longer than the column holds
    ],
)
def test_it_refuses_a_bad_evidence_link(org, started, link):
    row = _indicators(started)[0]
    refusal = _refused_unchanged(
        services.self_assessment_save,
        started,
        by=org.staff_a.user,
        version=started.version,
        comment="",
        achievements={row.indicator_id: {"achieved": "0", "evidence_link": link}},
    )
    assert "evidence link" in refusal


@pytest.mark.parametrize("who", ["kabid_a", "staff_a2", "head", "outsider", "hr", "superadmin"])
def test_it_lets_only_the_staff_member_fill_in_their_self_assessment(org, started, who):
    person = getattr(org, who)
    row = _indicators(started)[0]
    refusal = _refused_unchanged(
        services.self_assessment_save,
        started,
        by=getattr(person, "user", person),
        version=started.version,
        comment="Diubah orang lain",
        achievements={row.indicator_id: {"achieved": "0"}},
    )
    assert "Only the staff member fills in their self-assessment." in refusal


def test_it_refuses_an_indicator_of_another_appraisal(org, started, year):
    foreign = f.approved_skp(org.staff_a2, year).results.first().indicators.get()
    refusal = _refused_unchanged(
        services.self_assessment_save,
        started,
        by=org.staff_a.user,
        version=started.version,
        comment="",
        achievements={foreign.pk: {"achieved": "1", "change_reason": "x"}},
    )
    assert "not part of this appraisal" in refusal


def test_it_refuses_the_self_assessment_once_it_was_sent(org, with_rater):
    row = _indicators(with_rater)[0]
    refusal = _refused_unchanged(
        services.self_assessment_save,
        with_rater,
        by=org.staff_a.user,
        version=with_rater.version,
        comment="Terlambat",
        achievements={row.indicator_id: {"achieved": "0"}},
    )
    assert "can no longer change" in refusal
    refusal = _refused_unchanged(
        services.self_assessment_submit, with_rater, by=org.staff_a.user, version=with_rater.version
    )
    assert "already been sent" in refusal


def test_it_sends_a_complete_self_assessment_to_the_rater(org, started):
    services.self_assessment_submit(appraisal=started, by=org.staff_a.user, version=started.version)
    started.refresh_from_db()
    assert started.status == AppraisalStatus.SUPERVISOR_ASSESSMENT
    assert started.self_submitted_at is not None
    event = started.events.get(kind=AppraisalEventKind.SELF_SUBMITTED)
    assert (event.actor, event.comment, event.at) == (org.staff_a.user, "", started.self_submitted_at)


def test_it_refuses_to_send_a_self_assessment_with_an_achievement_missing(org, skp, started):
    first, *_rest = _indicators(started)
    qualitative = f.indicator(first.indicator.rhk, target_value=None, target_text="Tersusun", aspect="")
    IndicatorAchievement.objects.create(appraisal=started, indicator=qualitative)
    _self_save(started, org.staff_a, {first.indicator_id: {"achieved": ""}})
    refusal = _refused_unchanged(
        services.self_assessment_submit, started, by=org.staff_a.user, version=started.version
    )
    assert f"State your achievement for “{first.indicator.text}”." in refusal
    assert f"State your achievement for “{qualitative.text}”." in refusal
    _self_save(
        started,
        org.staff_a,
        {first.indicator_id: {"achieved": "0"}, qualitative.pk: {"achieved_text": "Laporan tersusun"}},
    )
    services.self_assessment_submit(appraisal=started, by=org.staff_a.user, version=started.version)
    assert _fresh(started).status == AppraisalStatus.SUPERVISOR_ASSESSMENT


def test_it_lets_the_rater_go_on_without_the_self_assessment_only_with_a_reason(org, started):
    for reason in ("", "   "):
        refusal = _refused_unchanged(
            services.self_assessment_submit,
            started,
            by=org.kabid_a.user,
            version=started.version,
            reason=reason,
        )
        assert refusal.fields == {"reason"}
    services.self_assessment_submit(
        appraisal=started, by=org.kabid_a.user, version=started.version, reason=" Cuti melahirkan 3 bulan "
    )
    started.refresh_from_db()
    assert started.status == AppraisalStatus.SUPERVISOR_ASSESSMENT
    event = started.events.get(kind=AppraisalEventKind.SELF_SUBMITTED)
    assert (event.actor, event.comment) == (org.kabid_a.user, "Cuti melahirkan 3 bulan")


@pytest.mark.parametrize("who", ["staff_a2", "head", "outsider", "hr", "superadmin"])
def test_it_refuses_sending_the_self_assessment_for_someone_else(org, started, who):
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.self_assessment_submit,
        started,
        by=getattr(person, "user", person),
        version=started.version,
        reason="Atas nama pegawai",
    )
    assert "Only the staff member sends their self-assessment." in refusal


# --- The rater's assessment -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["staff_a", "staff_a2", "head", "kabid_b", "outsider", "hr", "superadmin"])
def test_it_lets_only_the_rater_assess(org, with_rater, who):
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.assessment_save,
        with_rater,
        by=getattr(person, "user", person),
        version=with_rater.version,
        data=_form(with_rater),
    )
    assert ONLY_RATER in refusal


def test_it_refuses_the_assessment_before_the_self_assessment_was_sent(org, started):
    refusal = _refused_unchanged(
        services.assessment_save, started, by=org.kabid_a.user, version=started.version, data=_form(started)
    )
    assert "has not sent the self-assessment yet" in refusal


def test_it_lets_the_acting_head_rate_and_the_head_approve_for_a_retired_supervisor(org, year, q1):
    appraisal = _start(f.approved_skp(org.staff_b, year), q1)
    services.self_assessment_submit(appraisal=appraisal, by=org.staff_b.user, version=appraisal.version)
    _submitted(org, appraisal, org.kabid_a, results="above", behaviour="above")
    assert (appraisal.rater, appraisal.predikat) == (org.kabid_a, "sangat_baik")
    refusal = _refused(services.appraisal_approve, appraisal=_fresh(appraisal), by=org.kabid_a.user)
    assert "not the rater" in refusal
    services.appraisal_approve(appraisal=appraisal, by=org.head.user)
    appraisal.refresh_from_db()
    assert (appraisal.status, appraisal.approved_by) == (AppraisalStatus.FINAL, org.head.user)


@pytest.mark.parametrize("case", ["staff_of_another_unit", "acting_assignment_ended", "outsider"])
def test_it_refuses_a_supervisor_outside_the_chain(org, year, q1, case):
    rater = org.kabid_a
    if case == "staff_of_another_unit":
        bidang_c = staff_factories.unit(parent=org.root, code="DUK.3", name="Bidang Pemanfaatan Data")
        kabid_c = staff_factories.staff(unit_obj=bidang_c, supervisor=org.head, name="Kabid C")
        owner = staff_factories.staff(unit_obj=bidang_c, supervisor=kabid_c, name="Staf C")
    else:
        owner = org.staff_b
        if case == "acting_assignment_ended":
            ActingAssignment.objects.filter(pk=org.acting.pk).update(ends_on=date.today() - timedelta(days=1))
        else:
            rater = org.outsider
    appraisal = _start(f.approved_skp(owner, year), q1)
    services.self_assessment_submit(appraisal=appraisal, by=owner.user, version=appraisal.version)
    refusal = _refused_unchanged(
        services.assessment_save, appraisal, by=rater.user, version=appraisal.version, data=_form(appraisal)
    )
    assert ONLY_RATER in refusal


@pytest.mark.parametrize(
    "bad",
    [
        {"row": "excellent"},
        {"row": "ABOVE"},
        {"row": " meets"},
        {"results_rating": "great"},
        {"behaviour_rating": "sangat_baik"},
        {"behaviour_rating": 3},
        {"level": 0},
        {"level": 6},
        {"level": -1},
        {"level": "3"},
        {"level": True},
        {"level": False},
        {"level": 3.0},
        {"level": 2.5},
        {"level": Decimal("3")},
    ],
    ids=lambda bad: "-".join(f"{k}={v!r}" for k, v in bad.items()),
)
def test_it_refuses_a_value_off_the_scale_and_stores_nothing_of_the_form(org, with_rater, bad):
    _rated(org, with_rater, results="meets", behaviour="meets", levels=3)
    [first_rhk, second_rhk, _extra] = list(
        with_rater.result_ratings.order_by("pk").values_list("rhk_id", flat=True)
    )
    [first_comp, second_comp] = list(
        with_rater.competency_levels.order_by("pk").values_list("competency_id", flat=True)
    )
    data = {
        # Valid changes that must not be stored while another part of the form is refused.
        "results": {first_rhk: ("above", "Sangat baik"), second_rhk: (bad.get("row", "meets"), "")},
        "competencies": {first_comp: (4, "Memimpin rapat"), second_comp: (bad.get("level", 3), "")},
        "behaviour": {CoreValue.values[0]: "Ramah kepada pemohon"},
        "overall_feedback": "Pertahankan",
        "results_rating": bad.get("results_rating", "meets"),
        "behaviour_rating": bad.get("behaviour_rating", "above"),
    }
    refusal = _refused_unchanged(
        services.assessment_save, with_rater, by=org.kabid_a.user, version=with_rater.version, data=data
    )
    if "level" in bad:
        assert "the level must be a whole number from 1 to 5" in refusal
    else:
        assert "choose above, meets or below expectations" in refusal.lower()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"rows": "below", "results": "below", "results_feedback": ""},
            "write feedback on how to improve them",
        ),
        ({"behaviour": "below", "behaviour_feedback": "  "}, "write feedback on how to improve it"),
    ],
)
def test_it_refuses_an_overall_rating_below_expectations_without_feedback(org, with_rater, form, message):
    refusal = _refused_unchanged(
        services.assessment_save,
        with_rater,
        by=org.kabid_a.user,
        version=with_rater.version,
        data=_form(with_rater, **form),
    )
    assert message in refusal


def test_it_refuses_a_result_below_expectations_without_feedback(org, with_rater):
    data = _form(with_rater)
    rhk_id = next(iter(data["results"]))
    data["results"][rhk_id] = ("below", "   ")
    data["results_override_reason"] = "Hanya satu hasil kerja di bawah"
    refusal = _refused_unchanged(
        services.assessment_save, with_rater, by=org.kabid_a.user, version=with_rater.version, data=data
    )
    assert "is below expectations: write feedback on how to improve" in refusal
    data["results"][rhk_id] = ("below", "Percepat verifikasi")
    _save(with_rater, org.kabid_a, data)
    assert with_rater.result_ratings.get(rhk_id=rhk_id).feedback == "Percepat verifikasi"


def test_it_needs_a_reason_to_rate_the_results_other_than_proposed(org, with_rater):
    refusal = _refused_unchanged(
        services.assessment_save,
        with_rater,
        by=org.kabid_a.user,
        version=with_rater.version,
        data=_form(with_rater, rows="meets", results="above"),
    )
    assert "The proposed results rating is Meets expectations (Sesuai Ekspektasi)" in refusal
    _save(
        with_rater,
        org.kabid_a,
        _form(
            with_rater, rows="meets", results="above", results_override_reason=" Inovasi layanan jemput bola "
        ),
    )
    with_rater.refresh_from_db()
    assert (with_rater.results_proposed, with_rater.results_rating, with_rater.results_override_reason) == (
        "meets",
        "above",
        "Inovasi layanan jemput bola",
    )


def test_it_needs_a_reason_for_an_overall_rating_before_any_main_result_is_rated(org, with_rater):
    data = {"results_rating": "meets"}
    refusal = _refused_unchanged(
        services.assessment_save, with_rater, by=org.kabid_a.user, version=with_rater.version, data=data
    )
    assert "The proposed results rating is none yet" in refusal


@pytest.mark.parametrize(("results", "behaviour", "predikat"), QUADRANT)
def test_it_derives_the_predikat_from_the_quadrant(org, with_rater, results, behaviour, predikat):
    _rated(org, with_rater, results=results, behaviour=behaviour)
    with_rater.refresh_from_db()
    assert (with_rater.results_proposed, with_rater.predikat) == (results, predikat)


@pytest.mark.parametrize(
    ("main", "additional", "proposal"),
    [
        (("above", "above"), "meets", "above"),
        (("above", "meets"), "above", "above"),  # lifted by the additional result
        (("above", "meets"), "meets", "meets"),
        (("meets", "meets"), "above", "meets"),
        (("above", "below"), "above", "below"),
        (("below", "below"), "above", "below"),
        (("meets", ""), "", "meets"),  # a draft: the rated main results alone
        (("", ""), "above", ""),  # no main result rated: no proposal
    ],
)
def test_it_proposes_the_results_rating_from_the_rated_work_results(
    org, with_rater, main, additional, proposal
):
    rows = list(with_rater.result_ratings.select_related("rhk").order_by("-rhk__kind", "rhk__order"))
    assert [row.rhk.kind for row in rows] == ["main", "main", "additional"]
    results = {
        row.rhk_id: (rating, FEEDBACK if rating == "below" else "")
        for row, rating in zip(rows, [*main, additional], strict=True)
    }
    _save(with_rater, org.kabid_a, {"results": results})
    with_rater.refresh_from_db()
    assert (with_rater.results_proposed, with_rater.results_rating, with_rater.predikat) == (proposal, "", "")


@pytest.mark.parametrize(
    ("standard", "levels", "jpm", "band", "potential", "box"),
    [
        ([3, 3], [3, 3], "100.00", "optimal", "tinggi", 8),
        ([5, 5], [4, 5], "90.00", "optimal", "tinggi", 8),
        ([2, 2], [5, 5], "250.00", "optimal", "tinggi", 8),
        ([3, 3], [3, 2], "83.33", "cukup_optimal", "menengah", 5),
        ([5, 5], [4, 4], "80.00", "cukup_optimal", "menengah", 5),
        ([5, 4], [4, 3], "77.78", "kurang_optimal", "rendah", 2),
        ([3, 3], [2, 2], "66.67", "kurang_optimal", "rendah", 2),
        ([5, 5], [1, 1], "20.00", "kurang_optimal", "rendah", 2),
    ],
)
def test_it_derives_the_jpm_its_band_the_potential_and_the_talent_box(
    org, skp, q1, standard, levels, jpm, band, potential, box
):
    _standards(org.staff_a, standard)
    appraisal = _start(skp, q1)
    services.self_assessment_submit(appraisal=appraisal, by=org.staff_a.user, version=appraisal.version)
    _rated(org, appraisal, results="meets", levels=levels)
    appraisal.refresh_from_db()
    assert (appraisal.jpm, appraisal.jpm_band, appraisal.potential, appraisal.potential_source) == (
        Decimal(jpm),
        band,
        potential,
        PotentialSource.JPM,
    )
    assert appraisal.talent_box == box


@pytest.mark.parametrize(("results", "box"), [("below", 6), ("meets", 8), ("above", 9)])
def test_it_places_the_talent_box_by_the_results_rating(org, with_rater, results, box):
    _rated(org, with_rater, results=results, levels=3)
    assert _fresh(with_rater).talent_box == box


def test_it_leaves_jpm_potential_and_box_empty_until_every_competency_is_assessed(org, with_rater):
    _rated(org, with_rater, levels=3)
    competency_id = with_rater.competency_levels.order_by("pk").first().competency_id
    _save(with_rater, org.kabid_a, {"competencies": {competency_id: ("", "")}})
    with_rater.refresh_from_db()
    assert (with_rater.jpm, with_rater.jpm_band, with_rater.potential, with_rater.talent_box) == (
        None,
        "",
        "",
        None,
    )
    assert with_rater.predikat == "baik"


def test_it_saves_a_draft_in_parts(org, with_rater):
    rhk_id = with_rater.result_ratings.filter(rhk__kind="main").first().rhk_id
    _save(with_rater, org.kabid_a, {"results": {rhk_id: ("above", " Bagus ")}})
    _save(with_rater, org.kabid_a, {"behaviour": {"loyal": " Menjaga rahasia jabatan "}})
    assert with_rater.result_ratings.get(rhk_id=rhk_id).feedback == "Bagus"
    assert with_rater.behaviour_notes.get(value="loyal").note == "Menjaga rahasia jabatan"
    with_rater.refresh_from_db()
    assert (with_rater.rater, with_rater.results_proposed, with_rater.version) == (org.kabid_a, "above", 4)


@pytest.mark.parametrize("part", ["results", "competencies", "behaviour"])
def test_it_refuses_rows_of_another_appraisal(org, with_rater, year, part):
    other = f.approved_skp(org.staff_a2, year)
    key = {
        "results": other.results.first().pk,
        "competencies": Competency.objects.national().order_by("-code").first().pk,
        "behaviour": "jujur",
    }[part]
    value = "Catatan" if part == "behaviour" else ("meets", "")
    refusal = _refused_unchanged(
        services.assessment_save,
        with_rater,
        by=org.kabid_a.user,
        version=with_rater.version,
        data={part: {key: value}},
    )
    assert "not part of this appraisal" in refusal or "Unknown core value" in refusal


# --- Submitting ---------------------------------------------------------------------------------------


def test_it_refuses_to_submit_an_incomplete_assessment(org, with_rater):
    data = _form(with_rater)
    rhk_id = next(iter(data["results"]))
    competency_id = next(iter(data["competencies"]))
    data["results"][rhk_id] = ("", "")
    data["competencies"][competency_id] = (None, "")
    del data["behaviour_rating"]
    _save(with_rater, org.kabid_a, data)
    refusal = _refused_unchanged(
        services.assessment_submit, with_rater, by=org.kabid_a.user, version=with_rater.version
    )
    rhk = with_rater.result_ratings.get(rhk_id=rhk_id).rhk
    assert f"Rate the work result “{rhk.text}”." in refusal
    assert f"Assess the level of {Competency.objects.get(pk=competency_id).name}." in refusal
    assert "Choose the overall behaviour rating." in refusal
    assert "Choose the overall results rating." not in refusal


def test_it_submits_a_complete_assessment_for_approval(org, with_rater):
    _rated(org, with_rater)
    services.assessment_submit(appraisal=with_rater, by=org.kabid_a.user, version=with_rater.version)
    with_rater.refresh_from_db()
    assert (with_rater.status, with_rater.rater) == (AppraisalStatus.SUBMITTED, org.kabid_a)
    event = with_rater.events.get(kind=AppraisalEventKind.SUBMITTED)
    assert (event.actor, event.at) == (org.kabid_a.user, with_rater.submitted_at)


@pytest.mark.parametrize("who", ["staff_a", "head", "hr"])
def test_it_lets_only_the_rater_submit(org, with_rater, who):
    _rated(org, with_rater)
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.assessment_submit, with_rater, by=getattr(person, "user", person), version=with_rater.version
    )
    assert ONLY_RATER in refusal


# --- Approval -----------------------------------------------------------------------------------------


def test_it_approves_by_the_raters_superior_and_makes_the_appraisal_final(org, final):
    final.refresh_from_db()
    assert (final.status, final.approved_by, final.is_final) == (AppraisalStatus.FINAL, org.head.user, True)
    event = final.events.get(kind=AppraisalEventKind.APPROVED)
    assert (event.actor, event.comment, event.at) == (org.head.user, "Disetujui", final.approved_at)


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("kabid_a", "The rater's superior approves the appraisal, not the rater."),
        ("staff_a", "Nobody approves their own appraisal."),
        ("staff_a2", "Only the rater's superior"),
        ("kabid_b", "Only the rater's superior"),
        ("hr", "Only the rater's superior"),
        ("other_hr", "Only the rater's superior"),
        ("outsider", "Only the rater's superior"),
        ("superadmin", "Only the rater's superior"),
    ],
)
def test_it_refuses_approval_or_return_by_anyone_but_the_raters_superior(org, submitted, who, message):
    person = getattr(org, who)
    user = getattr(person, "user", person)
    assert message in _refused_unchanged(services.appraisal_approve, submitted, by=user)
    assert message in _refused_unchanged(services.appraisal_return, submitted, by=user, comment="Perbaiki")


@pytest.mark.parametrize("comment", ["", "   "])
def test_it_needs_a_comment_to_return(org, submitted, comment):
    refusal = _refused_unchanged(services.appraisal_return, submitted, by=org.head.user, comment=comment)
    assert refusal.fields == {"comment"}


def test_it_returns_to_the_rater_who_changes_and_submits_again(org, submitted):
    services.appraisal_return(appraisal=submitted, by=org.head.user, comment=" Lengkapi umpan balik ")
    appraisal = _fresh(submitted)
    assert appraisal.status == AppraisalStatus.RETURNED
    event = appraisal.events.get(kind=AppraisalEventKind.RETURNED)
    assert (event.actor, event.comment) == (org.head.user, "Lengkapi umpan balik")
    _save(appraisal, org.kabid_a, {"overall_feedback": "Umpan balik dilengkapi"})
    services.assessment_submit(appraisal=appraisal, by=org.kabid_a.user, version=appraisal.version)
    services.appraisal_approve(appraisal=appraisal, by=org.head.user)
    assert _fresh(appraisal).status == AppraisalStatus.FINAL


@pytest.mark.parametrize("stage", ["self_assessment", "supervisor_assessment", "returned", "final"])
def test_it_approves_or_returns_only_a_submitted_appraisal(org, started, stage):
    appraisal = started
    if stage != "self_assessment":
        services.self_assessment_submit(appraisal=appraisal, by=org.staff_a.user, version=appraisal.version)
        _rated(org, appraisal)
    if stage in ("returned", "final"):
        services.assessment_submit(appraisal=appraisal, by=org.kabid_a.user, version=appraisal.version)
        if stage == "returned":
            services.appraisal_return(appraisal=appraisal, by=org.head.user, comment="Perbaiki")
        else:
            services.appraisal_approve(appraisal=appraisal, by=org.head.user)
    appraisal = _fresh(appraisal)
    for service, extra in ((services.appraisal_approve, {}), (services.appraisal_return, {"comment": "x"})):
        refusal = _refused_unchanged(service, appraisal, by=org.head.user, **extra)
        if stage == "self_assessment":  # nobody has rated it yet, so nobody approves it
            assert "Only the rater's superior" in refusal
        else:
            assert NOT_SUBMITTED in refusal


_FINAL_WRITES = {
    "self_assessment_save": lambda org, a: services.self_assessment_save(
        appraisal=a, by=org.staff_a.user, version=a.version, comment="Ubah", achievements={}
    ),
    "self_assessment_submit": lambda org, a: services.self_assessment_submit(
        appraisal=a, by=org.staff_a.user, version=a.version
    ),
    "self_assessment_submit_by_the_rater": lambda org, a: services.self_assessment_submit(
        appraisal=a, by=org.kabid_a.user, version=a.version, reason="Lanjut"
    ),
    "assessment_save": lambda org, a: services.assessment_save(
        appraisal=a,
        by=org.kabid_a.user,
        version=a.version,
        data={"overall_feedback": "Ubah", "results_rating": "above", "results_override_reason": "x"},
    ),
    "assessment_submit": lambda org, a: services.assessment_submit(
        appraisal=a, by=org.kabid_a.user, version=a.version
    ),
    "appraisal_return": lambda org, a: services.appraisal_return(
        appraisal=a, by=org.head.user, comment="Ubah"
    ),
    "appraisal_approve": lambda org, a: services.appraisal_approve(appraisal=a, by=org.head.user),
    "objection_decide": lambda org, a: services.objection_decide(
        appraisal=a,
        by=org.head.user,
        grant=True,
        decision="Ubah",
        results_rating="above",
        behaviour_rating="above",
    ),
}


@pytest.mark.parametrize(
    ("write", "message"),
    [
        ("self_assessment_save", "can no longer change"),
        ("self_assessment_submit", "already been sent"),
        ("self_assessment_submit_by_the_rater", "already been sent"),
        ("assessment_save", "no longer with the rater"),
        ("assessment_submit", "no longer with the rater"),
        ("appraisal_return", NOT_SUBMITTED),
        ("appraisal_approve", NOT_SUBMITTED),
        ("objection_decide", "no objection waiting"),
    ],
)
def test_it_keeps_a_final_appraisal_read_only(org, final, write, message):
    before = _snapshot(final)
    with pytest.raises(ValidationError) as excinfo:
        _FINAL_WRITES[write](org, _fresh(final))
    assert message in " ".join(excinfo.value.messages)
    assert _snapshot(final) == before


@pytest.fixture
def kabid_appraisal(org, year, q1):
    """Kabid A's appraisal, rated by the head of the agency, who has no superior."""
    appraisal = _start(f.approved_skp(org.kabid_a, year), q1)
    services.self_assessment_submit(appraisal=appraisal, by=org.kabid_a.user, version=appraisal.version)
    return _submitted(org, appraisal, org.head)


def test_it_lets_hr_approve_when_the_rater_has_no_superior(org, kabid_appraisal):
    for user, message in (
        (org.head.user, "not the rater"),
        (org.kabid_a.user, "Nobody approves their own appraisal."),
        (org.staff_a.user, "Only the rater's superior"),
        (org.other_hr, "Only the rater's superior"),
    ):
        assert message in _refused_unchanged(services.appraisal_approve, kabid_appraisal, by=user)
    services.appraisal_approve(appraisal=kabid_appraisal, by=org.hr, comment="Disetujui BKPSDM")
    kabid_appraisal.refresh_from_db()
    assert (kabid_appraisal.status, kabid_appraisal.approved_by) == (AppraisalStatus.FINAL, org.hr)
    assert kabid_appraisal.events.get(kind=AppraisalEventKind.APPROVED).actor == org.hr


def test_it_lets_hr_return_when_the_rater_has_no_superior(org, kabid_appraisal):
    services.appraisal_return(appraisal=kabid_appraisal, by=org.hr, comment="Lengkapi bukti")
    assert _fresh(kabid_appraisal).status == AppraisalStatus.RETURNED


def test_it_lets_hr_decide_the_objection_when_the_rater_has_no_superior(org, kabid_appraisal):
    services.appraisal_approve(appraisal=kabid_appraisal, by=org.hr)
    services.objection_file(
        appraisal=kabid_appraisal,
        by=org.kabid_a.user,
        reason="Capaian bidang tidak dihitung",
        today=_approved_on(kabid_appraisal),
    )
    for user in (org.head.user, org.other_hr, org.kabid_a.user):
        refusal = _refused_unchanged(
            services.objection_decide, kabid_appraisal, by=user, grant=False, decision="Ditolak"
        )
        assert "Only the rater's superior decides on the objection." in refusal
    objection = services.objection_decide(
        appraisal=kabid_appraisal,
        by=org.hr,
        grant=True,
        decision="Capaian dihitung ulang",
        results_rating="above",
        behaviour_rating="above",
    )
    assert (objection.status, objection.decided_by) == (ObjectionStatus.GRANTED, org.hr)
    assert _fresh(kabid_appraisal).predikat == "sangat_baik"


# --- Objection (keberatan) -----------------------------------------------------------------------------


def _approved_on(appraisal):
    return timezone.localdate(_fresh(appraisal).approved_at)


def _file(org, appraisal, reason="Predikat tidak sesuai capaian", today=None):
    return services.objection_file(
        appraisal=appraisal, by=org.staff_a.user, reason=reason, today=today or _approved_on(appraisal)
    )


@pytest.mark.parametrize(("days_after", "allowed"), [(0, True), (5, True), (6, False), (30, False)])
def test_it_accepts_an_objection_within_the_years_objection_days(org, year, final, days_after, allowed):
    year.objection_days = 5
    year.save(update_fields=["objection_days"])
    final = _fresh(final)
    today = _approved_on(final) + timedelta(days=days_after)
    if allowed:
        objection = _file(org, final, reason=" Capaian Triwulan I melebihi target ", today=today)
        assert (objection.status, objection.reason) == (
            ObjectionStatus.PENDING,
            "Capaian Triwulan I melebihi target",
        )
        event = final.events.get(kind=AppraisalEventKind.OBJECTION_FILED)
        assert (event.actor, event.comment) == (org.staff_a.user, "Capaian Triwulan I melebihi target")
        assert _fresh(final).status == AppraisalStatus.FINAL
    else:
        deadline = _approved_on(final) + timedelta(days=5)
        refusal = _refused_unchanged(
            services.objection_file, final, by=org.staff_a.user, reason="Terlambat", today=today
        )
        assert "The objection period ended on" in refusal
        assert str(deadline.year) in refusal


@pytest.mark.parametrize("who", ["kabid_a", "head", "staff_a2", "hr", "superadmin"])
def test_it_accepts_an_objection_only_from_the_staff_member(org, final, who):
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.objection_file,
        final,
        by=getattr(person, "user", person),
        reason="Keberatan",
        today=_approved_on(final),
    )
    assert "Only the staff member may object" in refusal


def test_it_accepts_an_objection_only_to_a_final_appraisal(org, submitted):
    refusal = _refused_unchanged(
        services.objection_file, submitted, by=org.staff_a.user, reason="Keberatan", today=MARCH
    )
    assert "once the appraisal is final" in refusal


def test_it_accepts_one_objection_with_a_reason(org, final):
    refusal = _refused_unchanged(
        services.objection_file, final, by=org.staff_a.user, reason="  ", today=_approved_on(final)
    )
    assert refusal.fields == {"reason"}
    _file(org, final)
    refusal = _refused_unchanged(
        services.objection_file, final, by=org.staff_a.user, reason="Lagi", today=_approved_on(final)
    )
    assert "already filed an objection" in refusal


@pytest.fixture
def objected(org, final):
    """A final appraisal rated meets/meets (Baik, JPM 100 → box 8) with a pending objection."""
    _file(org, final)
    return _fresh(final)


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("kabid_a", "Only the rater's superior decides"),
        ("staff_a", "Only the rater's superior decides"),
        ("hr", "Only the rater's superior decides"),
        ("outsider", "Only the rater's superior decides"),
    ],
)
def test_it_lets_only_the_raters_superior_decide_an_objection(org, objected, who, message):
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.objection_decide,
        objected,
        by=getattr(person, "user", person),
        grant=True,
        decision="Dikabulkan",
        results_rating="above",
        behaviour_rating="above",
    )
    assert message in refusal


def test_it_changes_the_ratings_and_predikat_when_the_objection_is_granted(org, objected):
    objection = services.objection_decide(
        appraisal=objected,
        by=org.head.user,
        grant=True,
        decision=" Bukti capaian inovasi diterima ",
        results_rating="above",
        behaviour_rating="above",
    )
    objection.refresh_from_db()
    assert (objection.status, objection.decision, objection.decided_by) == (
        ObjectionStatus.GRANTED,
        "Bukti capaian inovasi diterima",
        org.head.user,
    )
    assert objection.decided_at is not None
    appraisal = _fresh(objected)
    assert (
        appraisal.results_rating,
        appraisal.behaviour_rating,
        appraisal.predikat,
        appraisal.talent_box,
    ) == (
        "above",
        "above",
        "sangat_baik",
        9,
    )
    assert (appraisal.results_override_reason, appraisal.status) == (
        "Bukti capaian inovasi diterima",
        "final",
    )
    event = appraisal.events.get(kind=AppraisalEventKind.OBJECTION_DECIDED)
    assert (event.actor, event.comment, event.at) == (
        org.head.user,
        "Bukti capaian inovasi diterima",
        objection.decided_at,
    )
    assert {(c["field"], c["from"], c["to"]) for c in event.changes} == {
        ("results_rating", "meets", "above"),
        ("behaviour_rating", "meets", "above"),
        ("predikat", "baik", "sangat_baik"),
        ("talent_box", "8", "9"),
    }


def test_it_keeps_the_ratings_when_the_objection_is_rejected(org, objected):
    before = _fresh(objected)
    objection = services.objection_decide(
        appraisal=objected,
        by=org.head.user,
        grant=False,
        decision="Capaian sudah dinilai sesuai bukti",
        results_rating="above",
        behaviour_rating="above",
    )
    assert (objection.status, objection.decided_by) == (ObjectionStatus.REJECTED, org.head.user)
    after = _fresh(objected)
    fields = [
        "results_rating",
        "behaviour_rating",
        "predikat",
        "talent_box",
        "results_override_reason",
        "status",
    ]
    assert [getattr(after, x) for x in fields] == [getattr(before, x) for x in fields]
    event = after.events.get(kind=AppraisalEventKind.OBJECTION_DECIDED)
    assert (event.comment, event.changes) == ("Capaian sudah dinilai sesuai bukti", [])


def test_it_needs_feedback_when_an_objection_lowers_a_rating_below_expectations(org, objected):
    refusal = _refused_unchanged(
        services.objection_decide,
        objected,
        by=org.head.user,
        grant=True,
        decision="Bukti tidak mendukung",
        results_rating="meets",
        behaviour_rating="below",
    )
    assert refusal.fields == {"feedback"}
    services.objection_decide(
        appraisal=objected,
        by=org.head.user,
        grant=True,
        decision="Bukti tidak mendukung",
        results_rating="meets",
        behaviour_rating="below",
        feedback="Hadir tepat waktu",
    )
    appraisal = _fresh(objected)
    assert (appraisal.predikat, appraisal.behaviour_feedback) == ("kurang_misconduct", "Hadir tepat waktu")


@pytest.mark.parametrize(
    ("grant", "decision", "results", "behaviour", "fields"),
    [
        (False, " ", "", "", {"decision"}),
        (True, "", "above", "above", {"decision"}),
        (True, "Dikabulkan", "", "above", {"results_rating"}),
        (True, "Dikabulkan", "above", "sangat_baik", {"behaviour_rating"}),
        (True, "", "x", "y", {"decision", "results_rating", "behaviour_rating"}),
    ],
)
def test_it_refuses_an_objection_decision_without_text_or_ratings(
    org, objected, grant, decision, results, behaviour, fields
):
    refusal = _refused_unchanged(
        services.objection_decide,
        objected,
        by=org.head.user,
        grant=grant,
        decision=decision,
        results_rating=results,
        behaviour_rating=behaviour,
    )
    assert refusal.fields == fields


def test_it_decides_an_objection_once(org, objected):
    services.objection_decide(appraisal=objected, by=org.head.user, grant=False, decision="Ditolak")
    refusal = _refused_unchanged(
        services.objection_decide,
        _fresh(objected),
        by=org.head.user,
        grant=True,
        decision="Dikabulkan",
        results_rating="above",
        behaviour_rating="above",
    )
    assert "no objection waiting" in refusal


# --- Potential entered by HR ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["hr", "superadmin"])
def test_it_lets_hr_enter_the_potential_and_recomputes_the_talent_box(org, with_rater, who):
    _rated(org, with_rater, results="above", levels=3)  # JPM 100: high potential, box 9
    user = getattr(org, who)
    services.potential_set(
        appraisal=_fresh(with_rater), by=user, potential="rendah", note=" Hasil assessment center 2026 "
    )
    appraisal = _fresh(with_rater)
    assert (
        appraisal.potential,
        appraisal.potential_source,
        appraisal.potential_note,
        appraisal.talent_box,
    ) == (
        "rendah",
        PotentialSource.HR,
        "Hasil assessment center 2026",
        4,
    )
    event = appraisal.events.get(kind=AppraisalEventKind.POTENTIAL_SET)
    assert (event.actor, event.comment) == (user, "Hasil assessment center 2026")
    assert {(c["field"], c["from"], c["to"]) for c in event.changes} == {
        ("potential", "tinggi", "rendah"),
        ("talent_box", "9", "4"),
    }
    # The rater's later saves keep HR's potential.
    _save(appraisal, org.kabid_a, {"results_rating": "meets", "results_override_reason": "Dikoreksi"})
    appraisal = _fresh(appraisal)
    assert (appraisal.potential, appraisal.potential_source, appraisal.talent_box) == ("rendah", "hr", 2)


@pytest.mark.parametrize("who", ["other_hr", "kabid_a", "head", "staff_a"])
def test_it_lets_only_the_agencys_hr_enter_the_potential(org, with_rater, who):
    _rated(org, with_rater)
    person = getattr(org, who)
    refusal = _refused_unchanged(
        services.potential_set, with_rater, by=getattr(person, "user", person), potential="tinggi", note="AC"
    )
    assert "Only the agency's HR enters a potential." in refusal


@pytest.mark.parametrize(
    ("potential", "note", "fields"),
    [("sedang", "AC", {"potential"}), ("high", "AC", {"potential"}), ("tinggi", "  ", {"note"})],
)
def test_it_refuses_an_unknown_potential_or_one_without_its_source(org, with_rater, potential, note, fields):
    _rated(org, with_rater)
    refusal = _refused_unchanged(
        services.potential_set, with_rater, by=org.hr, potential=potential, note=note
    )
    assert refusal.fields == fields


def test_it_goes_back_to_the_jpm_band_when_hr_clears_the_potential(org, with_rater):
    _rated(org, with_rater, results="meets", levels=[3, 2])  # JPM 83.33: medium, box 5
    services.potential_set(appraisal=_fresh(with_rater), by=org.hr, potential="tinggi", note="AC")
    assert _fresh(with_rater).talent_box == 8
    services.potential_set(appraisal=_fresh(with_rater), by=org.hr, potential="", note="")
    appraisal = _fresh(with_rater)
    assert (appraisal.potential, appraisal.potential_source, appraisal.talent_box) == ("menengah", "jpm", 5)


def test_it_leaves_no_potential_when_hr_clears_it_before_the_competencies_are_assessed(org, with_rater):
    services.potential_set(appraisal=with_rater, by=org.hr, potential="tinggi", note="AC")
    appraisal = _fresh(with_rater)
    assert (appraisal.potential, appraisal.potential_source, appraisal.talent_box) == ("tinggi", "hr", None)
    services.potential_set(appraisal=appraisal, by=org.hr, potential="", note="")
    appraisal = _fresh(appraisal)
    assert (appraisal.potential, appraisal.potential_source, appraisal.talent_box) == ("", "", None)


def test_it_lets_hr_enter_the_potential_of_a_final_appraisal_for_the_talent_map(org, final):
    services.potential_set(appraisal=_fresh(final), by=org.hr, potential="menengah", note="Assessment center")
    appraisal = _fresh(final)
    assert (appraisal.status, appraisal.potential, appraisal.talent_box, appraisal.predikat) == (
        "final",
        "menengah",
        5,
        "baik",
    )


def test_it_computes_the_talent_box_from_the_ratings_as_stored_not_as_the_caller_read_them(org, with_rater):
    """HR's page was read before the rater changed the results rating: the box follows the new one."""
    _rated(org, with_rater, results="meets", levels=3)
    read_by_hr = _fresh(with_rater)
    _save(with_rater, org.kabid_a, {"results_rating": "above", "results_override_reason": "Inovasi"})
    services.potential_set(appraisal=read_by_hr, by=org.hr, potential="menengah", note="AC")
    appraisal = _fresh(with_rater)
    assert (appraisal.results_rating, appraisal.potential, appraisal.talent_box) == ("above", "menengah", 7)


def test_it_decides_an_objection_on_the_potential_as_stored_not_as_the_caller_read_it(org, objected):
    read_by_head = _fresh(objected)
    services.potential_set(appraisal=_fresh(objected), by=org.hr, potential="rendah", note="AC")
    services.objection_decide(
        appraisal=read_by_head,
        by=org.head.user,
        grant=True,
        decision="Dikabulkan",
        results_rating="above",
        behaviour_rating="meets",
    )
    appraisal = _fresh(objected)
    assert (appraisal.potential, appraisal.results_rating, appraisal.talent_box) == ("rendah", "above", 4)


# --- History ------------------------------------------------------------------------------------------


def test_it_records_who_did_what_through_the_whole_workflow(org, started):
    row = _indicators(started)[0]
    _self_save(started, org.staff_a, {row.indicator_id: {"achieved": "90", "change_reason": "Koreksi"}})
    services.self_assessment_submit(appraisal=started, by=org.staff_a.user, version=started.version)
    _rated(org, started, results="meets", levels=[3, 2])
    services.assessment_submit(appraisal=started, by=org.kabid_a.user, version=started.version)
    services.appraisal_return(appraisal=started, by=org.head.user, comment="Periksa lagi kompetensi")
    _save(
        started,
        org.kabid_a,
        {"competencies": {row.competency_id: (3, "") for row in started.competency_levels.all()}},
    )
    services.assessment_submit(appraisal=started, by=org.kabid_a.user, version=started.version)
    services.appraisal_approve(appraisal=started, by=org.head.user)
    services.potential_set(appraisal=started, by=org.hr, potential="rendah", note="AC")
    _file(org, started)
    services.objection_decide(appraisal=started, by=org.head.user, grant=False, decision="Ditolak")

    events = list(started.events.order_by("at", "pk").values_list("kind", "actor"))
    assert events == [
        ("started", org.staff_a.user.pk),
        ("self_saved", org.staff_a.user.pk),
        ("self_submitted", org.staff_a.user.pk),
        ("assessment_saved", org.kabid_a.user.pk),
        ("submitted", org.kabid_a.user.pk),
        ("returned", org.head.user.pk),
        ("assessment_saved", org.kabid_a.user.pk),
        ("submitted", org.kabid_a.user.pk),
        ("approved", org.head.user.pk),
        ("potential_set", org.hr.pk),
        ("objection_filed", org.staff_a.user.pk),
        ("objection_decided", org.head.user.pk),
    ]
    first_rating, second_rating = started.events.filter(kind="assessment_saved").order_by("at", "pk")
    changed = {(c["field"], c["to"]) for c in first_rating.changes}
    assert {
        ("results_rating", "meets"),
        ("predikat", "baik"),
        ("jpm", "83.33"),
        ("talent_box", "5"),
    } <= changed
    rhk = started.result_ratings.select_related("rhk").first().rhk
    assert {"field": "rating", "item": rhk.text, "from": "", "to": "meets"} in first_rating.changes
    assert {(c["field"], c["from"], c["to"]) for c in second_rating.changes} >= {
        ("level", "2", "3"),
        ("jpm", "83.33", "100.00"),
        ("jpm_band", "cukup_optimal", "optimal"),
        ("talent_box", "5", "8"),
    }
    assert _fresh(started).version == len(events)  # every step after the start is one save


def test_it_records_no_event_for_a_save_that_changes_nothing(org, with_rater):
    _rated(org, with_rater)
    count = with_rater.events.count()
    _rated(org, with_rater)
    assert with_rater.events.count() == count


# --- Edits that cross each other --------------------------------------------------------------------------


def test_it_refuses_a_self_assessment_saved_over_a_newer_version_and_keeps_the_first(org, started):
    row = _indicators(started)[0]
    version = started.version
    second_tab = _fresh(started)
    _self_save(
        started,
        org.staff_a,
        {row.indicator_id: {"achieved": "40", "change_reason": "Tab pertama"}},
        "Pertama",
    )
    refusal = _refused_unchanged(
        services.self_assessment_save,
        second_tab,
        by=org.staff_a.user,
        version=version,
        comment="Kedua",
        achievements={row.indicator_id: {"achieved": "70", "change_reason": "Tab kedua"}},
    )
    assert CHANGED in refusal
    assert org.staff_a.name in refusal
    row.refresh_from_db()
    assert (row.achieved, row.change_reason, _fresh(started).self_comment) == (
        Decimal("40"),
        "Tab pertama",
        "Pertama",
    )


def test_it_refuses_an_assessment_saved_over_a_newer_version_and_keeps_the_first(org, with_rater):
    version = with_rater.version
    second_tab = _fresh(with_rater)
    _save(with_rater, org.kabid_a, _form(with_rater, results="meets", overall_feedback="Tab pertama"))
    data = _form(second_tab, results="above", behaviour="above", overall_feedback="Tab kedua")
    refusal = _refused_unchanged(
        services.assessment_save, second_tab, by=org.kabid_a.user, version=version, data=data
    )
    assert CHANGED in refusal
    assert org.kabid_a.name in refusal
    assert "reload the page" in refusal
    appraisal = _fresh(with_rater)
    assert (appraisal.overall_feedback, appraisal.results_rating, appraisal.predikat) == (
        "Tab pertama",
        "meets",
        "baik",
    )
    assert set(appraisal.result_ratings.values_list("rating", flat=True)) == {"meets"}


def test_it_refuses_the_rater_going_on_over_a_self_assessment_saved_meanwhile(org, started):
    version = started.version
    row = _indicators(started)[0]
    _self_save(started, org.staff_a, {row.indicator_id: {"achieved": "55", "change_reason": "Baru diisi"}})
    refusal = _refused_unchanged(
        services.self_assessment_submit, _fresh(started), by=org.kabid_a.user, version=version, reason="Cuti"
    )
    assert CHANGED in refusal
    assert org.staff_a.name in refusal


def test_it_refuses_submitting_an_assessment_read_before_the_last_save(org, with_rater):
    version = with_rater.version
    _rated(org, with_rater)
    refusal = _refused_unchanged(
        services.assessment_submit, _fresh(with_rater), by=org.kabid_a.user, version=version
    )
    assert CHANGED in refusal
    assert _fresh(with_rater).status == AppraisalStatus.SUPERVISOR_ASSESSMENT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_never_loses_an_update_when_two_saves_race(org):
    year = f.performance_year(org.agency)
    appraisal = _start(f.approved_skp(org.staff_a, year), year.periods.get(sequence=1))
    services.self_assessment_submit(appraisal=appraisal, by=org.staff_a.user, version=appraisal.version)
    version = appraisal.version
    barrier = threading.Barrier(2)
    outcomes, lock = {}, threading.Lock()

    def save(text):
        translation.activate("en")
        try:
            mine = Appraisal.objects.get(pk=appraisal.pk)
            user = get_user_model().objects.get(pk=org.kabid_a.user_id)
            barrier.wait(timeout=10)
            services.assessment_save(
                appraisal=mine, by=user, version=version, data={"overall_feedback": text}
            )
            result = "stored"
        except ValidationError as error:
            result = error.messages[0]
        except Exception as error:  # noqa: BLE001 - any other exception is a failure of this test
            result = repr(error)
        finally:
            connection.close()
        with lock:
            outcomes[text] = result

    threads = [threading.Thread(target=save, args=(text,)) for text in ("Tab pertama", "Tab kedua")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 2
    [winner] = [text for text, result in outcomes.items() if result == "stored"]
    [loser] = [result for result in outcomes.values() if result != "stored"]
    assert CHANGED in loser
    appraisal.refresh_from_db()
    assert (appraisal.overall_feedback, appraisal.version) == (winner, version + 1)
    assert appraisal.events.filter(kind=AppraisalEventKind.ASSESSMENT_SAVED).count() == 1
