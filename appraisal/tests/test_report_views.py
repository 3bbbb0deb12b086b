"""The daily-report screens: each role gets its access, forms keep what was typed, flat query counts."""

import io
import re
import zipfile
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.tests import factories as account_factories
from appraisal.models import DailyReport, ReportStatus
from appraisal.tests import factories

BACKEND = "accounts.backends.NipOrUsernameBackend"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
LIST = reverse("appraisal:report_list")
TEAM = reverse("appraisal:report_team")
REVIEW = reverse("appraisal:report_review")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def plan(org, today, media):
    year = factories.performance_year(org.agency, year=today.year)
    rhk = factories.rhk(factories.skp(org.staff_a, year), text="Berkas KTP-el terverifikasi")
    indicator = factories.indicator(rhk, text="Jumlah berkas terverifikasi", target_unit="berkas")
    other_rhk = factories.rhk(factories.skp(org.staff_a2, year))
    return SimpleNamespace(year=year, rhk=rhk, indicator=indicator, other_rhk=other_rhk)


def _login(client, who):
    client.force_login(getattr(who, "user", who), backend=BACKEND)
    return client


def _post_data(plan, today, **overrides):
    data = {
        "date": today.isoformat(),
        "activity": "Memverifikasi 12 berkas permohonan KTP-el",
        "target": f"{plan.rhk.pk}-{plan.indicator.pk}",
        "output_quantity": "12",
        "output_unit": "berkas",
        "minutes_spent": "120",
        "evidence_link": "",
    }
    return {**data, **overrides}


def _report(org, plan, today, staff=None, **kw):
    staff = staff or org.staff_a
    rhk = plan.rhk if staff == org.staff_a else plan.other_rhk
    return factories.daily_report(staff, rhk, on=today, **kw)


def _files(media):
    return [p for p in media.rglob("*") if p.is_file()]


# The staff's page


