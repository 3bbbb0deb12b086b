import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from appraisal.models import Aspect, RhkKind, Skp, SkpApproach, SkpEventKind, SkpStatus
from appraisal.services import skp as skp_services
from appraisal.tests import factories as plans
from e2e.conftest import open_from_menu, screenshot, sign_in, sign_out

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
MY_SKP = "/appraisal/skp/"
INBOX = "/appraisal/skp/approvals/"
RETURN_COMMENT = "Target verifikasi berkas KTP-el terlalu rendah untuk setahun; naikkan menjadi 150 berkas."
STAFF_RESULTS = [
    {
        "text": "Terverifikasinya berkas permohonan KTP-el warga secara tepat waktu",
        "indicator": "Jumlah berkas permohonan KTP-el yang diverifikasi",
        "target": "120",
        "unit": "berkas",
    },
    {
        "text": "Tersusunnya laporan bulanan layanan pendaftaran penduduk",
        "indicator": "Jumlah laporan bulanan layanan yang disusun",
        "target": "12",
        "unit": "laporan",
    },
]


@pytest.fixture
def kabid_plan(org):
    """The 2026 year of the agency, with the approved plan of kabid A under a draft plan of the head."""
    year = plans.performance_year(org.agency, year=2026)
    goal = plans.goal(year, code="SS-1", text="Meningkatnya kualitas pelayanan administrasi kependudukan")
    head_plan = skp_services.skp_start(staff=org.head, year=year)
    head_result = skp_services.rhk_add(
        skp=head_plan,
        kind=RhkKind.MAIN,
        text="Meningkatnya cakupan kepemilikan dokumen kependudukan",
        goal=goal,
    )
    plan = skp_services.skp_start(staff=org.kabid_a, year=year, approach=SkpApproach.QUANTITATIVE)
    results = []
    for text, indicator, value, unit in [
        (
            "Meningkatnya cakupan perekaman KTP-el di wilayah kota",
            "Persentase penduduk wajib KTP-el yang telah merekam",
            "98",
            "persen",
        ),
        (
            "Terlaksananya layanan pendaftaran penduduk yang tertib administrasi",
            "Jumlah laporan layanan pendaftaran penduduk yang tersusun",
            "12",
            "laporan",
        ),
    ]:
        result = skp_services.rhk_add(skp=plan, kind=RhkKind.MAIN, text=text, supports=head_result)
        skp_services.indicator_add(
            rhk=result, text=indicator, aspect=Aspect.QUANTITY, target_value=Decimal(value), target_unit=unit
        )
        results.append(result)
    skp_services.skp_submit(skp=plan, by=org.kabid_a.user)
    skp_services.skp_approve(skp=plan, by=org.head.user)
    return results


def _save(page):
    """Sends the page's main form (the one posting to its own address)."""
    with page.expect_navigation():
        page.locator("main form:not([action]) button[type=submit]").click()


def _post(page, action_suffix):
    with page.expect_navigation():
        page.locator(f"main form[action$='{action_suffix}'] button[type=submit]").click()


def _status_badge(page):
    return page.locator("main h1 + div > .badge")


def _result_row(page, text):
    return page.locator("#results tr[id^='rhk-']", has_text=text)


def _open_my_plan(page, org, plan):
    sign_in(page, org.staff_a.nip, PASSWORD)
    open_from_menu(page, MY_SKP)
    with page.expect_navigation():
        page.locator(f"main a[href='/appraisal/skp/{plan.pk}/']").first.click()


