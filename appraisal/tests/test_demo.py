"""The performance demo: the 2026 year, plans down the cascade, their workflow, the daily reports and
the appraisals with the feedback around them."""

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F, Q
from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Agency, Staff
from accounts.selectors import rater_ids
from appraisal import calendar, demo
from appraisal.demo import appraisal_script as script
from appraisal.demo import builder, development_catalogue
from appraisal.demo import feedback as demo_feedback
from appraisal.models import (
    ActionStatus,
    AgencyGoal,
    Appraisal,
    AppraisalEvent,
    AppraisalStatus,
    BehaviourExpectation,
    DailyReport,
    DevelopmentAction,
    DevelopmentActivity,
    EvaluationPeriod,
    FeedbackAnswer,
    FeedbackNote,
    FeedbackRequest,
    Holiday,
    Indicator,
    MentoringSession,
    Mentorship,
    ObjectionStatus,
    PerformanceYear,
    ReportStatus,
    Rhk,
    Skp,
    SkpEvent,
    SkpEventKind,
    SkpStatus,
)
from appraisal.rules.ratings import Predikat, Rating
from appraisal.selectors.appraisals import appraisals_due, approval_inbox, is_approver, team_appraisals
from appraisal.selectors.cascade import cascade_tree
from appraisal.selectors.peer_feedback import invitations_for_rater, results_for_subject
from appraisal.selectors.reports import not_reported, report_compliance
from appraisal.selectors.skp import review_inbox, skp_snapshot
from surveys import demo as surveys_demo
from surveys import demo_skm as surveys_demo_skm
from surveys.models import Service, ServiceRequest

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 24)  # a Tuesday, while the Plt acts for the retired Kabid Pencatatan Sipil
DATA_MODELS = (
    PerformanceYear,
    EvaluationPeriod,
    AgencyGoal,
    Skp,
    BehaviourExpectation,
    Rhk,
    Indicator,
    SkpEvent,
    DailyReport,
    Service,
    ServiceRequest,
    DevelopmentActivity,
    Appraisal,
    AppraisalEvent,
    DevelopmentAction,
    FeedbackNote,
    Mentorship,
    MentoringSession,
    FeedbackRequest,
    FeedbackAnswer,
)


def nip_of(name):
    return next(p.person.nip for p in accounts_demo.placements() if p.person.name == name)


def staff_named(name):
    return Staff.objects.get(nip=nip_of(name))


@pytest.fixture
def plans_only(monkeypatch):
    """Leaves out the appraisals and the citizens' surveys (SKM), which go through the services step
    by step and take seconds."""
    monkeypatch.setattr(builder, "sync_appraisals", lambda **kwargs: None)
    monkeypatch.setattr(surveys_demo, "sync_skm", lambda **kwargs: surveys_demo_skm.SkmSummary())


@pytest.fixture
def seeded(plans_only):
    accounts_demo.build_demo()
    return demo.build_performance_demo(today=TODAY)


@pytest.fixture
def appraised():
    accounts_demo.build_demo()
    return demo.build_performance_demo(today=TODAY)


def rows():
    """Every row of the performance and service data, as comparable values."""
    return {model.__name__: sorted(model.objects.values_list()) for model in DATA_MODELS}


# --- The data as written in the module --------------------------------------------------------------


def test_it_names_only_demo_staff_and_links_within_the_plans():
    plans = demo.plans_by_nip()
    people = {p.person.nip: p for p in accounts_demo.placements()}
    goal_codes = {code: {c for c, _ in goals} for code, goals in demo.GOALS.items()}

    assert len(plans) == len(demo.PLANS) == 58
    for nip, plan in plans.items():
        placement = people[nip]
        above = plans.get(placement.supervisor.nip) if placement.supervisor else None
        assert len({r.text for r in plan.results}) == len(plan.results)
        for result in plan.results:
            if isinstance(result.up, str):
                assert placement.supervisor is None and result.up in goal_codes[placement.agency.code]
            elif isinstance(result.up, int):
                assert above is not None and 0 <= result.up < len(above.results)
            assert 1 <= len(result.targets) <= 2
            for work in result.work:
                assert 1 <= work.low <= work.high
                if work.target is not None:
                    assert result.targets[work.target].unit == work.unit


