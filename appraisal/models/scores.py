"""Rekap kinerja: the figures the score aggregation (appraisal.services.scores) keeps per period.

Every row is computed from the records (daily reports, SKPs, appraisals, feedback, survey answers,
service requests) and rewritten only when a figure changes, so that a run repeated on the same data
leaves every row, including its `computed_at`, as it was. Nobody edits these rows by hand.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Staff, Unit
from appraisal.models.calendar import EvaluationPeriod
from appraisal.models.plans import Indicator
from appraisal.rules.ratings import Predikat
from surveys.ikm import Mutu


def _at_most(small, large, name):
    return models.CheckConstraint(condition=Q(**{f"{small}__lte": F(large)}), name=name)


class StaffPeriodScore(models.Model):
    """Rekap kinerja pegawai per periode: one staff member's figures over one evaluation period."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="scores", verbose_name=_("staff"))
    period = models.ForeignKey(
        EvaluationPeriod, on_delete=models.CASCADE, related_name="staff_scores", verbose_name=_("period")
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+", verbose_name=_("agency"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("work unit"),
        help_text=_("The staff member's unit when the figures were computed."),
    )

    working_days = models.PositiveSmallIntegerField(
        _("working days so far"), help_text=_("Working days of the period up to the day before the run.")
    )
    reported_days = models.PositiveSmallIntegerField(_("working days with a report"))
    reports = models.PositiveIntegerField(_("daily reports"))
    minutes_reported = models.PositiveIntegerField(_("minutes reported"))

    indicators = models.PositiveSmallIntegerField(_("quantity indicators"))
    achievement = models.DecimalField(
        _("overall achievement (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        help_text=_("Mean of the quantity indicators' achievement to date, each counted up to 100%."),
    )

    praise_notes = models.PositiveSmallIntegerField(_("praise notes"))
    correction_notes = models.PositiveSmallIntegerField(_("correction notes"))
    feedback_raters = models.PositiveSmallIntegerField(_("360° raters who answered"))
    feedback_average = models.DecimalField(
        _("360° average"),
        max_digits=3,
        decimal_places=2,
        null=True,
        help_text=_("Only when at least three raters answered."),
    )

    citizen_respondents = models.PositiveIntegerField(_("citizens who rated the officer"))
    citizen_competence = models.DecimalField(
        _("officer's competence (U6)"), max_digits=4, decimal_places=3, null=True
    )
    citizen_courtesy = models.DecimalField(
        _("officer's courtesy (U7)"), max_digits=4, decimal_places=3, null=True
    )

    requests_handled = models.PositiveIntegerField(_("requests handled"))
    requests_completed = models.PositiveIntegerField(_("requests completed"))
    requests_within_target = models.PositiveIntegerField(_("completed within the target time"))
    requests_late_open = models.PositiveIntegerField(_("open past the target time"))
    requests_not_correct = models.PositiveIntegerField(_("not correct the first time"))
    median_minutes = models.DecimalField(
        _("median completion time (minutes)"), max_digits=10, decimal_places=1, null=True
    )

    skp_status = models.CharField(_("SKP status"), max_length=10, blank=True)
    appraisal_status = models.CharField(_("appraisal status"), max_length=22, blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices, blank=True)
    jpm = models.DecimalField(_("job person match (%)"), max_digits=5, decimal_places=2, null=True)

    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("staff period figures")
        verbose_name_plural = _("staff period figures")
        constraints = [
            models.UniqueConstraint(fields=["staff", "period"], name="one_score_per_staff_per_period"),
            _at_most("reported_days", "working_days", "score_reported_within_working_days"),
            _at_most("requests_completed", "requests_handled", "score_completed_within_handled"),
            _at_most("requests_within_target", "requests_completed", "score_on_time_within_completed"),
            _at_most("requests_not_correct", "requests_handled", "score_errors_within_handled"),
            models.CheckConstraint(
                condition=Q(feedback_average__isnull=True)
                | Q(feedback_raters__gte=3, feedback_average__gte=1, feedback_average__lte=5),
                name="score_feedback_average_protected",
            ),
            models.CheckConstraint(
                condition=Q(citizen_competence__isnull=True)
                | Q(citizen_competence__gte=1, citizen_competence__lte=4),
                name="score_citizen_competence_range",
            ),
            models.CheckConstraint(
                condition=Q(citizen_courtesy__isnull=True)
                | Q(citizen_courtesy__gte=1, citizen_courtesy__lte=4),
                name="score_citizen_courtesy_range",
            ),
            models.CheckConstraint(
                condition=Q(achievement__isnull=True) | Q(achievement__gte=0, achievement__lte=100),
                name="score_achievement_range",
            ),
            models.CheckConstraint(
                condition=Q(predikat="") | Q(predikat__in=Predikat.values), name="score_predikat_valid"
            ),
        ]
        indexes = [models.Index(fields=["period", "unit"], name="score_period_unit_idx")]

    def __str__(self):
        return f"{self.staff} {self.period}"


class IndicatorPeriodScore(models.Model):
    """Realisasi per indikator: the outputs reported against one quantity indicator, in the period and
    from the start of the year to the period's end, and that total against the indicator's target."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="scores", verbose_name=_("indicator")
    )
    period = models.ForeignKey(
        EvaluationPeriod, on_delete=models.CASCADE, related_name="indicator_scores", verbose_name=_("period")
    )
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="+", verbose_name=_("staff"))
    output = models.DecimalField(_("output in the period"), max_digits=14, decimal_places=2)
    output_to_date = models.DecimalField(_("output to the period's end"), max_digits=14, decimal_places=2)
    achievement = models.DecimalField(_("achievement to date (%)"), max_digits=9, decimal_places=1)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("indicator period figures")
        verbose_name_plural = _("indicator period figures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="one_score_per_indicator_per_period"
            ),
            _at_most("output", "output_to_date", "indicator_score_period_within_to_date"),
            models.CheckConstraint(condition=Q(output__gte=0), name="indicator_score_output_not_negative"),
            models.CheckConstraint(
                condition=Q(achievement__gte=0), name="indicator_score_achievement_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["staff", "period"], name="indicator_score_staff_idx")]

    def __str__(self):
        return f"{self.indicator_id} {self.period}"


class PeriodSummary(models.Model):
    """The figures of a group of staff over one period, summed from their StaffPeriodScore rows, with
    the SKM result of the group's services."""

    period = models.ForeignKey(
        EvaluationPeriod, on_delete=models.CASCADE, related_name="+", verbose_name=_("period")
    )
    staff = models.PositiveIntegerField(_("staff"))
    skps_approved = models.PositiveIntegerField(_("SKPs approved"))
    appraisals_started = models.PositiveIntegerField(_("appraisals started"))
    appraisals_final = models.PositiveIntegerField(_("appraisals final"))
    very_good = models.PositiveIntegerField(_("Sangat Baik"))
    good = models.PositiveIntegerField(_("Baik"))
    needs_improvement = models.PositiveIntegerField(_("Butuh Perbaikan"))
    poor = models.PositiveIntegerField(_("Kurang/Misconduct"))
    very_poor = models.PositiveIntegerField(_("Sangat Kurang"))
    working_days = models.PositiveIntegerField(_("working days of all staff"))
    reported_days = models.PositiveIntegerField(_("working days with a report, all staff"))
    survey_respondents = models.PositiveIntegerField(_("SKM respondents"))
    ikm = models.DecimalField(_("IKM (converted)"), max_digits=5, decimal_places=2, null=True)
    mutu = models.CharField(_("mutu"), max_length=1, choices=Mutu.choices, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        abstract = True


def _summary_checks(prefix):
    return [
        _at_most("skps_approved", "staff", f"{prefix}_skps_within_staff"),
        _at_most("appraisals_final", "appraisals_started", f"{prefix}_final_within_started"),
        _at_most("reported_days", "working_days", f"{prefix}_reported_within_working"),
        models.CheckConstraint(
            condition=Q(
                very_good__lte=F("appraisals_final")
                - F("good")
                - F("needs_improvement")
                - F("poor")
                - F("very_poor")
            ),
            name=f"{prefix}_predikat_within_final",
        ),
        models.CheckConstraint(
            condition=Q(ikm__isnull=True, mutu="") | Q(ikm__gte=25, ikm__lte=100, mutu__in=Mutu.values),
            name=f"{prefix}_ikm_with_mutu",
        ),
    ]


class UnitPeriodScore(PeriodSummary):
    """Rekap unit kerja per periode: the staff whose unit this is (not the units below it)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="scores", verbose_name=_("work unit")
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+", verbose_name=_("agency"))

    class Meta:
        verbose_name = _("unit period figures")
        verbose_name_plural = _("unit period figures")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="one_score_per_unit_per_period"),
            *_summary_checks("unit_score"),
        ]

    def __str__(self):
        return f"{self.unit} {self.period}"


class AgencyPeriodScore(PeriodSummary):
    """Rekap instansi per periode: every staff member of the agency."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="scores", verbose_name=_("agency")
    )

    class Meta:
        verbose_name = _("agency period figures")
        verbose_name_plural = _("agency period figures")
        constraints = [
            models.UniqueConstraint(fields=["agency", "period"], name="one_score_per_agency_per_period"),
            *_summary_checks("agency_score"),
        ]

    def __str__(self):
        return f"{self.agency} {self.period}"
