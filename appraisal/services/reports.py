"""Writes to daily reports (laporan harian) and their evidence (bukti dukung).

A report is stored whole or not at all: every rule is checked before the evidence file is written,
and a file written for a row that then fails to be stored is deleted again. A stored change queues a
refresh of the author's period figures; a broker that is stopped or frozen never fails or holds up the
write (jobs.enqueue), and the nightly aggregation includes the report anyway.
"""

import datetime
import uuid
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Staff
from appraisal.models import DailyReport, Indicator, ReportStatus, Rhk
from appraisal.selectors.reports import rated_staff_ids_sql, report_calendar
from appraisal.tasks import refresh_staff_scores
from jobs.enqueue import enqueue_on_commit

MAX_ACTIVITY = 2000
MAX_COMMENT = 2000
MAX_OUTPUT = Decimal("9999999999.99")  # the column holds 12 digits, 2 of them decimals
MAX_MINUTES = 24 * 60
REVIEW_ACTIONS = ("acknowledge", "comment")


@dataclass(frozen=True)
class EvidenceType:
    content_type: str
    inline: bool  # shown in the browser rather than downloaded


# Evidence kinds by extension. A file must carry both an allowed extension and that kind's signature.
EVIDENCE_TYPES = {
    "pdf": EvidenceType("application/pdf", True),
    "jpg": EvidenceType("image/jpeg", True),
    "jpeg": EvidenceType("image/jpeg", True),
    "png": EvidenceType("image/png", True),
    "docx": EvidenceType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
    "xlsx": EvidenceType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
}
_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}
# The part an Office Open XML package of each kind must hold.
_OFFICE_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def _today():
    return timezone.localdate()


def _day(value):
    return date_format(value, "j F Y")


def evidence_type(name):
    """The evidence kind of a stored file name, or None."""
    return EVIDENCE_TYPES.get(_extension(name))


def _extension(name):
    base = (name or "").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _office_package_error(upload, extension):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return _("The file is damaged or is not a real .%(ext)s document.") % {"ext": extension}
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names or _OFFICE_MAIN_PART[extension] not in names:
        return _("The file is not a real .%(ext)s document.") % {"ext": extension}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return _("Documents with macros are not accepted.")
    return None


def evidence_file_error(upload):
    """Why an uploaded evidence file is refused (a message), or None.

    The extension must be one of the allowed kinds and the content must start with that kind's
    signature, so a program renamed to .pdf is refused; Office files must also be real packages.
    """
    extension = _extension(upload.name)
    if extension not in EVIDENCE_TYPES:
        return _("This kind of file is not accepted. Allowed: PDF, JPG, PNG, DOCX and XLSX.")
    size = upload.size or 0
    if size == 0:
        return _("The file is empty.")
    if size > settings.EVIDENCE_MAX_BYTES:
        return _("The file is too large (%(size)s MB); the limit is %(limit)s MB.") % {
            "size": f"{size / 1024 / 1024:.1f}",
            "limit": f"{settings.EVIDENCE_MAX_BYTES / 1024 / 1024:g}",
        }
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(_SIGNATURES[extension]):
        return _("The file's content is not a real .%(ext)s file.") % {"ext": extension}
    if extension in _OFFICE_MAIN_PART:
        return _office_package_error(upload, extension)
    return None


def _store_evidence(upload):
    """Writes the file under an unguessable name through the storage API; returns the stored name."""
    extension = _extension(upload.name)
    if extension == "jpeg":
        extension = "jpg"
    field = DailyReport._meta.get_field("evidence_file")
    name = field.generate_filename(None, f"{uuid.uuid4().hex}.{extension}")
    upload.seek(0)
    return default_storage.save(name, upload, max_length=field.max_length)


def _delete_stored(name):
    if name:
        default_storage.delete(name)


_link_validator = URLValidator(schemes=["http", "https"])