def test_it_names_only_disdukcapil_staff_and_catalogue_entries_in_the_appraisal_script():
    staff = {p.person.name for p in accounts_demo.placements() if p.agency.code == "disdukcapil"}
    titles = {a.title for a in development_catalogue.NATIONAL + development_catalogue.DISDUKCAPIL}
    named = (
        set(script.GRADES)
        | set(script.LAST_QUARTER)
        | set(script.CURRENT_QUARTER)
        | set(script.LEVELS)
        | {a.name for a in script.ACTIONS}
        | {script.OBJECTION[0], script.POTENTIAL[0], demo_feedback.MENTOR, demo_feedback.MENTEE}
        | {name for note in demo_feedback.NOTES for name in note[:2]}
    )
    for request in (demo_feedback.SETTLED, demo_feedback.COLLECTING):
        named |= {request[0], request[1], *(name for names in request[2].values() for name in names)}

    assert named <= staff
    assert set(script.LAST_QUARTER.values()) <= set(script.STAGES)
    assert {a.activity for a in script.ACTIONS} <= titles
    assert len(titles) == len(development_catalogue.NATIONAL + development_catalogue.DISDUKCAPIL)
    codes = {f"M.{n}" for n in range(1, 9)} | {"SK.1"}
    assert {code for levels in script.LEVELS.values() for code in levels} <= codes
    assert {a.competency for a in development_catalogue.NATIONAL} <= codes


def test_it_refuses_a_clock_before_the_plans_were_agreed():
    accounts_demo.build_demo()

    with pytest.raises(ValueError):
        demo.build_performance_demo(today=date(2026, 1, 20))
    assert not Skp.objects.exists()


# --- Running it --------------------------------------------------------------------------------------


def test_it_leaves_exactly_the_same_rows_when_seed_demo_runs_twice(django_assert_max_num_queries):
    call_command("seed_demo", today=TODAY, stdout=StringIO())
    first = rows()
    out = StringIO()

    # Appraisals and feedback included, a second run only reads what is there.
    with django_assert_max_num_queries(50):
        call_command("seed_demo", today=TODAY, stdout=out)

    assert rows() == first
    counts = {name: len(values) for name, values in first.items()}
    assert counts["PerformanceYear"] == 2
    assert counts["EvaluationPeriod"] == 8
    assert counts["AgencyGoal"] == 6
    assert counts["Skp"] == 58
    assert counts["BehaviourExpectation"] == 58 * 7
    assert counts["Service"] == 5
    assert 2000 < counts["DailyReport"] < 4000
    assert counts["Appraisal"] == 88 and counts["DevelopmentActivity"] == 14
    assert counts["FeedbackRequest"] == 2 and counts["MentoringSession"] == 2
    text = out.getvalue()
    assert "Daily reports: " in text and "(0 created, 0 updated)" in text
    for line in (
        "Appraisals: 88",
        "Development actions: 10",
        "Feedback notes: 7",
        "360° feedback requests: 2",
    ):
        assert f"{line} (0 created, 0 updated)" in text
    assert " created, " in text and "SKPs by status: 49 approved, 5 submitted, 3 draft, 1 returned" in text
    assert "Active staff without an SKP: Yudi Prasetyo" in text


def test_it_adds_only_the_new_days_reports_when_the_clock_moves_on(seeded):
    before = set(DailyReport.objects.values_list("pk", "staff_id", "date", "activity", "status"))

    summary = demo.build_performance_demo(today=TODAY + timedelta(days=1))

    after = set(DailyReport.objects.values_list("pk", "staff_id", "date", "activity", "status"))
    assert before < after
    # The rest of the former clock's day, and the early reports of the new one.
    assert {row[2] for row in after - before} == {TODAY, TODAY + timedelta(days=1)}
    assert summary.created[Skp] == 0


@pytest.mark.parametrize("today", [date(2026, 3, 2), TODAY, date(2026, 12, 31)])
def test_it_seeds_with_a_bounded_number_of_queries(today, plans_only, django_assert_max_num_queries):
    # From a dozen working days of reports to a whole quarter: the count stays the same. (The
    # appraisals go through the services one step at a time; their second run is bounded below.)
    with django_assert_max_num_queries(140):
        call_command("seed_demo", today=today, stdout=StringIO())
    with django_assert_max_num_queries(40):
        call_command("seed_demo", today=today, stdout=StringIO())
    assert DailyReport.objects.count() > 900


# --- The plans ---------------------------------------------------------------------------------------


