"""The SKM results as files: an XLSX in the layout of an SKM report and a CSV of the raw answers.

XLSX sheets: "Rekap" (agency, unit, service, period, respondents, and per questionnaire version the
sum, number and NRR of each element, its weight and weighted NRR (NRR tertimbang), the IKM, the
converted IKM, mutu and kinerja; then the versions combined), "Data" (one row per counted response
with its answers U1…Un, the usual tabulation sheet) and "Saran" (the suggestions). The figures are
the ones the results page shows, rounded the same way.

CSV: every response of the period, flagged and rejected ones included with their review status; the
address hash and the form nonce are never exported.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from surveys.models import AgeBand, Education, Occupation, Sex
from surveys.skm import results
from surveys.skm.results_lists import element_codes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEAD = PatternFill("solid", fgColor="EDEDED")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

NRR_FORMAT = "0.000"
WEIGHT_FORMAT = "0.0000"
CONVERTED_FORMAT = "0.00"


def _local(moment):
    return None if moment is None else timezone.localtime(moment).replace(tzinfo=None)


def _put(sheet, row, column, value, *, number_format=None, font=None, fill=None):
    """Writes a cell; text that a spreadsheet would run as a formula stays text."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell


def _period_text(window):
    return f"{window.label} ({window.start:%d-%m-%Y} – {window.end:%d-%m-%Y})"


def _rekap(sheet, service, window, summary):
    sheet.title = "Rekap"
    _put(sheet, 1, 1, _("Citizen satisfaction survey summary (Rekapitulasi SKM)"), font=_TITLE)
    reached = summary.reached
    facts = [
        (_("Agency"), service.agency.name),
        (_("Work unit"), service.unit.name),
        (_("Service"), service.name),
        (_("Period"), _period_text(window)),
        (_("Respondents"), summary.respondents),
        (_("People served (N)"), summary.people_served),
        (_("Minimum sample (Krejcie–Morgan)"), summary.minimum_sample),
        (_("Minimum sample reached"), "" if reached is None else (_("yes") if reached else _("no"))),
        (_("Flagged responses waiting for review"), summary.flagged),
    ]
    row = 3
    for label, value in facts:
        _put(sheet, row, 1, label, font=_BOLD)
        _put(sheet, row, 2, value)
        row += 1
    for version in summary.versions:
        row += 1
        heading = _("Questionnaire version %(version)s · %(count)s respondents") % {
            "version": version.version,
            "count": version.respondents,
        }
        _put(sheet, row, 1, heading, font=_BOLD)
        row += 1
        _put(sheet, row, 1, _("Element"), font=_BOLD, fill=_HEAD)
        for column, element in enumerate(version.elements, start=2):
            _put(sheet, row, column, element.code, font=_BOLD, fill=_HEAD)
        lines = [
            (_("Element name"), lambda e: e.name, None),
            (_("Sum of answers"), lambda e: e.total, None),
            (_("Number of answers"), lambda e: e.answers, None),
            (_("NRR per element"), lambda e: e.nrr_shown, NRR_FORMAT),
            (_("Weight"), lambda e: e.weight_shown, WEIGHT_FORMAT),
            (_("Weighted NRR (NRR tertimbang)"), lambda e: e.weighted_shown, NRR_FORMAT),
        ]
        for label, value_of, number_format in lines:
            row += 1
            _put(sheet, row, 1, label, font=_BOLD)
            for column, element in enumerate(version.elements, start=2):
                _put(sheet, row, column, value_of(element), number_format=number_format)
        result = version.result
        for label, value, number_format in (
            (_("IKM (Σ weighted NRR)"), results.shown(result.ikm, 3) if result else None, NRR_FORMAT),
            (_("Converted IKM (IKM × 25)"), result.converted if result else None, CONVERTED_FORMAT),
            (_("Mutu"), result.mutu.value if result else "", None),
            (_("Kinerja unit pelayanan"), results.KINERJA[result.mutu] if result else "", None),
        ):
            row += 1
            _put(sheet, row, 1, label, font=_BOLD)
            _put(sheet, row, 2, value, number_format=number_format)
    row += 2
    _put(
        sheet,
        row,
        1,
        _("All versions, weighted by respondents") if summary.multiple_versions else _("Result"),
        font=_BOLD,
    )
    for label, value, number_format in (
        (_("IKM"), summary.ikm_shown, NRR_FORMAT),
        (_("Converted IKM (IKM × 25)"), summary.converted, CONVERTED_FORMAT),
        (_("Mutu"), summary.mutu.value if summary.mutu else "", None),
        (_("Kinerja unit pelayanan"), summary.kinerja, None),
    ):
        row += 1
        _put(sheet, row, 1, label, font=_BOLD)
        _put(sheet, row, 2, value, number_format=number_format)
    sheet.column_dimensions["A"].width = 42
    for column in range(2, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12


def _label(choices, value):
    return str(dict(choices).get(value, "")) if value else ""


def _data(sheet, summary, responses, codes):
    heads = [
        _("No."),
        _("Submitted at"),
        _("Version"),
        _("Officer"),
        _("Age"),
        _("Sex"),
        _("Education"),
        _("Occupation"),
        *codes,
    ]
    for column, head in enumerate(heads, start=1):
        _put(sheet, 1, column, head, font=_BOLD, fill=_HEAD)
    first_code = len(heads) - len(codes) + 1
    for number, response in enumerate(responses, start=1):
        row = number + 1
        values = [
            number,
            _local(response.submitted_at),
            response.template.version,
            response.officer.full_name if response.officer_id else "",
            _label(AgeBand.choices, response.age_band),
            _label(Sex.choices, response.sex),
            _label(Education.choices, response.education),
            _label(Occupation.choices, response.occupation),
            *(response.values.get(code) for code in codes),
        ]
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, value)
            if column == 2:
                cell.number_format = "yyyy-mm-dd hh:mm"
    if len(summary.versions) == 1 and responses:
        version = summary.versions[0]
        by_code = {e.code: e for e in version.elements}
        row = len(responses) + 3
        for label, value_of, number_format in (
            (_("Sum of answers"), lambda e: e.total, None),
            (_("NRR per element"), lambda e: e.nrr_shown, NRR_FORMAT),
            (_("Weighted NRR (NRR tertimbang)"), lambda e: e.weighted_shown, NRR_FORMAT),
        ):
            _put(sheet, row, 1, label, font=_BOLD)
            for offset, code in enumerate(codes):
                if code in by_code:
                    _put(
                        sheet, row, first_code + offset, value_of(by_code[code]), number_format=number_format
                    )
            row += 1
    sheet.column_dimensions["B"].width = 17
    sheet.column_dimensions["D"].width = 28
    sheet.freeze_panes = "B2"