def evidence_link_error(link):
    if not link:
        return None
    if len(link) > DailyReport._meta.get_field("evidence_link").max_length:
        return _("The link is too long.")
    try:
        _link_validator(link)
    except ValidationError:
        return _("Give a full web address starting with http:// or https://.")
    return None


def _decimal(value):
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _output_error(output_quantity):
    number = _decimal(output_quantity)
    if number is None:
        return None, _("The output must be a number, for example 5 or 2.5.")
    if number < 0:
        return None, _("The output cannot be negative.")
    if number > MAX_OUTPUT:
        return None, _("The output is too large.")
    if number != number.quantize(Decimal("0.01")):
        return None, _("Use at most two decimals for the output.")
    return number, None


def _minutes_error(minutes_spent):
    if isinstance(minutes_spent, bool) or not isinstance(minutes_spent, int):
        try:
            minutes_spent = int(str(minutes_spent).strip())
        except (TypeError, ValueError):
            return None, _("The time spent must be a whole number of minutes.")
    if not 1 <= minutes_spent <= MAX_MINUTES:
        return None, _("The time spent must be between 1 and 1440 minutes (one day).")
    return minutes_spent, None


def date_refusal(cal, day):
    """The readable reason a report may not be dated `day` today, or None."""
    code = cal.date_error(day)
    if code is None:
        return None
    if code == "future":
        return _("A report cannot be dated in the future.")
    if code == "no_year":
        return _("The performance year %(year)s has not been opened for your agency yet.") % {
            "year": day.year
        }
    if code == "closed":
        return _("The performance year %(year)s is closed for reports.") % {"year": day.year}
    return _(
        "The time to report %(day)s has passed: reports for that day could be entered until %(deadline)s."
    ) % {"day": _day(day), "deadline": _day(cal.deadline(day))}


def _check_report(*, staff, day, cal, activity, rhk, indicator, output_quantity, output_unit, minutes):
    """Every rule for a report's content; returns the cleaned values or raises ValidationError."""
    errors = {}
    if not isinstance(day, datetime.date):
        errors["date"] = _("Give the date of the activity.")
    elif message := date_refusal(cal, day):
        errors["date"] = message
    activity = (activity or "").strip()
    if not activity:
        errors["activity"] = _("Describe the activity.")
    elif len(activity) > MAX_ACTIVITY:
        errors["activity"] = _("Keep the activity under %(max)s characters.") % {"max": MAX_ACTIVITY}
    if rhk is None:
        errors["rhk"] = _("Choose the work result (RHK) this activity supports.")
    elif rhk.skp.staff_id != staff.pk:
        errors["rhk"] = _("This work result (RHK) is not in your own SKP.")
    elif isinstance(day, datetime.date) and "date" not in errors:
        year = cal.year_of(day)
        if rhk.skp.year_id != year.pk:
            errors["rhk"] = _(
                "This work result (RHK) belongs to your SKP of %(rhk_year)s, not of %(year)s."
            ) % {"rhk_year": rhk.skp.year.year, "year": day.year}
    if indicator is not None and rhk is not None and indicator.rhk_id != rhk.pk:
        errors["indicator"] = _("This indicator does not belong to the chosen work result (RHK).")
    output, message = _output_error(output_quantity)
    if message:
        errors["output_quantity"] = message
    unit = (output_unit or "").strip()
    if not unit and indicator is not None and indicator.rhk_id == getattr(rhk, "pk", None):
        unit = indicator.target_unit
    if not unit:
        errors["output_unit"] = _("Give the unit of the output, for example documents.")
    elif len(unit) > DailyReport._meta.get_field("output_unit").max_length:
        errors["output_unit"] = _("The unit is too long.")
    minutes, message = _minutes_error(minutes)
    if message:
        errors["minutes_spent"] = message
    if errors:
        raise ValidationError(errors)
    return {
        "date": day,
        "activity": activity,
        "rhk": rhk,
        "indicator": indicator,
        "output_quantity": output,
        "output_unit": unit,
        "minutes_spent": minutes,
    }


