"""Writes of the reminders: the daily job that fills everyone's bell and sends the e-mail digests, reading
notifications, and the e-mail preference."""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications import selectors
from notifications.models import (
    DigestStatus,
    EmailDigest,
    EmailFrequency,
    EmailPreference,
    Notification,
    NotificationKind,
)

logger = logging.getLogger(__name__)
ERROR_MAX = 2000

# Where each reminder is acted on.
URL_NAMES = {
    NotificationKind.MISSING_REPORT: "appraisal:report_list",
    NotificationKind.SKP_APPROVALS: "appraisal:skp_inbox",
    NotificationKind.REPORT_REVIEWS: "appraisal:report_team",
    NotificationKind.APPRAISALS_DUE: "appraisal:appraisal_team",
    NotificationKind.APPRAISALS_OVERDUE: "appraisal:appraisal_team",
    NotificationKind.APPRAISALS_ESCALATED: "appraisal:appraisal_inbox",
    NotificationKind.FEEDBACK_OWED: "appraisal:peer_feedback_inbox",
    NotificationKind.HR_DIGEST: "accounts:staff_list",
}


def _day(value):
    return date_format(value, "l, j F Y")


def reminder_texts(kind, figures) -> tuple[str, str]:
    """The title and text of a reminder, in the active language."""
    count = figures.get("count", 0)
    if kind == NotificationKind.MISSING_REPORT:
        title = _("Daily report missing")
        text = _("You have no daily report for %(day)s yet. You can still enter it until %(deadline)s.")
        figures = {"day": _day(figures["day"]), "deadline": _day(figures["deadline"])}
    elif kind == NotificationKind.SKP_APPROVALS:
        title = ngettext(
            "%(count)d SKP waits for your approval", "%(count)d SKPs wait for your approval", count
        )
        text = _("Your team submitted performance plans: approve them or return them with a comment.")
    elif kind == NotificationKind.REPORT_REVIEWS:
        title = ngettext(
            "%(count)d daily report to acknowledge", "%(count)d daily reports to acknowledge", count
        )
        text = _("Acknowledge your team's daily reports or comment on them.")
    elif kind == NotificationKind.APPRAISALS_DUE:
        title = ngettext("%(count)d appraisal due soon", "%(count)d appraisals due soon", count)
        text = ngettext(
            "The evaluation deadline is within %(days)d day: assess your team before it passes.",
            "The evaluation deadline is within %(days)d days: assess your team before it passes.",
            figures["days"],
        )
    elif kind == NotificationKind.APPRAISALS_OVERDUE:
        title = ngettext("%(count)d appraisal is overdue", "%(count)d appraisals are overdue", count)
        text = _(
            "The evaluation deadline has passed and your assessment is not done. Your superior is told too."
        )
    elif kind == NotificationKind.APPRAISALS_ESCALATED:
        title = ngettext(
            "%(count)d overdue appraisal below you", "%(count)d overdue appraisals below you", count
        )
        text = _("Raters who report to you have appraisals past the evaluation deadline that are not final.")
    elif kind == NotificationKind.FEEDBACK_OWED:
        title = ngettext(
            "%(count)d 360° feedback request to answer", "%(count)d 360° feedback requests to answer", count
        )
        text = _("Colleagues asked for your 360° feedback: answer before the requests close.")
    else:
        title = _("This week in %(agency)s")
        text = _(
            "SKPs not approved: %(skps)d. Appraisals not final (due within %(days)d days or overdue): "
            "%(appraisals)d. Daily reports waiting for acknowledgement: %(reports)d."
        )
    return title % figures, text % figures


def _notifications(reminders, *, today) -> list[Notification]:
    """Notification rows for the reminders, each written in its recipient's language."""
    languages = selectors.languages_of({r.user_id for r in reminders})
    by_language = defaultdict(list)
    for reminder in reminders:
        by_language[languages.get(reminder.user_id, settings.LANGUAGE_CODE)].append(reminder)
    rows = []
    for language, group in by_language.items():
        with translation.override(language):
            for reminder in group:
                title, text = reminder_texts(reminder.kind, reminder.figures)
                rows.append(
                    Notification(
                        recipient_id=reminder.user_id,
                        kind=reminder.kind,
                        title=title,
                        text=text,
                        url=reverse(URL_NAMES[reminder.kind]),
                        day=today,
                    )
                )
    return rows


def notifications_create(*, day: selectors.ReminderDay) -> int:
    """Writes the day's notifications that are not written yet; returns how many. Another run at the same
    time may write the same ones: the database keeps one (recipient, kind, day) and ignores the other."""
    done = selectors.notified_today(day.today)
    owed = [
        r
        for r in selectors.reminders_owed(day, appraisal_days=settings.REMINDER_APPRAISAL_DAYS)
        if (r.user_id, r.kind) not in done
    ]
    rows = _notifications(owed, today=day.today)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