def _open_from_inbox(page, org):
    sign_in(page, org.kabid_a.nip, PASSWORD)
    open_from_menu(page, INBOX)
    expect(page).to_have_url(re.compile(f"{INBOX}$"))
    row = page.locator("main tbody tr", has_text=org.staff_a.full_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("2026")
    expect(row.locator(".nip")).to_have_text(org.staff_a.nip)
    with page.expect_navigation():
        row.get_by_role("link", name=org.staff_a.full_name).click()
    expect(page.locator("#review")).to_be_visible()


def test_it_takes_a_plan_from_draft_through_a_return_to_approval(
    page, phone_page, live_server, org, kabid_plan
):
    # The staff member writes the plan, each main result supporting one of the supervisor's.
    sign_in(page, org.staff_a.nip, PASSWORD)
    open_from_menu(page, MY_SKP)
    expect(page).to_have_url(f"{live_server.url}{MY_SKP}")
    page.locator("main input[name=approach][value=quantitative]").check()
    _save(page)
    expect(page).to_have_url(re.compile(r"/appraisal/skp/\d+/$"))
    plan = Skp.objects.get(staff=org.staff_a)
    assert (plan.year.year, plan.approach, plan.status) == (2026, SkpApproach.QUANTITATIVE, SkpStatus.DRAFT)

    for wanted, supported in zip(STAFF_RESULTS, kabid_plan, strict=True):
        with page.expect_navigation():
            page.locator(f"main a[href='/appraisal/skp/{plan.pk}/results/new/']").click()
        page.locator("main input[name=kind][value=main]").check()
        page.locator("main textarea[name=text]").fill(wanted["text"])
        page.locator("main").get_by_role("radio", name=supported.text).check()
        _save(page)
        row = _result_row(page, wanted["text"])
        expect(row).to_have_count(1)
        expect(row).to_contain_text(supported.text)
        expect(row).to_contain_text(org.kabid_a.name)

        with page.expect_navigation():
            row.locator("a[href$='/indicators/new/']").click()
        page.locator("main textarea[name=text]").fill(wanted["indicator"])
        page.locator("main select[name=aspect]").select_option(Aspect.QUANTITY)
        page.locator("main input[name=target_value]").fill(wanted["target"])
        page.locator("main input[name=target_unit]").fill(wanted["unit"])
        _save(page)
        row = _result_row(page, wanted["text"])
        expect(row).to_contain_text(wanted["indicator"])
        expect(row).to_contain_text(f"{wanted['target']} {wanted['unit']}")

    _post(page, f"/appraisal/skp/{plan.pk}/submit/")
    expect(page.locator("main .alert-success")).to_be_visible()
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-primary\b"))
    expect(page.locator(f"main form[action='/appraisal/skp/{plan.pk}/submit/']")).to_have_count(0)
    sign_out(page)

    # The supervisor finds it among the plans awaiting approval and returns it with a comment.
    _open_from_inbox(page, org)
    for wanted in STAFF_RESULTS:
        expect(_result_row(page, wanted["text"])).to_contain_text(wanted["indicator"])
    page.locator("#review textarea[name=comment]").fill(RETURN_COMMENT)
    _post(page, f"/appraisal/skp/{plan.pk}/return/")
    expect(page.locator("main .alert-success")).to_be_visible()
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-warning\b"))
    expect(page.locator("#review")).to_have_count(0)
    sign_out(page)

    # The staff member reads the comment, raises the target and sends the plan again.
    _open_my_plan(page, org, plan)
    returned = page.locator("main .alert-warning[role=alert]")
    expect(returned).to_contain_text(RETURN_COMMENT)
    expect(returned).to_contain_text(org.kabid_a.name)
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-warning\b"))
    screenshot(page, "skp-returned-desktop")

    first = STAFF_RESULTS[0]
    with page.expect_navigation():
        _result_row(page, first["text"]).locator("a[href*='/indicators/'][href$='/edit/']").click()
    target = page.locator("main input[name=target_value]")
    expect(target).to_have_value(re.compile(r"^120(\.0+)?$"))
    target.fill("150")
    _save(page)
    expect(_result_row(page, first["text"])).to_contain_text(f"150 {first['unit']}")
    _post(page, f"/appraisal/skp/{plan.pk}/submit/")
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-primary\b"))
    expect(page.locator("main .alert-warning[role=alert]")).to_have_count(0)
    sign_out(page)

    # The supervisor approves the corrected plan.
    _open_from_inbox(page, org)
    expect(_result_row(page, first["text"])).to_contain_text(f"150 {first['unit']}")
    _post(page, f"/appraisal/skp/{plan.pk}/approve/")
    expect(page.locator("main .alert-success")).to_be_visible()
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-success\b"))
    with page.expect_navigation():
        page.locator("main nav[aria-label=breadcrumb] a[href='/appraisal/skp/approvals/']").click()
    expect(page.locator("main tbody tr", has_text=org.staff_a.full_name)).to_have_count(0)
    sign_out(page)

    # The staff member sees the approved plan and its history, with the supervisor's comment.
    _open_my_plan(page, org, plan)
    expect(_status_badge(page)).to_have_class(re.compile(r"\btext-bg-success\b"))
    expect(page.locator(f"main form[action='/appraisal/skp/{plan.pk}/submit/']")).to_have_count(0)
    history = page.locator("#history li")
    expect(history).to_have_count(4)
    expect(history.nth(2)).to_contain_text(RETURN_COMMENT)  # newest first: approved, submitted, returned
    expect(history.nth(2)).to_contain_text(org.kabid_a.name)
    expect(page.locator(f"#history a[href='/appraisal/skp/{plan.pk}/history/']")).to_be_visible()
    for wanted, supported in zip(STAFF_RESULTS, kabid_plan, strict=True):
        expect(_result_row(page, wanted["text"])).to_contain_text(supported.text)
    screenshot(page, "skp-approved-desktop")

    _open_my_plan(phone_page, org, plan)
    expect(_status_badge(phone_page)).to_have_class(re.compile(r"\btext-bg-success\b"))
    expect(phone_page.locator("#history li")).to_have_count(4)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "skp-approved-phone")

    plan.refresh_from_db()
    assert plan.status == SkpStatus.APPROVED
    assert plan.approved_at is not None
    results = list(plan.results.order_by("order", "pk"))
    assert [(r.kind, r.text, r.supports_id) for r in results] == [
        (RhkKind.MAIN, wanted["text"], supported.pk)
        for wanted, supported in zip(STAFF_RESULTS, kabid_plan, strict=True)
    ]
    assert [
        list(r.indicators.values_list("text", "aspect", "target_value", "target_unit")) for r in results
    ] == [
        [(STAFF_RESULTS[0]["indicator"], Aspect.QUANTITY, Decimal("150"), "berkas")],
        [(STAFF_RESULTS[1]["indicator"], Aspect.QUANTITY, Decimal("12"), "laporan")],
    ]
    events = list(plan.events.order_by("at", "pk"))
    assert [e.kind for e in events] == [
        SkpEventKind.SUBMITTED,
        SkpEventKind.RETURNED,
        SkpEventKind.SUBMITTED,
        SkpEventKind.APPROVED,
    ]
    assert [e.actor_id for e in events] == [
        org.staff_a.user_id,
        org.kabid_a.user_id,
        org.staff_a.user_id,
        org.kabid_a.user_id,
    ]
    assert events[1].comment == RETURN_COMMENT
    approved = events[3].snapshot["results"]
    assert [r["indicators"][0]["target_value"] for r in approved] == ["150.00", "12.00"]