def _check_evidence(evidence_file, evidence_link):
    errors = {}
    if evidence_file is not None and (message := evidence_file_error(evidence_file)):
        errors["evidence_file"] = message
    link = (evidence_link or "").strip()
    if message := evidence_link_error(link):
        errors["evidence_link"] = message
    return errors, link


def _checked_values(*, staff, cal, rhk, evidence_file, evidence_link, **fields):
    """Every rule for a report and its evidence, all errors at once; returns the values to store."""
    errors = {}
    try:
        values = _check_report(staff=staff, cal=cal, rhk=_with_skp(rhk), **fields)
    except ValidationError as error:
        errors.update(error.message_dict)
    evidence_errors, link = _check_evidence(evidence_file, evidence_link)
    errors.update(evidence_errors)
    if errors:
        raise ValidationError(errors)
    return {**values, "evidence_link": link}


def _with_skp(rhk):
    """The RHK with its SKP and year, reading them only when the caller has not already."""
    if rhk is None or not isinstance(rhk, Rhk):
        return rhk
    if "skp" not in rhk._state.fields_cache or "year" not in rhk.skp._state.fields_cache:
        return Rhk.objects.select_related("skp__year").get(pk=rhk.pk)
    return rhk


def daily_report_create(
    *,
    staff: Staff,
    date: datetime.date,
    activity: str,
    rhk: Rhk | None,
    indicator: Indicator | None,
    output_quantity,
    output_unit: str,
    minutes_spent,
    evidence_file=None,
    evidence_link: str = "",
) -> DailyReport:
    """Stores one activity of a day against a result of the staff's own SKP of that year.

    The SKP may be in any status: an unapproved plan does not block reporting. Refused: a future
    date, a date past the agency's cut-off, a result or indicator that is not the staff's own,
    invalid numbers, an evidence file of a kind not allowed or too large, a link that is not web.
    """
    today = _today()
    since = date if isinstance(date, datetime.date) else today
    cal = report_calendar(staff.agency_id, since=since, today=today)
    values = _checked_values(
        staff=staff,
        day=date,
        cal=cal,
        activity=activity,
        rhk=rhk,
        indicator=indicator,
        output_quantity=output_quantity,
        output_unit=output_unit,
        minutes=minutes_spent,
        evidence_file=evidence_file,
        evidence_link=evidence_link,
    )
    stored = _store_evidence(evidence_file) if evidence_file is not None else ""
    try:
        with transaction.atomic():
            report = DailyReport(staff=staff, evidence_file=stored, **values)
            report.save()
            _refresh_figures(staff)
    except BaseException:
        _delete_stored(stored)
        raise
    return report


def change_refusal(report, *, staff, cal):
    """Why the staff member may not change or delete the report now (a message), or None."""
    if report.staff_id != staff.pk:
        return _("Only the author may change a report.")
    if report.status != ReportStatus.SUBMITTED:
        return _("This report has been reviewed by the supervisor and can no longer be changed.")
    code = cal.date_error(report.date)
    if code == "past_cutoff":
        return _("The time to change this report ended on %(deadline)s.") % {
            "deadline": _day(cal.deadline(report.date))
        }
    if code is not None:
        return date_refusal(cal, report.date)
    return None


def _refresh_figures(staff):
    if settings.SCORES_REFRESH_ON_REPORT:
        enqueue_on_commit(refresh_staff_scores, staff.pk)


def _locked(report):
    return DailyReport.objects.select_for_update().select_related("staff").get(pk=report.pk)


