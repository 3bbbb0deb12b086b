"""The performance year, its evaluation periods, holidays and the agency's goals."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency


class EvaluationFrequency(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    MONTHLY = "monthly", _("Monthly")


class PerformanceYear(models.Model):
    """Tahun kinerja: an agency's performance year with its deadlines and working week."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="performance_years", verbose_name=_("agency")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    frequency = models.CharField(
        _("evaluation frequency"),
        max_length=10,
        choices=EvaluationFrequency.choices,
        default=EvaluationFrequency.QUARTERLY,
    )
    plan_deadline = models.DateField(_("SKP approval deadline"))
    report_cutoff_days = models.PositiveSmallIntegerField(
        _("daily report cut-off (working days)"),
        default=1,
        help_text=_("A report may be entered until this many working days after its date."),
    )
    working_weekdays = models.CharField(
        _("working weekdays"),
        max_length=7,
        default="01234",
        help_text=_("Weekday numbers that are working days: 0 = Monday … 6 = Sunday."),
    )
    objection_days = models.PositiveSmallIntegerField(
        _("objection period (days)"),
        default=14,
        help_text=_("Days after an appraisal becomes final during which the staff member may object."),
    )
    is_open = models.BooleanField(_("open"), default=True)

    class Meta:
        verbose_name = _("performance year")
        verbose_name_plural = _("performance years")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_performance_year_per_agency"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="performance_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(working_weekdays__regex=r"^[0-6]{1,7}$"), name="working_weekdays_valid"
            ),
            models.CheckConstraint(condition=Q(report_cutoff_days__lte=30), name="report_cutoff_bounded"),
            models.CheckConstraint(
                condition=Q(objection_days__gte=1, objection_days__lte=90), name="objection_days_bounded"
            ),
        ]

    def __str__(self):
        return f"{self.agency} {self.year}"


class EvaluationPeriod(models.Model):
    """Periode penilaian: a sub-period of the year (Triwulan I–IV or a month)."""

    year = models.ForeignKey(
        PerformanceYear, on_delete=models.CASCADE, related_name="periods", verbose_name=_("year")
    )
    sequence = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=40)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    evaluation_deadline = models.DateField(_("evaluation deadline"))

    class Meta:
        verbose_name = _("evaluation period")
        verbose_name_plural = _("evaluation periods")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="period_sequence_unique"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="period_dates_ordered"),
            models.CheckConstraint(
                condition=Q(evaluation_deadline__gte=F("ends_on")), name="period_deadline_after_end"
            ),
        ]

    def __str__(self):
        return self.name


class Holiday(models.Model):
    """Hari libur nasional / cuti bersama: a non-working day for one agency, or for all when blank."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="holidays",
        verbose_name=_("agency"),
        help_text=_("Leave empty for a national holiday."),
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date"], name="holiday_unique_per_agency", nulls_distinct=False
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


class AgencyGoal(models.Model):
    """Sasaran strategis instansi: a goal of the agency's plan, where the head's RHKs start."""

    year = models.ForeignKey(
        PerformanceYear, on_delete=models.CASCADE, related_name="goals", verbose_name=_("year")
    )
    code = models.CharField(_("code"), max_length=20)
    text = models.TextField(_("goal"))

    class Meta:
        verbose_name = _("agency goal")
        verbose_name_plural = _("agency goals")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="agency_goal_code_unique")]

    def __str__(self):
        return f"{self.code} {self.text}"
