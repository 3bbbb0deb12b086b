import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appraisal.models import DailyReport, ReportStatus
from appraisal.tests import factories as plans
from e2e.conftest import open_from_menu, screenshot, sign_in, sign_out

pytestmark = pytest.mark.e2e

PASSWORD = "rahasia-uji-123"
MY_REPORTS = "/appraisal/reports/"
TEAM_REPORTS = "/appraisal/reports/team/"
ACTIVITY = "Memverifikasi berkas permohonan KTP-el dari Kelurahan Sukajadi"
REFUSED_ACTIVITY = "Merekap pengaduan layanan KTP-el minggu ini"
PHONE_WIDTH = 360


def _tiny_pdf():
    """A one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def plan(org, today):
    """The agency's performance year of today, and a draft plan of staff A with one result and indicator."""
    year = plans.performance_year(org.agency, year=today.year)
    skp = plans.skp(org.staff_a, year)
    result = plans.rhk(skp, text="Terverifikasinya berkas permohonan KTP-el warga secara tepat waktu")
    indicator = plans.indicator(
        result,
        text="Jumlah berkas permohonan KTP-el yang diverifikasi",
        target_value=Decimal("1200"),
        target_unit="berkas",
    )
    return SimpleNamespace(skp=skp, result=result, indicator=indicator)


def _send(form):
    with form.page.expect_navigation():
        form.locator("button[type=submit]").click()


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_it_takes_a_daily_report_from_a_phone_to_the_supervisors_acknowledgement(
    phone_page, page, live_server, org, plan, today, media, tmp_path
):
    evidence = tmp_path / "bukti-verifikasi.pdf"
    evidence.write_bytes(_tiny_pdf())

    # The staff member reports today's activity from a phone, with a PDF as evidence.
    sign_in(phone_page, org.staff_a.nip, PASSWORD)
    open_from_menu(phone_page, MY_REPORTS)
    expect(phone_page).to_have_url(f"{live_server.url}{MY_REPORTS}")
    form = phone_page.locator("main form.report-form")
    expect(form.locator("input[name=date]")).to_have_value(today.isoformat())
    _no_sideways_scroll(phone_page)

    target = f"{plan.result.pk}-{plan.indicator.pk}"
    form.locator("input[name=date]").fill(today.isoformat())
    form.locator("textarea[name=activity]").fill(ACTIVITY)
    form.locator("select[name=target]").select_option(target)
    expect(form.locator("input[name=output_unit]")).to_have_value("berkas")
    form.locator("input[name=output_quantity]").fill("5")
    form.locator("input[name=minutes_spent]").fill("90")
    form.locator("input[name=evidence_file]").set_input_files(evidence)
    _send(form)

    expect(phone_page).to_have_url(f"{live_server.url}{MY_REPORTS}")
    expect(phone_page.locator("main .alert-success")).to_be_visible()
    rows = phone_page.locator("section[aria-labelledby=my-reports-heading] tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(ACTIVITY)
    expect(rows.first).to_contain_text("5 berkas")
    expect(rows.first).to_contain_text("90")
    report = DailyReport.objects.get(staff=org.staff_a)
    expect(rows.first.locator(f"a[href='/appraisal/reports/{report.pk}/evidence/']")).to_be_visible()
    assert (report.date, report.activity, report.rhk_id, report.indicator_id) == (
        today,
        ACTIVITY,
        plan.result.pk,
        plan.indicator.pk,
    )
    assert (report.output_quantity, report.output_unit, report.minutes_spent) == (Decimal("5"), "berkas", 90)
    assert report.status == ReportStatus.SUBMITTED
    assert report.evidence_file.name.endswith(".pdf")
    assert "bukti-verifikasi" not in report.evidence_file.name
    _no_sideways_scroll(phone_page)
    screenshot(phone_page, "daily-report-saved-phone")

    # A negative output is refused: the form comes back with what was typed and nothing is stored.
    form.locator("textarea[name=activity]").fill(REFUSED_ACTIVITY)
    form.locator("select[name=target]").select_option(target)
    form.locator("input[name=output_quantity]").fill("-3")
    form.locator("input[name=minutes_spent]").fill("30")
    _send(form)
    expect(form.locator("textarea[name=activity]")).to_have_value(REFUSED_ACTIVITY)
    output = form.locator("input[name=output_quantity]")
    expect(output).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(output).to_have_value("-3")
    error = form.locator("#error_1_id_output_quantity")
    expect(error).to_be_visible()
    expect(error).to_have_text(re.compile(r"negati(f|ve)", re.IGNORECASE))
    expect(form.locator(".alert-danger")).to_be_visible()
    expect(rows).to_have_count(1)
    assert DailyReport.objects.filter(staff=org.staff_a).count() == 1
    _no_sideways_scroll(phone_page)
    screenshot(phone_page, "daily-report-refused-phone")

    # The supervisor acknowledges it from the team page of today.
    sign_in(page, org.kabid_a.nip, PASSWORD)
    open_from_menu(page, TEAM_REPORTS)
    expect(page.locator("main form[method=get] input[name=date]")).to_have_value(today.isoformat())
    member = page.locator(f"section[aria-labelledby='member-{org.staff_a.pk}']")
    expect(member).to_contain_text(ACTIVITY)
    member.locator(f"input[name=report][value='{report.pk}']").check()
    with page.expect_navigation():
        page.locator("main button[name=action][value=acknowledge]").click()
    expect(page.locator("main .alert-success")).to_be_visible()
    expect(member.locator("tbody tr", has_text=ACTIVITY).locator(".badge")).to_have_class(
        re.compile(r"\btext-bg-success\b")
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED
    assert report.reviewed_by_id == org.kabid_a.pk
    assert report.reviewed_at is not None
    screenshot(page, "team-reports-acknowledged-desktop")

    with page.expect_navigation():
        member.get_by_role("link", name=ACTIVITY).click()
    expect(page.locator("main h1 + .badge")).to_have_class(re.compile(r"\btext-bg-success\b"))
    evidence_url = f"/appraisal/reports/{report.pk}/evidence/"
    expect(page.locator(f"main a[href='{evidence_url}']")).to_be_visible()
    download = page.request.get(evidence_url)
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body() == evidence.read_bytes()

    # The author sees the acknowledgement on the report, which can no longer be changed.
    phone_page.reload()
    with phone_page.expect_navigation():
        rows.first.locator(f"a[href='/appraisal/reports/{report.pk}/']").click()
    expect(phone_page.locator("main h1 + .badge")).to_have_class(re.compile(r"\btext-bg-success\b"))
    expect(phone_page.locator("main")).to_contain_text(org.kabid_a.name)
    expect(phone_page.locator(f"main a[href='/appraisal/reports/{report.pk}/edit/']")).to_have_count(0)
    _no_sideways_scroll(phone_page)
    screenshot(phone_page, "daily-report-acknowledged-phone")

    # A colleague in the same unit cannot read the evidence.
    sign_out(page)
    sign_in(page, org.staff_a2.nip, PASSWORD)
    assert page.request.get(evidence_url).status == 404