def _saran(sheet, suggestions):
    heads = [
        _("No."),
        _("Submitted at"),
        _("Suggestion"),
        _("Status"),
        _("Response"),
        _("Responded by"),
        _("Responded at"),
    ]
    for column, head in enumerate(heads, start=1):
        _put(sheet, 1, column, head, font=_BOLD, fill=_HEAD)
    for number, item in enumerate(suggestions, start=1):
        by = item.responded_by
        values = [
            number,
            _local(item.submitted_at),
            item.suggestion,
            item.get_suggestion_status_display(),
            item.hr_response,
            (getattr(by, "staff", None) and by.staff.full_name) or (by.get_username() if by else ""),
            _local(item.responded_at),
        ]
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, number + 1, column, value)
            if column in (2, 7):
                cell.number_format = "yyyy-mm-dd hh:mm"
            if column in (3, 5):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["B"].width = 17
    sheet.column_dimensions["C"].width = 60
    sheet.column_dimensions["E"].width = 50


def results_workbook(*, service, window, summary, responses, suggestions) -> bytes:
    """The XLSX of a service's results in a window; responses are the counted ones (response_rows)."""
    book = Workbook()
    _rekap(book.active, service, window, summary)
    _data(book.create_sheet("Data"), summary, responses, element_codes(summary, responses))
    _saran(book.create_sheet("Saran"), suggestions)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv_text(value):
    """A cell that spreadsheet programs will not run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in _FORMULA_START else text


ANSWER_COLUMNS = (
    "id_respons",
    "waktu_isi",
    "kode_layanan",
    "versi_kuesioner",
    "loket",
    "nip_petugas",
    "nama_petugas",
    "status_review",
    "alasan_tanda",
    "direview_pada",
    "lama_isi_detik",
    "usia",
    "jenis_kelamin",
    "pendidikan",
    "pekerjaan",
    "saran",
    "status_saran",
)


def answers_csv(*, service, responses) -> bytes:
    """Every response (all review statuses) with its answers, one row each; UTF-8 with a BOM."""
    codes = element_codes(results.Summary(), responses)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([*ANSWER_COLUMNS, *codes])
    for r in responses:
        reviewed = _local(r.reviewed_at)
        writer.writerow(
            [
                r.pk,
                _local(r.submitted_at).isoformat(sep=" ", timespec="seconds"),
                _csv_text(service.code),
                r.template.version,
                _csv_text(r.link.counter),
                r.officer.nip if r.officer_id else "",
                _csv_text(r.officer.full_name) if r.officer_id else "",
                r.review_status,
                _csv_text(r.flag_reasons),
                reviewed.isoformat(sep=" ", timespec="seconds") if reviewed else "",
                r.fill_seconds,
                r.age_band,
                r.sex,
                r.education,
                r.occupation,
                _csv_text(r.suggestion),
                r.suggestion_status,
                *(r.values.get(code, "") for code in codes),
            ]
        )
    return out.getvalue().encode("utf-8-sig")