def test_it_opens_the_year_with_quarters_deadline_cutoff_and_goals(seeded):
    years = PerformanceYear.objects.filter(year=2026).select_related("agency")

    assert {y.agency.code for y in years} == {"disdukcapil", "bkpsdm"}
    for year in years:
        assert (year.plan_deadline, year.report_cutoff_days, year.working_weekdays) == (
            date(2026, 1, 31),
            1,
            "01234",
        )
        assert [p.name for p in year.periods.all()] == [
            "Triwulan I",
            "Triwulan II",
            "Triwulan III",
            "Triwulan IV",
        ]
        assert 2 <= year.goals.count() <= 3
    assert AgencyGoal.objects.filter(
        text="Meningkatnya kualitas pelayanan administrasi kependudukan", year__agency__code="disdukcapil"
    ).exists()
    assert AgencyGoal.objects.filter(
        text="Meningkatnya profesionalitas ASN", year__agency__code="bkpsdm"
    ).exists()


def test_it_gives_every_active_staff_member_one_plan_but_one(seeded):
    with_plan = set(Skp.objects.values_list("staff__nip", flat=True))
    active = set(Staff.objects.active().values_list("nip", flat=True))

    assert active - with_plan == {nip_of("Yudi Prasetyo")}
    # The Kabid Pencatatan Sipil retired in September; his plan of January stays.
    assert with_plan - active == {accounts_demo.CIVIL_REGISTRY_HEAD.nip}
    assert Skp.objects.count() == len(with_plan)


def test_it_links_every_result_to_the_raters_plan_or_for_the_head_to_a_goal(seeded):
    results = Rhk.objects.select_related("skp__staff", "supports__skp", "goal__year")
    unlinked = []

    for rhk in results:
        skp = rhk.skp
        assert skp.rater_id == skp.staff.supervisor_id
        if rhk.supports_id is not None:
            assert rhk.supports.skp.staff_id == skp.rater_id
            assert rhk.supports.skp.year_id == skp.year_id
        elif rhk.goal_id is not None:
            assert skp.staff.supervisor_id is None and rhk.goal.year_id == skp.year_id
        elif rhk.kind == "main":
            unlinked.append((skp.staff.name, skp.status))
    assert unlinked == [("Irfan Maulana", SkpStatus.DRAFT)]
    heads = Rhk.objects.filter(skp__staff__supervisor__isnull=True)
    assert heads.count() == 6 and not heads.filter(goal__isnull=True).exists()


def test_it_fills_each_plan_with_two_or_three_main_results_with_quantitative_targets(seeded):
    mains = Counter(Rhk.objects.filter(kind="main").values_list("skp__staff__name", flat=True))
    indicators = Indicator.objects.all()

    assert {n for name, n in mains.items() if name != "Irfan Maulana"} <= {2, 3}
    assert not Rhk.objects.filter(kind="main", indicators__isnull=True).exists()
    assert not indicators.filter(Q(target_value__isnull=True) | Q(target_unit="") | Q(aspect="")).exists()
    assert {"dokumen", "berkas", "%", "hari", "keping"} <= set(
        indicators.values_list("target_unit", flat=True)
    )


def test_it_varies_the_plan_statuses_with_their_history(seeded):
    statuses = Counter(Skp.objects.values_list("status", flat=True))
    events = defaultdict(list)
    for event in SkpEvent.objects.order_by("at", "pk"):
        events[event.skp_id].append(event)

    assert statuses == {"approved": 49, "submitted": 5, "returned": 1, "draft": 3}
    for skp in Skp.objects.select_related("staff"):
        kinds = [e.kind for e in events[skp.pk]]
        # The plan last changed with its last workflow step, or while it was drafted.
        if kinds:
            assert skp.updated_at == events[skp.pk][-1].at
        assert timezone.localtime(skp.updated_at).date() < TODAY
        if skp.status == SkpStatus.DRAFT:
            assert kinds == [] and skp.approved_at is None
        elif skp.status == SkpStatus.APPROVED:
            assert kinds == ["submitted", "approved"] and skp.revision == 0
            assert skp.approved_at == events[skp.pk][-1].at <= timezone.make_aware(datetime(2026, 1, 31))
        else:
            assert kinds[:4] == ["submitted", "approved", "revision", "submitted"] and skp.revision == 1
            assert events[skp.pk][3].at.date() < TODAY
    returned = Skp.objects.get(status=SkpStatus.RETURNED)
    last = events[returned.pk][-1]
    assert returned.staff.name == "Mutiara Hasibuan"
    assert last.kind == SkpEventKind.RETURNED and "Target" in last.comment
    assert last.actor.staff.name == "Joko Susilo"