def daily_report_update(
    *,
    report: DailyReport,
    staff: Staff,
    date: datetime.date,
    activity: str,
    rhk: Rhk | None,
    indicator: Indicator | None,
    output_quantity,
    output_unit: str,
    minutes_spent,
    evidence_file=None,
    evidence_link: str = "",
    remove_evidence_file: bool = False,
) -> DailyReport:
    """Changes a report while it is not reviewed and its date is within the cut-off.

    A new evidence file replaces the old one; the old file is deleted once the change is committed.
    """
    today = _today()
    since = min(report.date, date) if isinstance(date, datetime.date) else report.date
    cal = report_calendar(staff.agency_id, since=since, today=today)
    if message := change_refusal(report, staff=staff, cal=cal):
        raise ValidationError(message)
    values = _checked_values(
        staff=staff,
        day=date,
        cal=cal,
        activity=activity,
        rhk=rhk,
        indicator=indicator,
        output_quantity=output_quantity,
        output_unit=output_unit,
        minutes=minutes_spent,
        evidence_file=evidence_file,
        evidence_link=evidence_link,
    )

    stored = _store_evidence(evidence_file) if evidence_file is not None else ""
    try:
        with transaction.atomic():
            current = _locked(report)
            if message := change_refusal(current, staff=staff, cal=cal):
                raise ValidationError(message)
            old_file = current.evidence_file.name or ""
            for name, value in values.items():
                setattr(current, name, value)
            changed = list(values)
            if stored or remove_evidence_file:
                current.evidence_file = stored
                changed.append("evidence_file")
            current.save(update_fields=changed)
            _refresh_figures(staff)
            if old_file and "evidence_file" in changed:
                transaction.on_commit(lambda: _delete_stored(old_file))
    except BaseException:
        _delete_stored(stored)
        raise
    return current


@transaction.atomic
def daily_report_delete(*, report: DailyReport, staff: Staff) -> None:
    """Deletes a report while it is not reviewed and within the cut-off, and then its evidence file."""
    current = _locked(report)
    cal = report_calendar(staff.agency_id, since=current.date, today=_today())
    if message := change_refusal(current, staff=staff, cal=cal):
        raise ValidationError(message)
    old_file = current.evidence_file.name or ""
    current.delete()
    _refresh_figures(staff)
    if old_file:
        transaction.on_commit(lambda: _delete_stored(old_file))


@transaction.atomic
def daily_reports_review(
    *, reviewer: Staff, report_ids, action: str = "acknowledge", comment: str = ""
) -> int:
    """The rater acknowledges or comments on many reports at once, with one UPDATE.

    The rater is the direct supervisor of the report's author or the official acting for them
    (Plt/Plh). If any chosen report is not one the reviewer rates, none is changed.
    """
    if action not in REVIEW_ACTIONS:
        raise ValidationError(_("Choose whether to acknowledge or to comment."))
    comment = (comment or "").strip()
    if action == "comment" and not comment:
        raise ValidationError({"comment": _("Write the comment to send with the selected reports.")})
    if len(comment) > MAX_COMMENT:
        message = _("Keep the comment under %(max)s characters.") % {"max": MAX_COMMENT}
        raise ValidationError({"comment": message})
    try:
        ids = {int(pk) for pk in report_ids}
    except (TypeError, ValueError):
        raise ValidationError(_("Choose the reports to review.")) from None
    if not ids:
        raise ValidationError(_("Choose at least one report."))
    now = timezone.now()
    changes = {
        "status": ReportStatus.ACKNOWLEDGED if action == "acknowledge" else ReportStatus.COMMENTED,
        "reviewed_by": reviewer,
        "reviewed_at": now,
    }
    if comment:
        changes["review_comment"] = comment
    rated = rated_staff_ids_sql(reviewer, on=timezone.localdate()).values("pk")
    updated = DailyReport.objects.filter(pk__in=ids, staff_id__in=rated).update(**changes)
    if updated != len(ids):
        # Rolls the UPDATE back: a list that mixes in someone else's reports changes nothing.
        raise ValidationError(
            _("Some of the chosen reports are not from staff you rate; no report was changed.")
        )
    return updated
