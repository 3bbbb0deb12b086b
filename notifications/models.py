"""Reminders (pengingat): notifications in the bell of the site, each user's e-mail preference, and the
e-mail digests sent from them. The daily reminder job (notifications.services.reminders_send) writes
them; a repeated run on the same local day changes nothing (the unique constraints below)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class NotificationKind(models.TextChoices):
    MISSING_REPORT = "missing_report", _("Missing daily report")
    SKP_APPROVALS = "skp_approvals", _("SKPs to approve")
    REPORT_REVIEWS = "report_reviews", _("Daily reports to acknowledge")
    APPRAISALS_DUE = "appraisals_due", _("Appraisals due soon")
    APPRAISALS_OVERDUE = "appraisals_overdue", _("Appraisals overdue")
    APPRAISALS_ESCALATED = "appraisals_escalated", _("Overdue appraisals of the raters below you")
    FEEDBACK_OWED = "feedback_owed", _("360° answers owed")
    HR_DIGEST = "hr_digest", _("Weekly HR digest")


class Notification(models.Model):
    """Pemberitahuan: one reminder in a user's bell for one local (Asia/Jakarta) day, its title and text
    already written in the recipient's language, with the page of the site where to act on it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=150)
    text = models.CharField(_("text"), max_length=500)
    url = models.CharField(
        _("link"), max_length=200, help_text=_("A page of this site, e.g. /appraisal/skp/.")
    )
    day = models.DateField(_("day"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-day", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "day"], name="notification_once_per_day"),
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="notification_title_not_empty"),
            # A path of this site: one slash, never "//host" or "/\host" (which browsers read as a host).
            models.CheckConstraint(condition=Q(url__regex=r"^/([^/\\]|$)"), name="notification_url_in_site"),
            models.CheckConstraint(
                condition=Q(read_at__isnull=True) | Q(read_at__gte=F("created_at")),
                name="notification_read_after_created",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-day", "-created_at"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread_idx"
            ),
        ]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.title}"

    @property
    def is_unread(self):
        return self.read_at is None


class EmailFrequency(models.TextChoices):
    DAILY = "daily", _("Every working day")
    WEEKLY = "weekly", _("Once a week, on the first working day")
    NEVER = "never", _("Never (only in the bell)")


class EmailPreference(models.Model):
    """Pengaturan e-mail pengingat: how often a user gets reminders by e-mail, and in which language
    reminders are written. A user without a row gets the defaults (daily, Bahasa Indonesia)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_preference",
        verbose_name=_("user"),
    )
    frequency = models.CharField(
        _("e-mail reminders"), max_length=6, choices=EmailFrequency.choices, default=EmailFrequency.DAILY
    )
    language = models.CharField(
        _("language of reminders"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=EmailFrequency.values), name="email_preference_frequency_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="email_preference_language_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.frequency}"


class DigestStatus(models.TextChoices):
    SENDING = "sending", _("Claimed, being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EmailDigest(models.Model):
    """Ringkasan pengingat lewat e-mail: the one e-mail a user may get on one local day. The row is
    inserted (claimed) before the e-mail is sent, so a run repeated or running at the same time never
    sends a second one; a failure to send stays recorded on the row."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_digests",
        verbose_name=_("recipient"),
    )
    day = models.DateField(_("day"))
    created_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=7, choices=DigestStatus.choices, default=DigestStatus.SENDING
    )
    notification_count = models.PositiveSmallIntegerField(_("reminders included"))
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("e-mail digest")
        verbose_name_plural = _("e-mail digests")
        ordering = ["-day", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="email_digest_once_per_day"),
            models.CheckConstraint(
                condition=Q(status__in=DigestStatus.values), name="email_digest_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=DigestStatus.SENT, sent_at__gte=F("created_at"))
                | (~Q(status=DigestStatus.SENT) & Q(sent_at__isnull=True)),
                name="email_digest_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(status=DigestStatus.FAILED, error__gt="")
                | (~Q(status=DigestStatus.FAILED) & Q(error="")),
                name="email_digest_failure_has_error",
            ),
            models.CheckConstraint(condition=Q(notification_count__gte=1), name="email_digest_not_empty"),
        ]

    def __str__(self):
        return f"{self.recipient} {self.day:%Y-%m-%d} {self.status}"