def test_it_shows_the_form_with_today_and_the_staffs_own_results(client, org, plan, today):
    response = _login(client, org.staff_a).get(LIST, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{today.isoformat()}"' in html
    assert "Jumlah berkas terverifikasi" in html
    assert 'data-unit="berkas"' in html
    assert 'value="berkas"' in html  # one indicator: its unit is filled in already
    assert plan.other_rhk.text not in html
    assert "Reporting compliance" in html and "<progress" in html
    assert 'style="' not in html


def test_it_stores_a_report_and_returns_to_the_page(client, org, plan, today, media):
    data = _post_data(plan, today, evidence_file=SimpleUploadedFile("Bukti.pdf", PDF))
    response = _login(client, org.staff_a).post(LIST, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response.url == LIST
    report = DailyReport.objects.get()
    assert (report.staff, report.rhk, report.indicator) == (org.staff_a, plan.rhk, plan.indicator)
    assert report.output_quantity == Decimal("12") and report.evidence_file
    page = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "was saved" in page
    assert "Memverifikasi 12 berkas" in page
    assert report.evidence_file.name not in page


def test_it_fills_an_empty_unit_from_the_indicator(client, org, plan, today):
    _login(client, org.staff_a).post(LIST, _post_data(plan, today, output_unit=""))
    assert DailyReport.objects.get().output_unit == "berkas"


def test_it_keeps_everything_typed_when_a_submit_fails(client, org, plan, today, media):
    data = _post_data(
        plan,
        today,
        activity="Rapat koordinasi <b>perekaman</b>",
        output_quantity="-4",
        output_unit="kegiatan",
        minutes_spent="45",
        evidence_link="https://drive.dumaikota.go.id/bukti/77",
        evidence_file=SimpleUploadedFile("Bukti.pdf", PDF),
    )
    response = _login(client, org.staff_a).post(LIST, data, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rapat koordinasi &lt;b&gt;perekaman&lt;/b&gt;" in html
    assert 'value="-4"' in html and 'value="kegiatan"' in html and 'value="45"' in html
    assert 'value="https://drive.dumaikota.go.id/bukti/77"' in html
    assert re.search(rf'<option value="{plan.rhk.pk}-{plan.indicator.pk}"[^>]*selected', html)
    assert "choose it again" in html
    assert DailyReport.objects.count() == 0 and _files(media) == []


def test_it_shows_a_service_refusal_on_its_field(client, org, plan, today, media):
    data = _post_data(plan, today, evidence_file=SimpleUploadedFile("bukti.pdf", EXE))
    response = _login(client, org.staff_a).post(LIST, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "not a real .pdf file" in response.content.decode()
    assert DailyReport.objects.count() == 0 and _files(media) == []


def test_it_refuses_a_future_date_in_the_form(client, org, plan, today):
    data = _post_data(plan, today, date=(today + timedelta(days=1)).isoformat())
    response = _login(client, org.staff_a).post(LIST, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "cannot be dated in the future" in response.content.decode()
    assert DailyReport.objects.count() == 0


def test_it_refuses_a_result_of_someone_else_posted_by_hand(client, org, plan, today):
    response = _login(client, org.staff_a).post(
        LIST, _post_data(plan, today, target=str(plan.other_rhk.pk)), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert DailyReport.objects.count() == 0


def test_it_explains_when_there_is_nothing_to_report_against(client, org, today):
    response = _login(client, org.staff_a).get(LIST, HTTP_ACCEPT_LANGUAGE="en")
    assert "has not opened the performance year" in response.content.decode()
    factories.performance_year(org.agency, year=today.year)
    response = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en")
    assert "has no work results (RHK) yet" in response.content.decode()


def test_it_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_it_keeps_query_counts_flat_as_reports_grow(client, org, plan, today, django_assert_max_num_queries):
    _login(client, org.staff_a)
    for _ in range(3):
        _report(org, plan, today, indicator_obj=plan.indicator)
    with django_assert_max_num_queries(20) as small:
        client.get(LIST)
    for offset in range(60):
        _report(org, plan, today - timedelta(days=offset), indicator_obj=plan.indicator)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(LIST)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(LIST, {"page": 3})


# Detail, evidence, change and delete


def test_it_shows_a_report_to_its_author_rater_and_hr_and_hides_it_from_a_colleague(client, org, plan, today):
    report = _report(org, plan, today)
    url = reverse("appraisal:report_detail", args=[report.pk])
    for who, status in [
        (org.staff_a, 200),
        (org.kabid_a, 200),
        (org.head, 200),
        (org.hr, 200),
        (org.staff_a2, 404),
        (org.outsider, 404),
        (org.other_hr, 404),
    ]:
        assert _login(client, who).get(url).status_code == status, who
    assert client.post(url).status_code == 405


def test_it_offers_review_on_the_detail_page_to_the_rater_only(client, org, plan, today):
    report = _report(org, plan, today)
    url = reverse("appraisal:report_detail", args=[report.pk])
    assert "Acknowledge" in _login(client, org.kabid_a).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Acknowledge" not in _login(client, org.head).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = _login(client, org.kabid_a).post(
        REVIEW, {"report": report.pk, "action": "acknowledge", "return_to": "detail"}
    )
    assert response.status_code == 302 and response.url == url
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED


def test_it_refuses_a_review_from_the_detail_page_by_a_non_rater(client, org, plan, today):
    report = _report(org, plan, today)
    response = _login(client, org.staff_a2).post(
        REVIEW, {"report": report.pk, "action": "acknowledge", "return_to": "detail"}
    )
    assert response.status_code == 404  # the colleague may not even see it
    response = _login(client, org.head).post(
        REVIEW,
        {"report": report.pk, "action": "acknowledge", "return_to": "detail"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_it_streams_evidence_to_readers_only(client, org, plan, today, media):
    _login(client, org.staff_a).post(
        LIST, _post_data(plan, today, evidence_file=SimpleUploadedFile("b.pdf", PDF))
    )
    report = DailyReport.objects.get()
    url = reverse("appraisal:report_evidence", args=[report.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert report.evidence_file.name.rsplit("/", 1)[-1] not in response["Content-Disposition"]
    for who, status in [(org.kabid_a, 200), (org.hr, 200), (org.staff_a2, 404), (org.outsider, 404)]:
        assert _login(client, who).get(url).status_code == status
    assert client.post(url).status_code == 405


def test_it_downloads_office_files_rather_than_showing_them(client, org, plan, today, media):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    upload = SimpleUploadedFile("notulen.docx", buffer.getvalue())
    _login(client, org.staff_a).post(LIST, _post_data(plan, today, evidence_file=upload))
    report = DailyReport.objects.get()
    response = client.get(reverse("appraisal:report_evidence", args=[report.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert "wordprocessingml" in response["Content-Type"]


def test_it_answers_404_for_a_report_without_evidence_or_a_lost_file(client, org, plan, today):
    report = _report(org, plan, today)
    url = reverse("appraisal:report_evidence", args=[report.pk])
    assert _login(client, org.staff_a).get(url).status_code == 404
    report.evidence_file = "evidence/2026/11/0123456789abcdef0123456789abcdef.pdf"
    report.save(update_fields=["evidence_file"])
    assert client.get(url).status_code == 404


def test_it_lets_the_author_change_a_report(client, org, plan, today):
    report = _report(org, plan, today, indicator_obj=plan.indicator)
    url = reverse("appraisal:report_edit", args=[report.pk])
    form = _login(client, org.staff_a).get(url)
    assert form.status_code == 200 and "Memverifikasi berkas" in form.content.decode()
    response = client.post(url, _post_data(plan, today, activity="Perekaman KTP-el", minutes_spent="60"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.activity, report.minutes_spent) == ("Perekaman KTP-el", 60)


def test_it_refuses_changes_by_readers_and_to_reviewed_reports(client, org, plan, today):
    report = _report(org, plan, today)
    url = reverse("appraisal:report_edit", args=[report.pk])
    assert _login(client, org.kabid_a).get(url).status_code == 403
    assert _login(client, org.hr).post(url, _post_data(plan, today)).status_code == 403
    assert _login(client, org.staff_a2).get(url).status_code == 404
    DailyReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.ACKNOWLEDGED, reviewed_at=timezone.now()
    )
    response = _login(client, org.staff_a).get(url)
    assert response.status_code == 302 and response.url == reverse(
        "appraisal:report_detail", args=[report.pk]
    )


def test_it_deletes_only_on_post_by_the_author(client, org, plan, today):
    report = _report(org, plan, today)
    url = reverse("appraisal:report_delete", args=[report.pk])
    assert _login(client, org.staff_a).get(url).status_code == 405
    assert _login(client, org.kabid_a).post(url).status_code == 403
    assert _login(client, org.outsider).post(url).status_code == 404
    response = _login(client, org.staff_a).post(url)
    assert response.status_code == 302 and response.url == LIST
    assert not DailyReport.objects.filter(pk=report.pk).exists()


def test_it_keeps_a_reviewed_report_on_a_delete(client, org, plan, today):
    report = _report(org, plan, today, status=ReportStatus.COMMENTED, reviewed_at=timezone.now())
    response = _login(client, org.staff_a).post(reverse("appraisal:report_delete", args=[report.pk]))
    assert response.status_code == 302
    assert DailyReport.objects.filter(pk=report.pk).exists()


# The team page


def test_it_shows_the_supervisor_each_persons_reports_and_who_has_not_reported(client, org, plan, today):
    _report(org, plan, today, activity="Perekaman KTP-el di kecamatan")
    response = _login(client, org.kabid_a).get(TEAM, {"date": today.isoformat()}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Perekaman KTP-el di kecamatan" in html
    assert 'name="report"' in html and "Acknowledge selected" in html
    missing = html.split("Not reported on", 1)[1]
    if "Not a working day" not in missing:
        assert "Staf A2" in missing and "Staf A<" not in missing


def test_it_shows_a_whole_week(client, org, plan, today):
    _report(org, plan, today - timedelta(days=today.weekday()), activity="Senin: pelayanan")
    response = _login(client, org.kabid_a).get(TEAM, {"date": today.isoformat(), "scope": "week"})
    assert "Senin: pelayanan" in response.content.decode()


def test_it_falls_back_to_today_for_a_bad_date(client, org, plan, today):
    response = _login(client, org.kabid_a).get(TEAM, {"date": "kemarin", "scope": "bulan"})
    assert response.status_code == 200
    assert f'value="{today.isoformat()}"' in response.content.decode()


def test_it_refuses_the_team_page_to_staff_without_a_team(client, org, plan):
    assert _login(client, org.staff_a).get(TEAM).status_code == 403
    assert _login(client, org.hr).get(TEAM).status_code == 403
    assert _login(client, org.kabid_a).post(TEAM).status_code == 405


def test_it_acknowledges_the_selected_reports_in_one_post(client, org, plan, today):
    chosen = [_report(org, plan, today), _report(org, plan, today, staff=org.staff_a2)]
    left = _report(org, plan, today)
    response = _login(client, org.kabid_a).post(
        REVIEW,
        {
            "report": [r.pk for r in chosen],
            "action": "acknowledge",
            "date": today.isoformat(),
            "scope": "day",
        },
    )
    assert response.status_code == 302 and response.url.startswith(TEAM)
    statuses = dict(DailyReport.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in chosen] == [ReportStatus.ACKNOWLEDGED] * 2
    assert statuses[left.pk] == ReportStatus.SUBMITTED


def test_it_comments_on_the_selected_reports(client, org, plan, today):
    report = _report(org, plan, today)
    _login(client, org.kabid_a).post(
        REVIEW, {"report": [report.pk], "action": "comment", "comment": "Lengkapi foto"}
    )
    report.refresh_from_db()
    assert (report.status, report.review_comment) == (ReportStatus.COMMENTED, "Lengkapi foto")


def test_it_keeps_the_selection_and_comment_when_a_review_is_refused(client, org, plan, today):
    report = _report(org, plan, today)
    response = _login(client, org.kabid_a).post(
        REVIEW, {"report": [report.pk], "action": "comment", "comment": " "}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Write the comment" in html
    assert re.search(rf'value="{report.pk}"[^>]*checked', html)


def test_it_refuses_a_review_by_a_supervisor_who_does_not_rate_the_author(client, org, plan, today):
    report = _report(org, plan, today)
    response = _login(client, org.head).post(
        REVIEW, {"report": [report.pk], "action": "acknowledge"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "no report was changed" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_it_refuses_a_review_by_staff_without_a_team(client, org, plan, today):
    report = _report(org, plan, today)
    assert (
        _login(client, org.staff_a2)
        .post(REVIEW, {"report": [report.pk], "action": "acknowledge"})
        .status_code
        == 403
    )
    assert _login(client, org.kabid_a).get(REVIEW).status_code == 405
    assert DailyReport.objects.get().status == ReportStatus.SUBMITTED


def _grow_team(org, plan, today, count):
    for _ in range(count):
        person = account_factories.staff(unit_obj=org.bidang_a, supervisor=org.kabid_a)
        rhk = factories.rhk(factories.skp(person, plan.year))
        for _ in range(2):
            factories.daily_report(person, rhk, on=today)


def test_it_keeps_query_counts_flat_on_the_team_page(client, org, plan, today, django_assert_max_num_queries):
    _login(client, org.kabid_a)
    _grow_team(org, plan, today, 5)
    with django_assert_max_num_queries(20) as small:
        client.get(TEAM, {"date": today.isoformat()})
    _grow_team(org, plan, today, 45)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(TEAM, {"date": today.isoformat()})
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.content.decode().count('name="report"') == 100


def test_it_never_shows_where_the_evidence_is_stored(client, org, plan, today, media):
    _login(client, org.staff_a).post(
        LIST, _post_data(plan, today, evidence_file=SimpleUploadedFile("b.pdf", PDF))
    )
    report = DailyReport.objects.get()
    stored = report.evidence_file.name.rsplit("/", 1)[-1]
    for url in (
        LIST,
        reverse("appraisal:report_detail", args=[report.pk]),
        reverse("appraisal:report_edit", args=[report.pk]),
    ):
        html = client.get(url).content.decode()
        assert stored not in html and "/media/" not in html, url
    html = _login(client, org.kabid_a).get(TEAM, {"date": today.isoformat()}).content.decode()
    assert stored not in html and reverse("appraisal:report_evidence", args=[report.pk]) in html
