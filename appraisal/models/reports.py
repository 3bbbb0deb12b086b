"""Daily reports (laporan harian)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models.plans import Indicator, Rhk


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    COMMENTED = "commented", _("Commented")


class DailyReport(models.Model):
    """Laporan harian: one activity of one working day, against a result of the staff's SKP."""

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="daily_reports", verbose_name=_("staff")
    )
    date = models.DateField(_("date"))
    activity = models.TextField(_("activity"))
    rhk = models.ForeignKey(Rhk, on_delete=models.PROTECT, related_name="reports", verbose_name=_("RHK"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("indicator"),
    )
    output_quantity = models.DecimalField(_("output"), max_digits=12, decimal_places=2)
    output_unit = models.CharField(_("unit"), max_length=40)
    minutes_spent = models.PositiveSmallIntegerField(_("time spent (minutes)"))
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/%Y/%m/", blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    review_comment = models.TextField(_("supervisor's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_reports",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("daily report")
        verbose_name_plural = _("daily reports")
        ordering = ["-date", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(output_quantity__gte=0), name="report_output_not_negative"),
            models.CheckConstraint(
                condition=Q(minutes_spent__gte=1, minutes_spent__lte=1440), name="report_minutes_in_a_day"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ReportStatus]), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="submitted") | Q(reviewed_at__isnull=False),
                name="reviewed_report_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["staff", "date"], name="report_staff_date_idx"),
            models.Index(fields=["date", "staff"], name="report_date_staff_idx"),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.staff.name}"
