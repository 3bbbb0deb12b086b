import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from appraisal.models import (
    ActionStatus,
    Appraisal,
    AppraisalEventKind,
    AppraisalStatus,
    BehaviourExpectation,
    Competency,
    CoreValue,
    DevelopmentKind,
)
from appraisal.services import competencies as competency_services
from appraisal.services import feedback as catalogue_services
from appraisal.tests import factories as plans
from appraisal.tests.url_roles_appraisals import appraisal_at
from e2e.conftest import DESKTOP, open_from_menu, screenshot, sign_in, sign_out, watched_page

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
MINE = reverse("appraisal:appraisal_mine")
TEAM = reverse("appraisal:appraisal_team")
INBOX = reverse("appraisal:appraisal_inbox")
PERIOD = "Triwulan I 2026"
ABOVE, MEETS, BELOW = (re.compile(f"^{word} expectations") for word in ("Above", "Meets", "Below"))

RESULTS = [
    (
        "main",
        "Terverifikasinya berkas permohonan KTP-el warga",
        "Berkas KTP-el yang diverifikasi",
        60,
        "berkas",
    ),
    (
        "main",
        "Tersusunnya laporan layanan pendaftaran penduduk",
        "Laporan layanan yang tersusun",
        12,
        "laporan",
    ),
    (
        "additional",
        "Terlaksananya layanan jemput bola perekaman KTP-el",
        "Kegiatan jemput bola",
        4,
        "kegiatan",
    ),
]
CHANGE_REASON = "Tiga berkas diverifikasi saat layanan jemput bola dan belum tercatat di laporan harian."
EVIDENCE = "https://arsip.disdukcapil.example.go.id/ktp-el/triwulan-1"
SELF_COMMENT = "Antrean verifikasi sempat tertunda karena gangguan jaringan SIAK pada bulan Februari."
LOW_FEEDBACK = "Susun laporan layanan paling lambat tanggal 5 setiap bulan, gunakan templat bidang."
OVERRIDE = "Hasil jemput bola di atas harapan menutup keterlambatan laporan; kinerja triwulan sesuai harapan."
OVERALL_FEEDBACK = "Pertahankan ketelitian verifikasi; perbaiki ketepatan waktu laporan."
RETURN_COMMENT = "Tambahkan target laporan triwulan berikutnya pada umpan balik keseluruhan."
OVERALL_AFTER_RETURN = f"{OVERALL_FEEDBACK} Target triwulan II: 3 laporan tepat waktu."
ACTIVITY = "Pelatihan Integritas Pelayanan Publik"
AIM = "Menerapkan standar etika pelayanan di loket verifikasi KTP-el."
PROGRESS = "Sudah mengikuti sesi pertama pelatihan pada minggu lalu."
with translation.override("en"):
    VALUES = [(value, str(label)) for value, label in CoreValue.choices]
LABEL_ABOVE = "e => e.labels[0].getBoundingClientRect().bottom <= e.getBoundingClientRect().top"


def _english(page, live_server):
    """The journeys read the interface in English: the language cookie the footer switch sets."""
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])


def _sign_in(page, person):
    sign_in(page, person.nip, PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "en")


def _click(page, locator):
    with page.expect_navigation():
        locator.click()


def _press(page, name):
    _click(page, page.locator("main").get_by_role("button", name=name, exact=True))


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), f"the page is {width}px wide on {page.url}"


def _message(page):
    return page.locator("main > .alert[role=status]")


def _form_error(page):
    return page.locator("main .alert-danger[role=alert]")


def _status(page):
    return page.locator("main h1 + div .badge").first


def _period_row(page):
    return page.locator("main tbody tr").filter(has=page.locator("td", has_text=re.compile(f"^{PERIOD}$")))


def _open_team_row(page, person):
    """The rater opens Team appraisals, which opens on Triwulan I where the appraisal waits for them
    (its tab counts it), and returns the row of the person."""
    open_from_menu(page, TEAM)
    expect(page.locator("main h1")).to_have_text("Team appraisals")
    active = page.locator("main nav .nav-link.active")
    expect(active).to_contain_text(re.compile(r"^Triwulan I\b"))
    expect(active.locator(".badge")).to_contain_text("1")
    row = page.locator("main tbody tr", has=page.locator(".nip", has_text=person.nip))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(person.full_name)
    return row