def test_it_keeps_the_approved_content_as_the_services_would(seeded):
    approved = Skp.objects.filter(status=SkpStatus.APPROVED).select_related("staff", "year")
    events = {e.skp_id: e for e in SkpEvent.objects.filter(kind=SkpEventKind.APPROVED)}

    for skp in approved:
        event = events[skp.pk]
        assert event.snapshot == skp_snapshot(skp)
        assert skp.staff.supervisor.user_id == event.actor_id
        assert all(row.expectation for row in skp.expectations.all())
        assert skp.resource_support and skp.accountability_scheme and skp.consequences
        # What skp_submit requires of a plan before it can reach the rater.
        for rhk in skp.results.filter(kind="main"):
            assert rhk.supports_id is not None and rhk.indicators.exists()
    # A reopened plan's first approval kept the version without the result added later.
    dian = Skp.objects.get(staff__name="Dian Permata Sari")
    first = dian.events.get(kind=SkpEventKind.APPROVED).snapshot
    assert len(first["results"]) == dian.results.count() - 1


def test_it_leaves_plans_waiting_for_rina_and_for_the_plt(seeded):
    rina = Staff.objects.get(nip=accounts_demo.IDENTITY_TEAM_LEAD.nip)
    plt = Staff.objects.get(nip=accounts_demo.REGISTRATION_HEAD.nip)

    waiting_for_rina = {skp.staff.name for skp in review_inbox(rina)}
    assert waiting_for_rina == {"Dian Permata Sari", "Yulia Anggraini"}
    for skp in review_inbox(rina):
        assert rina.pk in rater_ids(skp.staff)
    # The Plt Kabid also rates the team leads of the retired Kabid Pencatatan Sipil.
    assert "Syamsul Bahri" in {skp.staff.name for skp in review_inbox(plt)}


def test_it_shows_exactly_the_deliberate_gaps_in_the_cascade(seeded):
    hr = get_user_model().objects.get(username="hr.disdukcapil")
    agency = Agency.objects.get(code="disdukcapil")
    year = PerformanceYear.objects.get(agency=agency, year=2026)

    tree = cascade_tree(agency, year, viewer=hr)

    assert {(item.staff.name, item.has_skp) for item in tree.unlinked_staff} == {
        ("Yudi Prasetyo", False),
        ("Irfan Maulana", True),
    }
    assert tree.not_supported == [] and tree.no_goal == []
    assert [node.rhk.text for group in tree.loose for node in group.nodes] == [
        "Terlaksananya pemutakhiran data kependudukan hasil verifikasi kelurahan"
    ]
    bkpsdm = Agency.objects.get(code="bkpsdm")
    admin = get_user_model().objects.get(username="admin")
    other = cascade_tree(bkpsdm, PerformanceYear.objects.get(agency=bkpsdm), viewer=admin)
    assert other.unlinked_staff == [] and other.not_supported == [] and other.loose == []


# --- The daily reports -------------------------------------------------------------------------------


def test_it_dates_reports_on_working_days_up_to_the_clock_only(seeded):
    holidays = set(Holiday.objects.values_list("date", flat=True))
    dates = set(DailyReport.objects.values_list("date", flat=True))

    assert max(dates) == TODAY
    assert all(day.weekday() < 5 and day not in holidays for day in dates)
    # The whole Triwulan IV so far, and at least twenty working days.
    assert min(dates) == date(2026, 10, 1)
    assert len(dates) == len(seeded.report_days) >= demo.REPORT_DAYS


def test_it_skips_the_holidays_of_the_report_window(plans_only):
    accounts_demo.build_demo()
    summary = demo.build_performance_demo(today=date(2026, 8, 28))

    dates = set(DailyReport.objects.values_list("date", flat=True))
    assert date(2026, 8, 17) not in dates and date(2026, 8, 25) not in dates
    assert {date(2026, 8, 14), date(2026, 8, 18), date(2026, 8, 24), date(2026, 8, 26)} <= dates
    assert max(dates) == date(2026, 8, 28) and len(summary.report_days) >= demo.REPORT_DAYS