# The claim: one row per recipient and day, inserted before sending; the ids returned are this run's to send.
_CLAIM_SQL = """
INSERT INTO {table} (recipient_id, day, created_at, status, notification_count, error)
SELECT claimed.recipient_id, %s, %s, %s, claimed.count, ''
FROM unnest(%s::bigint[], %s::integer[]) AS claimed(recipient_id, count)
ON CONFLICT (recipient_id, day) DO NOTHING
RETURNING id, recipient_id
"""


def _digests_claim(counts: dict, *, today) -> dict:
    """Inserts a digest row for each {recipient id: count} without one today; {recipient id: digest id}
    of the rows this call inserted."""
    if not counts:
        return {}
    recipients = list(counts)
    with connection.cursor() as cursor:
        cursor.execute(
            _CLAIM_SQL.format(table=EmailDigest._meta.db_table),
            [today, timezone.now(), DigestStatus.SENDING, recipients, [counts[r] for r in recipients]],
        )
        return {recipient_id: pk for pk, recipient_id in cursor.fetchall()}


def _recipient_name(user):
    staff = getattr(user, "staff", None)
    return staff.full_name if staff is not None else (user.get_full_name() or user.get_username())


def _digest_message(user, notifications, *, language, today) -> EmailMessage:
    weekly = notifications[0].frequency == EmailFrequency.WEEKLY
    context = {
        "name": _recipient_name(user),
        "notifications": notifications,
        "count": len(notifications),
        "day": today,
        "weekly": weekly,
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    with translation.override(language):
        subject = " ".join(render_to_string("notifications/email/digest_subject.txt", context).split())
        body = render_to_string("notifications/email/digest.txt", context)
    return EmailMessage(subject, body, to=[user.email], headers={"Content-Language": language})


def email_digests_send(*, day: selectors.ReminderDay) -> int:
    """Sends each person at most one e-mail a day with their unread reminders (as their preference says),
    in their language, through one mail connection. Each e-mail is claimed in EmailDigest first, so a
    repeated run never sends it twice; a failure to send is recorded on its row and not retried.
    Returns how many e-mails were claimed."""
    by_user = defaultdict(list)
    for notification in selectors.digest_notifications(day):
        by_user[notification.recipient_id].append(notification)
    claimed = _digests_claim({pk: len(rows) for pk, rows in by_user.items()}, today=day.today)
    if not claimed:
        return 0
    sent, failed = [], []
    try:
        with get_connection() as mail:
            for user_id, digest_id in claimed.items():
                rows = by_user[user_id]
                message = _digest_message(rows[0].recipient, rows, language=rows[0].language, today=day.today)
                try:
                    mail.send_messages([message])
                except Exception as error:  # one refused address must not stop the others
                    logger.warning("Reminder e-mail to user %s failed", user_id, exc_info=True)
                    failed.append((digest_id, error))
                else:
                    sent.append(digest_id)
    except Exception as error:  # the mail server could not be reached at all
        logger.warning("Reminder e-mails could not be sent", exc_info=True)
        done = set(sent) | {pk for pk, _error in failed}
        failed += [(pk, error) for pk in claimed.values() if pk not in done]
    _digests_record(sent=sent, failed=failed)
    return len(claimed)


def _digests_record(*, sent, failed):
    with transaction.atomic():
        EmailDigest.objects.filter(pk__in=sent).update(status=DigestStatus.SENT, sent_at=timezone.now())
        rows = [
            EmailDigest(
                pk=pk,
                status=DigestStatus.FAILED,
                error=(f"{type(error).__name__}: {error}".rstrip(": "))[:ERROR_MAX],
            )
            for pk, error in failed
        ]
        EmailDigest.objects.bulk_update(rows, ["status", "error"])


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Pengingat harian: the reminder job (run by Celery beat at 07:00 WIB). For the local Asia/Jakarta day
    of `now`, and for each agency for which that day is a working day, writes the reminders owed into the
    bell, then sends the e-mail digests. Idempotent: a second run on the same local day writes nothing
    and sends nothing. Returns the rows written (notifications and e-mails claimed)."""
    now = now or timezone.now()
    day = selectors.reminder_day(timezone.localdate(now, timezone.get_default_timezone()))
    return notifications_create(day=day) + email_digests_send(day=day)


def notification_read(*, notification: Notification) -> None:
    """Marks the notification read (once: the first reading time stays)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )


def notifications_read_all(*, user) -> int:
    """Marks every unread notification of the user read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def email_preference_set(*, user, frequency: str, language: str) -> EmailPreference:
    """Stores how often the user gets reminders by e-mail and the language they are written in."""
    preference, _created = EmailPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency, "language": language}
    )
    return preference