def _rating(scope, label, choice):
    scope.get_by_role("radiogroup", name=label, exact=True).get_by_role("radio", name=choice).check()


def _open_from_inbox(page, org):
    _sign_in(page, org.head)
    open_from_menu(page, INBOX)
    expect(page.locator("main h1")).to_have_text("Appraisals awaiting my approval")
    row = page.locator("main tbody tr", has_text=org.staff_a.full_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(PERIOD)
    expect(row).to_contain_text(org.kabid_a.full_name)
    _click(page, row.get_by_role("link", name=org.staff_a.full_name))
    review = page.locator("#review")
    expect(review).to_be_visible()
    return review


@pytest.fixture
def q1_plan(org):
    """Staff A's approved SKP of 2026 (quarterly periods), two competency standards of the position
    (level 3), daily reports against the first indicator and a training in the agency's catalogue."""
    year = plans.performance_year(org.agency, year=2026)
    skp = plans.skp(org.staff_a, year, status="approved", approved_at=datetime.now(UTC))
    for value, label in VALUES:
        BehaviourExpectation.objects.create(skp=skp, value=value, expectation=f"Menunjukkan sikap {label}")
    results, indicators = [], []
    for order, (kind, text, indicator_text, target, unit) in enumerate(RESULTS):
        rhk = plans.rhk(skp, kind=kind, order=order, text=text)
        indicators.append(
            plans.indicator(rhk, text=indicator_text, target_value=Decimal(target), target_unit=unit)
        )
        results.append(rhk)
    # Twelve documents in Triwulan I; the April report belongs to Triwulan II.
    for day, quantity in [(date(2026, 2, 10), "7"), (date(2026, 3, 16), "5"), (date(2026, 4, 6), "4")]:
        plans.daily_report(
            org.staff_a,
            results[0],
            on=day,
            indicator_obj=indicators[0],
            output_quantity=Decimal(quantity),
            output_unit="berkas",
        )
    competencies = list(Competency.objects.national().order_by("code")[:2])
    for competency in competencies:
        competency_services.position_standard_set(
            position=org.staff_a.position, competency=competency, standard_level=3
        )
    activity = catalogue_services.development_activity_create(
        agency=org.agency, title=ACTIVITY, kind=DevelopmentKind.TRAINING, competency=competencies[0]
    )
    return SimpleNamespace(
        skp=skp, results=results, indicators=indicators, competencies=competencies, activity=activity
    )


def _fill_assessment(page, plan):
    """The rater rates every result (the second, a main one, below expectations but without feedback
    yet), notes every value, the overall ratings and the levels: the first competency one below its
    standard of 3."""
    form = page.locator("main form[method=post]")
    first, second, extra = plan.results
    _rating(form, first.text, MEETS)
    _rating(form, second.text, BELOW)
    _rating(form, extra.text, ABOVE)
    for _value, label in VALUES:
        form.get_by_label(label, exact=True).fill(f"{label}: ramah dan tertib melayani warga di loket.")
    _rating(form, "Results rating (Hasil Kerja)", MEETS)
    form.locator("textarea[name=results_override_reason]").fill(OVERRIDE)
    _rating(form, "Behaviour rating (Perilaku Kerja)", MEETS)
    gap, met = plan.competencies
    form.locator(f"select[name=comp_{gap.pk}_level]").select_option("2")
    form.locator(f"textarea[name=comp_{gap.pk}_evidence]").fill("Dua kali menerima berkas tanpa antrean.")
    form.locator(f"select[name=comp_{met.pk}_level]").select_option("3")
    form.locator("textarea[name=overall_feedback]").fill(OVERALL_FEEDBACK)


def test_it_takes_an_appraisal_from_the_self_assessment_through_a_return_to_the_final_document(
    page, live_server, org, q1_plan
):
    plan = q1_plan
    first_indicator = plan.indicators[0]
    _english(page, live_server)

    # Staff A starts the self-assessment of Triwulan I; the first achievement comes from the daily reports.
    _sign_in(page, org.staff_a)
    open_from_menu(page, MINE)
    expect(page.locator("main h1")).to_have_text("My appraisals")
    row = _period_row(page)
    expect(row).to_contain_text("Not started")
    _click(page, row.get_by_role("button", name="Start my self-assessment"))
    expect(page).to_have_url(re.compile(r"/appraisals/\d+/self/$"))
    expect(_message(page)).to_have_text("The appraisal was started.")
    appraisal = Appraisal.objects.get(skp=plan.skp)
    reported = page.locator("main fieldset", has=page.locator("legend", has_text=first_indicator.text))
    expect(reported).to_contain_text("Target: 60 berkas · daily reports: 12")
    achieved = reported.locator("input[name$='_achieved']")
    expect(achieved).to_have_value(re.compile(r"^12(\.0+)?$"))
    other = page.locator("main fieldset", has=page.locator("legend", has_text=plan.indicators[1].text))
    expect(other).to_contain_text("daily reports: 0")

    # A corrected achievement needs a reason; the form keeps what was typed.
    achieved.fill("15")
    reported.locator("input[name$='_link']").fill(EVIDENCE)
    page.locator("main textarea[name=comment]").fill(SELF_COMMENT)
    _press(page, "Send to my rater")
    expect(_form_error(page)).to_have_text("Please check the fields marked below.")
    expect(reported.locator(".text-danger")).to_have_text(
        re.compile(r"^The daily reports add up to 12(\.00)?; say why the achievement differs\.$")
    )
    expect(achieved).to_have_value("15")
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.SELF_ASSESSMENT
    reported.locator("textarea[name$='_reason']").fill(CHANGE_REASON)
    _fits(page)
    screenshot(page, "appraisal-self-desktop")
    _press(page, "Send to my rater")
    expect(page).to_have_url(live_server.url + reverse("appraisal:appraisal_detail", args=[appraisal.pk]))
    expect(_message(page)).to_have_text("Your self-assessment was sent to your rater.")
    expect(_status(page)).to_have_text("Rater's assessment")
    expect(page.locator("main")).to_contain_text(
        "Your rater's assessment is shown here once the appraisal is final."
    )
    sign_out(page)

    # Kabid A rates it: a result below expectations without feedback is refused at its field.
    _sign_in(page, org.kabid_a)
    row = _open_team_row(page, org.staff_a)
    expect(row.locator("td[data-label=Status] .badge")).to_have_text("Rater's assessment")
    _fits(page)
    screenshot(page, "appraisal-team-desktop")
    _click(page, row.get_by_role("link", name=re.compile("^Assess")))
    expect(page.locator("main h1")).to_contain_text(f"Assessment · {org.staff_a.full_name}")
    first_result = page.locator(f"#rhk-{plan.results[0].pk}")
    expect(first_result).to_contain_text(f"{first_indicator.text}: 15 / 60 berkas")
    expect(first_result).to_contain_text(CHANGE_REASON)
    expect(page.locator("main")).to_contain_text(SELF_COMMENT)
    _fill_assessment(page, plan)
    _press(page, "Submit for approval")
    expect(_form_error(page)).to_have_text("Please check the fields marked below.")
    low = page.locator(f"#rhk-{plan.results[1].pk}")
    expect(low.locator(".text-danger")).to_have_text("Below expectations: write feedback on how to improve.")
    expect(low.get_by_role("radio", name=BELOW)).to_be_checked()
    appraisal.refresh_from_db()
    assert (appraisal.status, appraisal.results_rating) == (AppraisalStatus.SUPERVISOR_ASSESSMENT, "")
    low.locator("textarea").fill(LOW_FEEDBACK)
    _fits(page)
    screenshot(page, "appraisal-assess-desktop")
    _press(page, "Submit for approval")
    expect(_message(page)).to_have_text("The appraisal was submitted to your superior for approval.")
    expect(_status(page)).to_have_text("Waiting for approval")

    # Kabid A plans a training for the competency gap from the development plan page.
    _click(page, page.locator("#plan").get_by_role("link", name="Propose actions"))
    expect(page.locator("main h1")).to_contain_text("Development plan")
    gap = page.locator("main .card", has_text="Competency gap")
    expect(gap).to_have_count(1)
    expect(gap).to_contain_text(f"{plan.competencies[0].name}: 2/3")
    expect(gap).to_contain_text(ACTIVITY)
    _click(page, gap.get_by_role("link", name="Plan an action for this"))
    form = page.locator("main form[method=post]")
    expect(form.locator("select[name=target]")).to_have_value(f"c{plan.competencies[0].pk}")
    form.locator("select[name=activity]").select_option(label=f"{ACTIVITY} · Training (pelatihan)")
    form.locator("textarea[name=aim]").fill(AIM)
    starts, due = timezone.localdate() + timedelta(days=7), timezone.localdate() + timedelta(days=60)
    form.locator("input[name=starts_on]").fill(starts.isoformat())
    form.locator("input[name=due_on]").fill(due.isoformat())
    _press(page, "Add to the plan")
    expect(_message(page)).to_have_text("The action was added to the development plan.")
    action = page.locator("main .list-group-item", has_text=ACTIVITY)
    expect(action).to_contain_text(AIM)
    expect(action).to_contain_text("not agreed yet")
    expect(gap.locator(".badge")).to_have_text("planned")
    _fits(page)
    screenshot(page, "appraisal-plan-desktop")
    sign_out(page)

    # The head returns it with a comment.
    review = _open_from_inbox(page, org)
    expect(page.locator("#talent")).to_contain_text("Good (Baik)")
    review.locator("textarea[name=comment]").fill(RETURN_COMMENT)
    _click(page, review.get_by_role("button", name="Return to the rater"))
    expect(_message(page)).to_have_text("The appraisal was returned to the rater with your comment.")
    expect(_status(page)).to_have_text("Returned to the rater")
    sign_out(page)

    # Kabid A reads the comment on the form, completes the feedback and submits again.
    _sign_in(page, org.kabid_a)
    row = _open_team_row(page, org.staff_a)
    expect(row.locator("td[data-label=Status] .badge")).to_have_text("Returned to the rater")
    _click(page, row.get_by_role("link", name=re.compile("^Assess")))
    returned = page.locator("main .alert-warning[role=alert]")
    expect(returned).to_contain_text(f"Returned by {org.head.name}")
    expect(returned).to_contain_text(RETURN_COMMENT)
    expect(page.locator(f"#rhk-{plan.results[1].pk} textarea")).to_have_value(LOW_FEEDBACK)
    page.locator("main textarea[name=overall_feedback]").fill(OVERALL_AFTER_RETURN)
    _press(page, "Submit for approval")
    expect(_message(page)).to_have_text("The appraisal was submitted to your superior for approval.")
    sign_out(page)

    # The head approves it.
    review = _open_from_inbox(page, org)
    expect(page.locator("#talent")).to_contain_text(OVERALL_AFTER_RETURN)
    _click(page, review.get_by_role("button", name="Approve: make it final"))
    expect(_message(page)).to_have_text("The appraisal was approved and is now final.")
    expect(_status(page)).to_have_text("Final")
    sign_out(page)

    # Staff A reads the final predikat, agrees to the action and reports progress.
    _sign_in(page, org.staff_a)
    open_from_menu(page, MINE)
    row = _period_row(page)
    expect(row.locator(".predikat")).to_have_text("Good (Baik)")
    _click(page, row.get_by_role("link", name="Open"))
    outcome = page.locator("#talent")
    expect(outcome).to_contain_text("Good (Baik)")
    expect(outcome).to_contain_text(OVERALL_AFTER_RETURN)
    expect(page.locator("main table").first).to_contain_text(LOW_FEEDBACK)
    action = page.locator("#plan .list-group-item", has_text=ACTIVITY)
    expect(action).to_contain_text("not agreed yet")
    _click(page, action.get_by_role("button", name="I agree"))
    expect(_message(page)).to_have_text("You agreed to the action.")
    expect(action.locator(".badge", has_text=re.compile("^agreed$"))).to_have_count(1)
    expect(action).not_to_contain_text("not agreed yet")
    action.locator("select[name=status]").select_option("in_progress")
    action.locator("input[name=note]").fill(PROGRESS)
    _click(page, action.get_by_role("button", name="Save progress"))
    expect(_message(page)).to_have_text("The progress was saved.")
    expect(action).to_contain_text(f"Progress: {PROGRESS}")
    expect(action.locator(".badge").first).to_have_text("In progress")
    _fits(page)
    screenshot(page, "appraisal-final-desktop")

    # The evaluation document and its PDF.
    _click(page, page.locator("main").get_by_role("link", name="Evaluation document"))
    expect(page.locator("main h1")).to_have_text("Employee performance evaluation document")
    expect(page.locator("main .eval-doc-draft")).to_have_count(0)
    with page.expect_download() as download:
        page.locator("main").get_by_role("link", name="Download PDF").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")

    appraisal.refresh_from_db()
    assert (appraisal.status, appraisal.predikat, appraisal.approved_by_id) == (
        AppraisalStatus.FINAL,
        "baik",
        org.head.user_id,
    )
    assert (appraisal.results_proposed, appraisal.results_rating, appraisal.behaviour_rating) == (
        "below",
        "meets",
        "meets",
    )
    assert (appraisal.results_override_reason, appraisal.overall_feedback) == (OVERRIDE, OVERALL_AFTER_RETURN)
    assert appraisal.self_comment == SELF_COMMENT
    corrected = appraisal.achievements.get(indicator=first_indicator)
    assert (corrected.reported, corrected.achieved, corrected.change_reason, corrected.evidence_link) == (
        Decimal("12"),
        Decimal("15"),
        CHANGE_REASON,
        EVIDENCE,
    )
    assert dict(appraisal.result_ratings.values_list("rhk_id", "rating")) == {
        plan.results[0].pk: "meets",
        plan.results[1].pk: "below",
        plan.results[2].pk: "above",
    }
    assert appraisal.result_ratings.get(rhk=plan.results[1]).feedback == LOW_FEEDBACK
    assert dict(appraisal.competency_levels.values_list("competency_id", "level")) == {
        plan.competencies[0].pk: 2,
        plan.competencies[1].pk: 3,
    }
    assert all(note for note in appraisal.behaviour_notes.values_list("note", flat=True))
    [planned] = appraisal.development_actions.all()
    assert (planned.activity_id, planned.competency_id, planned.starts_on, planned.due_on) == (
        plan.activity.pk,
        plan.competencies[0].pk,
        starts,
        due,
    )
    assert (planned.status, planned.progress_note, planned.agreed_at is not None) == (
        ActionStatus.IN_PROGRESS,
        PROGRESS,
        True,
    )
    kinds = list(appraisal.events.order_by("at", "pk").values_list("kind", flat=True))
    steps = [
        k for k in kinds if k not in (AppraisalEventKind.PLAN_CHANGED, AppraisalEventKind.ASSESSMENT_SAVED)
    ]
    assert steps == [
        AppraisalEventKind.STARTED,
        AppraisalEventKind.SELF_SAVED,
        AppraisalEventKind.SELF_SUBMITTED,
        AppraisalEventKind.SUBMITTED,
        AppraisalEventKind.RETURNED,
        AppraisalEventKind.SUBMITTED,
        AppraisalEventKind.APPROVED,
    ]
    assert appraisal.events.get(kind=AppraisalEventKind.RETURNED).comment == RETURN_COMMENT


def test_it_refuses_the_second_of_two_crossing_saves_of_the_assessment_and_keeps_the_first(
    page, browser, live_server, org
):
    appraisal = appraisal_at(org, "rater")
    version = appraisal.version
    assess = reverse("appraisal:appraisal_assess", args=[appraisal.pk])
    results = list(appraisal.result_ratings.select_related("rhk").order_by("-rhk__kind", "rhk__order"))
    competencies = list(appraisal.competency_levels.order_by("pk"))
    value, label = VALUES[0]
    first_note, second_note = "Sigap melayani warga di loket.", "Kurang sigap di loket."

    with watched_page(browser, live_server.url, DESKTOP) as other:
        for tab in (page, other):
            _english(tab, live_server)
            _sign_in(tab, org.kabid_a)
            tab.goto(assess)
            expect(tab.locator("main h1")).to_contain_text("Assessment")

        # The first tab saves a complete draft.
        form = page.locator("main form[method=post]")
        for row in results:
            _rating(form, row.rhk.text, MEETS)
        form.get_by_label(label, exact=True).fill(first_note)
        _rating(form, "Results rating (Hasil Kerja)", MEETS)
        _rating(form, "Behaviour rating (Perilaku Kerja)", MEETS)
        for row in competencies:
            form.locator(f"select[name=comp_{row.competency_id}_level]").select_option("3")
        _press(page, "Save draft")
        expect(_message(page)).to_have_text("The assessment was saved.")

        # The second tab, read before that save, is refused as a whole.
        form = other.locator("main form[method=post]")
        for row in results:
            _rating(form, row.rhk.text, ABOVE)
        form.get_by_label(label, exact=True).fill(second_note)
        _rating(form, "Results rating (Hasil Kerja)", ABOVE)
        _rating(form, "Behaviour rating (Perilaku Kerja)", ABOVE)
        for row in competencies:
            form.locator(f"select[name=comp_{row.competency_id}_level]").select_option("5")
        _press(other, "Save draft")
        refused = _form_error(other)
        expect(refused).to_contain_text("This appraisal was changed by someone else")
        expect(refused).to_contain_text("Your changes were not saved: reload the page to see theirs")
        expect(form.get_by_label(label, exact=True)).to_have_value(second_note)
        screenshot(other, "appraisal-assess-conflict-desktop")

        # Reloaded, the second tab shows the first one's work.
        other.goto(assess)
        expect(form.get_by_label(label, exact=True)).to_have_value(first_note)
        expect(
            form.get_by_role("radiogroup", name=results[0].rhk.text).get_by_role("radio", name=MEETS)
        ).to_be_checked()

    appraisal.refresh_from_db()
    assert appraisal.version == version + 1
    assert (appraisal.results_rating, appraisal.behaviour_rating) == ("meets", "meets")
    assert set(appraisal.result_ratings.values_list("rating", flat=True)) == {"meets"}
    assert set(appraisal.competency_levels.values_list("level", flat=True)) == {3}
    assert appraisal.behaviour_notes.get(value=value).note == first_note
    assert not appraisal.behaviour_notes.filter(note=second_note).exists()
    assert appraisal.events.filter(kind=AppraisalEventKind.ASSESSMENT_SAVED).count() == 1


def test_it_fits_the_self_assessment_and_the_rater_form_on_a_phone(phone_page, live_server, org):
    appraisal = appraisal_at(org, "self")
    results = list(appraisal.result_ratings.select_related("rhk").order_by("-rhk__kind", "rhk__order"))
    page = phone_page
    _english(page, live_server)

    # Staff A fills in the self-assessment on a phone and sends it.
    _sign_in(page, org.staff_a)
    open_from_menu(page, MINE)
    _fits(page)
    _click(page, _period_row(page).get_by_role("link", name="Fill in my self-assessment"))
    expect(page.locator("main h1")).to_contain_text("Self-assessment")
    fields = page.locator("main fieldset")
    expect(fields).to_have_count(len(results))
    fields.first.locator("input[name$='_achieved']").fill("20")
    link = fields.first.locator("input[name$='_link']")
    link.fill(EVIDENCE)
    for field in (fields.first.locator("input[name$='_achieved']"), link):
        assert field.evaluate(
            "e => e.labels[0].getBoundingClientRect().bottom <= e.getBoundingClientRect().top"
        )
    send = page.locator("main").get_by_role("button", name="Send to my rater")
    send.scroll_into_view_if_needed()
    expect(send).to_be_in_viewport()
    _fits(page)
    screenshot(page, "appraisal-self-phone")
    _click(page, send)
    expect(_form_error(page)).to_be_visible()
    fields.first.locator("textarea[name$='_reason']").fill(CHANGE_REASON)
    _fits(page)
    _click(page, send)
    expect(_message(page)).to_have_text("Your self-assessment was sent to your rater.")
    _fits(page)
    sign_out(page)

    # Kabid A opens the rater's form on a phone; a low rating's missing feedback shows at the field.
    _sign_in(page, org.kabid_a)
    row = _open_team_row(page, org.staff_a)
    _fits(page)
    _click(page, row.get_by_role("link", name=re.compile("^Assess")))
    form = page.locator("main form[method=post]")
    _rating(form, results[0].rhk.text, BELOW)
    _rating(form, results[1].rhk.text, MEETS)
    level = form.locator("select[name$='_level']").first
    level.scroll_into_view_if_needed()
    expect(level).to_be_in_viewport()
    level.select_option("2")
    _press(page, "Save draft")
    expect(page.locator(f"#rhk-{results[0].rhk_id} .text-danger")).to_have_text(
        "Below expectations: write feedback on how to improve."
    )
    _fits(page)
    screenshot(page, "appraisal-assess-phone")
    page.locator(f"#rhk-{results[0].rhk_id} textarea").fill(LOW_FEEDBACK)
    _press(page, "Save draft")
    expect(_message(page)).to_have_text("The assessment was saved.")
    _fits(page)
    assert appraisal.result_ratings.get(rhk_id=results[0].rhk_id).feedback == LOW_FEEDBACK