def test_it_writes_each_report_against_the_owners_plan_as_the_services_would(seeded):
    reports = DailyReport.objects.select_related("rhk__skp", "indicator", "staff", "reviewed_by")
    year = PerformanceYear.objects.first()
    holidays = set(Holiday.objects.values_list("date", flat=True))
    weekdays = calendar.parse_weekdays(year.working_weekdays)

    for report in reports:
        assert report.staff.is_active
        assert report.rhk.skp.staff_id == report.staff_id
        if report.indicator is not None:
            assert report.indicator.rhk_id == report.rhk_id
            assert report.indicator.target_unit == report.output_unit
        assert 30 <= report.minutes_spent <= 240 and report.output_quantity >= 1
        sent = timezone.localtime(report.created_at).date()
        assert report.date <= sent <= calendar.report_deadline(report.date, 1, weekdays, holidays)
        assert not report.evidence_file
        if report.status != ReportStatus.SUBMITTED:
            assert report.reviewed_at > report.created_at
            assert report.reviewed_by.pk in rater_ids(report.staff, on=report.date)
        if report.status == ReportStatus.COMMENTED:
            assert report.review_comment
    statuses = Counter(reports.values_list("status", flat=True))
    assert statuses["acknowledged"] > reports.count() / 2 and statuses["submitted"] and statuses["commented"]
    assert 0 < reports.exclude(evidence_link="").count() < reports.count() / 10
    # The most recent reports still wait for their rater.
    assert not reports.filter(date__gte=TODAY - timedelta(days=1)).exclude(status="submitted").exists()


def test_it_varies_compliance_and_leaves_some_days_unreported(seeded):
    days = seeded.report_days
    spans = [("window", days[0], days[-1])]
    members = Staff.objects.active().filter(skps__isnull=False)

    compliance = {m.name: report_compliance(m, today=TODAY, spans=spans)[0].percent for m in members}
    assert len(set(compliance.values())) >= 5
    assert min(compliance.values()) < 70 and max(compliance.values()) >= 95
    assert compliance["Taufik Hidayat"] < compliance["Rina Marlina"]
    rina = Staff.objects.get(nip=accounts_demo.IDENTITY_TEAM_LEAD.nip)
    missing = {day: {s.name for s in not_reported(rina, day=day, on=TODAY)} for day in days}
    assert any(missing.values()) and not all(missing.values())


# --- The appraisals ----------------------------------------------------------------------------------


def appraisals_in(sequence):
    return Appraisal.objects.filter(period__sequence=sequence, skp__staff__agency__code="disdukcapil")


def test_it_finalises_the_ended_quarters_with_a_spread_of_predikat(appraised):
    first, second = appraisals_in(1), appraisals_in(2)
    approved = Skp.objects.filter(
        status=SkpStatus.APPROVED, staff__status="active", staff__agency__code="disdukcapil"
    )

    assert first.count() == second.count() == approved.count() == 30
    assert not first.exclude(status=AppraisalStatus.FINAL).exists()
    assert not second.exclude(status=AppraisalStatus.FINAL).exists()
    predikat = Counter(
        Appraisal.objects.filter(status=AppraisalStatus.FINAL).values_list("predikat", flat=True)
    )
    assert set(predikat) == {Predikat.VERY_GOOD, Predikat.GOOD, Predikat.NEEDS_IMPROVEMENT}
    assert predikat[Predikat.GOOD] > sum(predikat.values()) * 0.7
    for appraisal in Appraisal.objects.filter(status=AppraisalStatus.FINAL).select_related("skp__staff"):
        assert is_approver(appraisal.approved_by, appraisal)
        assert appraisal.jpm is not None and appraisal.talent_box is not None
        if appraisal.results_rating == Rating.BELOW:
            assert appraisal.results_feedback
            assert appraisal.result_ratings.filter(rating=Rating.BELOW).exclude(feedback="").exists()
    override = Appraisal.objects.exclude(results_override_reason="").get()
    assert override.results_rating == Rating.ABOVE != override.results_proposed
    assert Appraisal.objects.filter(
        competency_levels__level__lt=F("competency_levels__standard_level")
    ).exists()
    # No quarter that has not begun is appraised; the one running only by Fajar, who has begun it.
    assert not Appraisal.objects.filter(period__starts_on__gt=TODAY).exists()
    assert [a.skp.staff.name for a in appraisals_in(4)] == ["Fajar Ramadhan"]


