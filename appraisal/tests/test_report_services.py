"""Writing daily reports against the database: every refusal stores neither a row nor a file."""

import io
import zipfile
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.utils import translation

from accounts.tests import factories as account_factories
from appraisal.models import DailyReport, Holiday, ReportStatus, Skp, SkpStatus
from appraisal.services import reports as services
from appraisal.tests import factories

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 11, 24)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    """Evidence goes to a fresh directory, so a test can see every file left behind."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(services, "_today", lambda: TUESDAY)
    return TUESDAY


@pytest.fixture
def plan(org, today, media):
    year = factories.performance_year(org.agency, year=2026)
    skp = factories.skp(org.staff_a, year)
    rhk = factories.rhk(skp, text="Berkas KTP-el terverifikasi")
    indicator = factories.indicator(rhk, text="Jumlah berkas terverifikasi", target_unit="berkas")
    return SimpleNamespace(year=year, skp=skp, rhk=rhk, indicator=indicator)


def _values(org, plan, **overrides):
    values = {
        "staff": org.staff_a,
        "date": TUESDAY,
        "activity": "Memverifikasi berkas permohonan KTP-el",
        "rhk": plan.rhk,
        "indicator": plan.indicator,
        "output_quantity": Decimal("12"),
        "output_unit": "berkas",
        "minutes_spent": 120,
    }
    return {**values, **overrides}


def _create(org, plan, **overrides):
    return services.daily_report_create(**_values(org, plan, **overrides))


def _files(media):
    return sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())


def _messages(error):
    return {field: " ".join(str(m) for m in messages) for field, messages in error.value.message_dict.items()}


def _office(kind, *, macro=False, main_part=True):
    buffer = io.BytesIO()
    if kind == "xlsx" and main_part and not macro:
        workbook = openpyxl.Workbook()
        workbook.active["A1"] = "Rekap berkas"
        workbook.save(buffer)
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        if main_part:
            package.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<document/>")
        if macro:
            package.writestr("word/vbaProject.bin", b"\x00")
    return buffer.getvalue()


# Storing


@pytest.mark.parametrize("status", [SkpStatus.DRAFT, SkpStatus.SUBMITTED, SkpStatus.RETURNED])
def test_it_stores_a_report_even_when_the_plan_is_not_approved_yet(org, plan, status):
    plan.skp.status = status
    plan.skp.save(update_fields=["status"])
    report = _create(org, plan)
    assert report.pk is not None
    assert report.status == ReportStatus.SUBMITTED
    assert (report.output_quantity, report.output_unit, report.minutes_spent) == (
        Decimal("12"),
        "berkas",
        120,
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("Bukti verifikasi.pdf", PDF),
        ("foto.JPG", JPEG),
        ("foto.jpeg", JPEG),
        ("layar.png", PNG),
        ("notulen.docx", _office("docx")),
        ("rekap.xlsx", _office("xlsx")),
    ],
)
def test_it_stores_each_allowed_kind_of_evidence_under_an_unguessable_name(org, plan, media, name, content):
    report = _create(org, plan, evidence_file=SimpleUploadedFile(name, content))
    stored = report.evidence_file.name
    assert stored.startswith("evidence/")
    assert name.rsplit(".", 1)[0] not in stored
    base, extension = stored.rsplit("/", 1)[-1].split(".")
    assert len(base) == 32 and int(base, 16) >= 0
    assert extension in {"pdf", "jpg", "png", "docx", "xlsx"}
    assert _files(media) == [stored]
    with default_storage.open(stored) as handle:
        assert handle.read() == content


def test_it_stores_a_web_link_as_evidence(org, plan):
    report = _create(org, plan, evidence_link="  https://drive.dumaikota.go.id/berkas/123  ")
    assert report.evidence_link == "https://drive.dumaikota.go.id/berkas/123"


def test_it_takes_the_unit_of_the_indicator_when_none_is_given(org, plan):
    assert _create(org, plan, output_unit="").output_unit == "berkas"


def test_it_accepts_a_result_without_an_indicator(org, plan):
    assert _create(org, plan, indicator=None).indicator is None


def test_it_accepts_a_report_until_the_cutoff_across_a_weekend_and_a_holiday(org, plan):
    # Friday 20 November; Monday 23 is the agency's holiday: a cut-off of one working day ends Tuesday 24.
    Holiday.objects.create(agency=org.agency, date=date(2026, 11, 23), name="Libur daerah")
    assert _create(org, plan, date=date(2026, 11, 20)).date == date(2026, 11, 20)


def test_it_accepts_a_report_of_a_non_working_day(org, plan, monkeypatch):
    monkeypatch.setattr(services, "_today", lambda: date(2026, 11, 23))
    assert _create(org, plan, date=date(2026, 11, 22)).date == date(2026, 11, 22)  # a Sunday


# Refusals: nothing stored


def _assert_refused(org, plan, media, field, message, **overrides):
    before = DailyReport.objects.count()
    with pytest.raises(ValidationError) as error:
        _create(org, plan, **overrides)
    assert message in _messages(error)[field]
    assert DailyReport.objects.count() == before
    assert _files(media) == []


def _pdf():
    return SimpleUploadedFile("bukti.pdf", PDF)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date": date(2026, 11, 25)}, "date", "cannot be dated in the future"),
        ({"date": date(2026, 11, 19)}, "date", "could be entered until 20 November 2026"),
        ({"date": date(2025, 12, 30)}, "date", "year 2025 has not been opened"),
        ({"activity": "   "}, "activity", "Describe the activity"),
        ({"activity": "x" * 2001}, "activity", "under 2000 characters"),
        ({"output_quantity": Decimal("-1")}, "output_quantity", "cannot be negative"),
        ({"output_quantity": "lima"}, "output_quantity", "must be a number"),
        ({"output_quantity": "NaN"}, "output_quantity", "must be a number"),
        ({"output_quantity": "1.255"}, "output_quantity", "two decimals"),
        ({"output_quantity": "10000000000"}, "output_quantity", "too large"),
        ({"output_unit": "", "indicator": None}, "output_unit", "Give the unit"),
        ({"minutes_spent": 0}, "minutes_spent", "between 1 and 1440"),
        ({"minutes_spent": 1441}, "minutes_spent", "between 1 and 1440"),
        ({"minutes_spent": "satu jam"}, "minutes_spent", "whole number"),
        ({"rhk": None}, "rhk", "Choose the work result"),
        ({"evidence_link": "ftp://files.dumaikota.go.id/bukti.pdf"}, "evidence_link", "http:// or https://"),
        ({"evidence_link": "javascript:alert(1)"}, "evidence_link", "http:// or https://"),
    ],
)
def test_it_refuses_bad_input_and_stores_nothing(org, plan, media, overrides, field, message):
    _assert_refused(org, plan, media, field, message, evidence_file=_pdf(), **overrides)


def test_it_refuses_a_date_past_the_cutoff_across_a_weekend_and_a_holiday(org, plan, media, monkeypatch):
    Holiday.objects.create(agency=org.agency, date=date(2026, 11, 23), name="Libur daerah")
    monkeypatch.setattr(services, "_today", lambda: date(2026, 11, 25))
    _assert_refused(
        org,
        plan,
        media,
        "date",
        "The time to report 20 November 2026 has passed: reports for that day could be entered until "
        "24 November 2026.",
        date=date(2026, 11, 20),
        evidence_file=_pdf(),
    )


def test_it_follows_a_longer_cutoff_of_the_agency(org, plan, monkeypatch):
    plan.year.report_cutoff_days = 3
    plan.year.save(update_fields=["report_cutoff_days"])
    assert _create(org, plan, date=date(2026, 11, 19)).pk  # Thu: Fri, Mon, Tue


def test_it_refuses_reports_in_a_closed_year(org, plan, media):
    plan.year.is_open = False
    plan.year.save(update_fields=["is_open"])
    _assert_refused(org, plan, media, "date", "is closed for reports", evidence_file=_pdf())


def test_it_refuses_the_result_of_another_person(org, plan, media):
    others = factories.rhk(factories.skp(org.staff_a2, plan.year))
    _assert_refused(org, plan, media, "rhk", "not in your own SKP", rhk=others, indicator=None)


def test_it_refuses_a_result_of_another_year(org, plan, media, monkeypatch):
    last_year = factories.performance_year(org.agency, year=2025, with_periods=False)
    old = factories.rhk(factories.skp(org.staff_a, last_year))
    _assert_refused(org, plan, media, "rhk", "SKP of 2025, not of 2026", rhk=old, indicator=None)


def test_it_refuses_an_indicator_of_another_result(org, plan, media):
    other = factories.indicator(factories.rhk(plan.skp))
    _assert_refused(
        org, plan, media, "indicator", "does not belong to the chosen work result", indicator=other
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bukti.pdf", EXE, "not a real .pdf file"),
        ("bukti.exe", EXE, "not accepted"),
        ("shell.php", b"<?php system($_GET['c']); ?>", "not accepted"),
        ("bukti.pdf.php", PDF, "not accepted"),
        ("bukti", PDF, "not accepted"),
        ("halaman.html", b"<html><script>alert(1)</script></html>", "not accepted"),
        ("gambar.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not accepted"),
        ("bukti.pdf", b"", "The file is empty"),
        ("foto.png", JPEG, "not a real .png file"),
        ("foto.jpg", PDF, "not a real .jpg file"),
        ("notulen.docx", b"PK\x03\x04 not really a zip", "damaged"),
        ("notulen.docx", _office("docx", main_part=False), "not a real .docx document"),
        ("rekap.xlsx", _office("docx"), "not a real .xlsx document"),
        ("notulen.docx", _office("docx", macro=True), "macros are not accepted"),
    ],
)
def test_it_refuses_evidence_files_that_are_not_what_they_claim(org, plan, media, name, content, message):
    _assert_refused(
        org, plan, media, "evidence_file", message, evidence_file=SimpleUploadedFile(name, content)
    )


def test_it_refuses_an_oversized_file(org, plan, media, settings):
    settings.EVIDENCE_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024))
    _assert_refused(
        org, plan, media, "evidence_file", "too large (1.0 MB); the limit is 1 MB", evidence_file=big
    )


def test_it_reports_every_error_at_once(org, plan, media):
    with pytest.raises(ValidationError) as error:
        _create(
            org,
            plan,
            date=date(2026, 12, 1),
            output_quantity="-",
            evidence_file=SimpleUploadedFile("x.exe", EXE),
        )
    assert set(_messages(error)) == {"date", "output_quantity", "evidence_file"}
    assert _files(media) == []


def test_it_deletes_the_stored_file_when_the_insert_fails(org, plan, media, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise IntegrityError("connection lost")

    monkeypatch.setattr(DailyReport, "save", failing_save)
    with pytest.raises(IntegrityError):
        _create(org, plan, evidence_file=_pdf())
    assert _files(media) == []
    assert DailyReport.objects.count() == 0


def test_it_lets_the_database_refuse_a_negative_output_too(org, plan):
    report = _create(org, plan)
    with pytest.raises(IntegrityError):
        DailyReport.objects.filter(pk=report.pk).update(output_quantity=Decimal("-1"))


# Changing and deleting


def test_it_lets_the_author_change_a_report_and_replace_its_evidence(
    org, plan, media, django_capture_on_commit_callbacks
):
    report = _create(org, plan, evidence_file=_pdf())
    old = report.evidence_file.name
    with django_capture_on_commit_callbacks(execute=True):
        changed = services.daily_report_update(
            report=report,
            **_values(
                org, plan, activity="Verifikasi dan perekaman", evidence_file=SimpleUploadedFile("a.png", PNG)
            ),
        )
    changed.refresh_from_db()
    assert changed.activity == "Verifikasi dan perekaman"
    assert changed.evidence_file.name.endswith(".png")
    assert _files(media) == [changed.evidence_file.name]
    assert old not in _files(media)


def test_it_keeps_the_evidence_when_a_change_gives_no_new_file(org, plan, media):
    report = _create(org, plan, evidence_file=_pdf())
    changed = services.daily_report_update(report=report, **_values(org, plan, minutes_spent=30))
    assert changed.evidence_file.name == report.evidence_file.name
    assert _files(media) == [report.evidence_file.name]


def test_it_removes_the_evidence_on_request(org, plan, media, django_capture_on_commit_callbacks):
    report = _create(org, plan, evidence_file=_pdf())
    with django_capture_on_commit_callbacks(execute=True):
        services.daily_report_update(report=report, remove_evidence_file=True, **_values(org, plan))
    report.refresh_from_db()
    assert not report.evidence_file
    assert _files(media) == []


def test_it_keeps_the_old_file_and_drops_the_new_one_when_a_change_is_refused(org, plan, media):
    report = _create(org, plan, evidence_file=_pdf())
    with pytest.raises(ValidationError):
        services.daily_report_update(
            report=report,
            **_values(org, plan, output_quantity="-3", evidence_file=SimpleUploadedFile("a.png", PNG)),
        )
    assert _files(media) == [report.evidence_file.name]


def test_it_refuses_changes_to_a_reviewed_report(org, plan):
    report = _create(org, plan)
    services.daily_reports_review(reviewer=org.kabid_a, report_ids=[report.pk])
    report.refresh_from_db()
    with pytest.raises(ValidationError, match="reviewed by the supervisor"):
        services.daily_report_update(report=report, **_values(org, plan, minutes_spent=30))
    with pytest.raises(ValidationError, match="reviewed by the supervisor"):
        services.daily_report_delete(report=report, staff=org.staff_a)
    assert DailyReport.objects.get(pk=report.pk).minutes_spent == 120


def test_it_refuses_changes_after_the_cutoff(org, plan, monkeypatch):
    report = _create(org, plan, date=date(2026, 11, 23))
    monkeypatch.setattr(services, "_today", lambda: date(2026, 11, 25))
    with pytest.raises(ValidationError, match="ended on 24 November 2026"):
        services.daily_report_update(report=report, **_values(org, plan, date=date(2026, 11, 23)))
    with pytest.raises(ValidationError, match="ended on 24 November 2026"):
        services.daily_report_delete(report=report, staff=org.staff_a)
    assert DailyReport.objects.filter(pk=report.pk).exists()


def test_it_refuses_changes_by_anyone_but_the_author(org, plan):
    report = _create(org, plan)
    with pytest.raises(ValidationError, match="Only the author"):
        services.daily_report_update(report=report, **_values(org, plan, staff=org.staff_a2))
    with pytest.raises(ValidationError, match="Only the author"):
        services.daily_report_delete(report=report, staff=org.kabid_a)


def test_it_deletes_a_report_and_then_its_file(org, plan, media, django_capture_on_commit_callbacks):
    report = _create(org, plan, evidence_file=_pdf())
    with django_capture_on_commit_callbacks(execute=True):
        services.daily_report_delete(report=report, staff=org.staff_a)
    assert not DailyReport.objects.filter(pk=report.pk).exists()
    assert _files(media) == []


# Review by the rater


def _reports_of(staff, plan_year, count=3):
    skp = Skp.objects.filter(staff=staff, year=plan_year).first() or factories.skp(staff, plan_year)
    rhk = factories.rhk(skp)
    return [factories.daily_report(staff, rhk, on=TUESDAY) for _ in range(count)]


def test_it_acknowledges_many_reports_with_one_update(org, plan, django_assert_num_queries):
    reports = _reports_of(org.staff_a, plan.year) + _reports_of(org.staff_a2, plan.year)
    with django_assert_num_queries(3) as queries:  # savepoint, the UPDATE, release
        count = services.daily_reports_review(reviewer=org.kabid_a, report_ids=[r.pk for r in reports])
    assert count == 6
    assert sum(q["sql"].startswith("UPDATE") for q in queries.captured_queries) == 1
    rows = DailyReport.objects.filter(pk__in=[r.pk for r in reports])
    assert {(r.status, r.reviewed_by_id) for r in rows} == {(ReportStatus.ACKNOWLEDGED, org.kabid_a.pk)}
    assert all(r.reviewed_at for r in rows)


def test_it_records_a_comment_on_the_selected_reports(org, plan):
    reports = _reports_of(org.staff_a, plan.year, 2)
    services.daily_reports_review(
        reviewer=org.kabid_a,
        report_ids=[r.pk for r in reports],
        action="comment",
        comment=" Lampirkan foto. ",
    )
    assert set(DailyReport.objects.values_list("status", "review_comment")) == {
        (ReportStatus.COMMENTED, "Lampirkan foto.")
    }


def test_it_lets_the_acting_official_review_for_the_absent_supervisor(org, plan):
    reports = _reports_of(org.staff_b, plan.year, 2)  # kabid B retired; kabid A is Plt
    assert services.daily_reports_review(reviewer=org.kabid_a, report_ids=[r.pk for r in reports]) == 2


@pytest.mark.parametrize("reviewer", ["head", "staff_a2", "outsider"])
def test_it_refuses_a_review_by_someone_who_does_not_rate_the_author(org, plan, reviewer):
    reports = _reports_of(org.staff_a, plan.year, 2)
    with pytest.raises(ValidationError, match="not from staff you rate; no report was changed"):
        services.daily_reports_review(reviewer=getattr(org, reviewer), report_ids=[r.pk for r in reports])
    assert set(DailyReport.objects.values_list("status", flat=True)) == {ReportStatus.SUBMITTED}


def test_it_changes_none_when_one_chosen_report_is_not_the_reviewers(org, plan):
    mine = _reports_of(org.staff_a, plan.year, 2)
    other_agency_year = factories.performance_year(org.other_agency, year=2026, with_periods=False)
    foreign = _reports_of(org.outsider, other_agency_year, 1)
    with pytest.raises(ValidationError):
        services.daily_reports_review(reviewer=org.kabid_a, report_ids=[r.pk for r in mine + foreign])
    assert set(DailyReport.objects.values_list("status", flat=True)) == {ReportStatus.SUBMITTED}


def test_it_refuses_a_review_of_reports_that_do_not_exist(org, plan):
    with pytest.raises(ValidationError):
        services.daily_reports_review(reviewer=org.kabid_a, report_ids=[987654321])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"report_ids": []}, "at least one report"),
        ({"action": "approve"}, "acknowledge or to comment"),
        ({"action": "comment", "comment": "  "}, "Write the comment"),
        ({"report_ids": ["abc"]}, "Choose the reports"),
    ],
)
def test_it_refuses_an_incomplete_review(org, plan, kwargs, message):
    reports = _reports_of(org.staff_a, plan.year, 1)
    with pytest.raises(ValidationError, match=message):
        services.daily_reports_review(**{"reviewer": org.kabid_a, "report_ids": [reports[0].pk], **kwargs})
    assert DailyReport.objects.get().status == ReportStatus.SUBMITTED


def test_it_keeps_an_earlier_comment_when_acknowledging_without_one(org, plan):
    report = _reports_of(org.staff_a, plan.year, 1)[0]
    services.daily_reports_review(
        reviewer=org.kabid_a, report_ids=[report.pk], action="comment", comment="Bagus"
    )
    services.daily_reports_review(reviewer=org.kabid_a, report_ids=[report.pk])
    report.refresh_from_db()
    assert (report.status, report.review_comment) == (ReportStatus.ACKNOWLEDGED, "Bagus")


def test_it_does_not_need_a_staff_member_of_the_same_unit_to_be_a_rater(org, plan):
    # A supervisor who moved to another unit still rates the people who report to them.
    moved = account_factories.unit(agency_obj=org.agency)
    org.kabid_a.unit = moved
    org.kabid_a.save(update_fields=["unit"])
    reports = _reports_of(org.staff_a, plan.year, 1)
    assert services.daily_reports_review(reviewer=org.kabid_a, report_ids=[reports[0].pk]) == 1