def test_it_leaves_something_in_every_inbox_of_the_featured_people(appraised):
    head = staff_named("Syafrizal Nasution")
    plt = Staff.objects.get(nip=accounts_demo.REGISTRATION_HEAD.nip)
    rina = Staff.objects.get(nip=accounts_demo.IDENTITY_TEAM_LEAD.nip)
    fajar = Staff.objects.get(nip=accounts_demo.DATABASE_ADMIN.nip)
    hr = get_user_model().objects.get(username="hr.disdukcapil")
    year = PerformanceYear.objects.get(agency=head.agency, year=2026)
    third = year.periods.get(sequence=3)

    waiting = list(approval_inbox(head, None))
    assert len(waiting) >= 3 and all(is_approver(head.user, a) for a in waiting)
    assert approval_inbox(plt, None).exists() and approval_inbox(None, hr.hr_agency_id).exists()
    assert {
        r.staff.name: r.appraisal.status
        for r in team_appraisals(rina, year=year, period=third)
        if r.appraisal
    } == {"Fajar Ramadhan": AppraisalStatus.SUPERVISOR_ASSESSMENT}
    assert any(
        r.appraisal.status == AppraisalStatus.SUPERVISOR_ASSESSMENT
        for r in team_appraisals(head, year=year, period=third)
    )
    due = {d.title: d.appraisal for d in appraisals_due(fajar, today=TODAY)}
    assert due["Triwulan I 2026"].is_final and due["Triwulan II 2026"].is_final
    assert due["Triwulan IV 2026"].status == AppraisalStatus.SELF_ASSESSMENT
    assert Counter(appraisals_in(3).values_list("status", flat=True)).keys() == set(AppraisalStatus.values)
    returned = appraisals_in(3).get(status=AppraisalStatus.RETURNED)
    assert returned.events.filter(kind="returned").exclude(comment="").exists()
    objection = Appraisal.objects.get(objection__isnull=False).objection
    assert objection.status == ObjectionStatus.PENDING and objection.appraisal.results_rating == Rating.BELOW
    assert is_approver(plt.user, objection.appraisal)


def test_it_follows_the_appraisals_with_development_and_feedback(appraised):
    actions = DevelopmentAction.objects.select_related("appraisal__skp__staff", "activity")
    statuses = Counter(actions.values_list("status", flat=True))
    catalogue = DevelopmentActivity.objects.all()

    assert catalogue.filter(agency__isnull=True).count() == 8
    assert catalogue.filter(agency__code="disdukcapil").count() == 6
    assert {"training", "mentoring", "coaching", "assignment"} == set(
        catalogue.values_list("kind", flat=True)
    )
    assert (
        statuses[ActionStatus.DONE] and statuses[ActionStatus.IN_PROGRESS] and statuses[ActionStatus.PLANNED]
    )
    assert (
        actions.filter(agreed_at__isnull=True).exists() and actions.filter(competency__isnull=False).exists()
    )
    for action in actions:
        assert action.activity.agency_id in (None, action.appraisal.skp.staff.agency_id)
        if action.competency_id:
            assert action.appraisal.competency_levels.get(competency=action.competency).gap
        if action.rhk_id:
            assert action.appraisal.result_ratings.get(rhk=action.rhk).rating == Rating.BELOW
    assert (
        FeedbackNote.objects.filter(kind="praise").exists()
        and FeedbackNote.objects.filter(kind="correction").exists()
    )
    mentorship = Mentorship.objects.get()
    assert mentorship.sessions.count() == 2 and all(s.date < TODAY for s in mentorship.sessions.all())
    rina = Staff.objects.get(nip=accounts_demo.IDENTITY_TEAM_LEAD.nip)
    fajar = Staff.objects.get(nip=accounts_demo.DATABASE_ADMIN.nip)
    [settled] = results_for_subject(rina)
    assert settled.released and {b.key for b in settled.buckets} == {"peer", "subordinate"}
    assert all(b.count >= 3 for b in settled.buckets)
    [collecting] = results_for_subject(fajar)
    assert not collecting.released and not collecting.buckets
    putri = staff_named("Putri Ayu Lestari")
    assert invitations_for_rater(putri).filter(answered_at__isnull=True).exists()
