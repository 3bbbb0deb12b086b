"""The appraisal (penilaian kinerja) of one staff member for one evaluation period or for the year.

The staff member assesses their own achievement; the rater (pejabat penilai) rates each work result,
the BerAKHLAK behaviour and the competencies; the rater's superior approves, after which the
appraisal is final. Ratings and the predikat are stored as the regulation names them, and the
database holds the quadrant and the talent boxes so that no row can disagree with the rules.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models.calendar import EvaluationPeriod
from appraisal.models.competencies import LEVEL_MAX, LEVEL_MIN, Competency
from appraisal.models.plans import CoreValue, Indicator, Rhk, Skp
from appraisal.rules.competency import JpmBand
from appraisal.rules.ratings import PREDIKAT_QUADRANT, Predikat, Rating
from appraisal.rules.talent import TALENT_BOXES, Potential


class AppraisalStatus(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
    SUPERVISOR_ASSESSMENT = "supervisor_assessment", _("Rater's assessment")
    SUBMITTED = "submitted", _("Waiting for approval")
    RETURNED = "returned", _("Returned to the rater")
    FINAL = "final", _("Final")


class PotentialSource(models.TextChoices):
    JPM = "jpm", _("Competency assessment (JPM band)")
    HR = "hr", _("Entered by HR")


def _rating_valid(field):
    return Q(**{field: ""}) | Q(**{f"{field}__in": Rating.values})


def _below_needs_text(rating_field, text_field):
    return ~Q(**{rating_field: Rating.BELOW}) | ~Q(**{text_field: ""})


# Each (results, behaviour) pair of the quadrant with its predikat; no predikat until both are rated.
_PREDIKAT_MATCHES_QUADRANT = reduce(
    or_,
    [
        Q(results_rating=results, behaviour_rating=behaviour, predikat=predikat)
        for (results, behaviour), predikat in PREDIKAT_QUADRANT.items()
    ],
    Q(predikat="") & (Q(results_rating="") | Q(behaviour_rating="")),
)

_TALENT_BOX_MATCHES_GRID = reduce(
    or_,
    [
        Q(potential=potential, results_rating=rating, talent_box=box, talent_box__isnull=False)
        for (potential, rating), box in TALENT_BOXES.items()
    ],
    Q(talent_box__isnull=True) & (Q(potential="") | Q(results_rating="")),
)


class Appraisal(models.Model):
    """Penilaian kinerja: one per staff member per evaluation period, and one for the whole year
    (period empty). The version counts saves, so that a form saved over someone else's change is
    refused instead of overwriting it."""

    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="appraisals", verbose_name=_("SKP"))
    period = models.ForeignKey(
        EvaluationPeriod,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appraisals",
        verbose_name=_("evaluation period"),
        help_text=_("Empty for the annual appraisal."),
    )
    status = models.CharField(
        _("status"), max_length=22, choices=AppraisalStatus.choices, default=AppraisalStatus.SELF_ASSESSMENT
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    self_comment = models.TextField(_("staff member's comment"), blank=True)
    self_submitted_at = models.DateTimeField(_("self-assessment sent at"), null=True, blank=True)

    rater = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appraisals_rated",
        verbose_name=_("rater (pejabat penilai)"),
    )
    results_proposed = models.CharField(
        _("proposed results rating"), max_length=5, choices=Rating.choices, blank=True
    )
    results_rating = models.CharField(_("results rating"), max_length=5, choices=Rating.choices, blank=True)
    results_override_reason = models.TextField(_("why the proposal was not followed"), blank=True)
    results_feedback = models.TextField(_("feedback on the results"), blank=True)
    behaviour_rating = models.CharField(
        _("behaviour rating"), max_length=5, choices=Rating.choices, blank=True
    )
    behaviour_feedback = models.TextField(_("feedback on the behaviour"), blank=True)
    overall_feedback = models.TextField(_("overall feedback"), blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices, blank=True)

    jpm = models.DecimalField(
        _("job person match (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    jpm_band = models.CharField(_("JPM band"), max_length=15, choices=JpmBand.choices, blank=True)
    potential = models.CharField(_("potential"), max_length=10, choices=Potential.choices, blank=True)
    potential_source = models.CharField(
        _("potential from"), max_length=3, choices=PotentialSource.choices, blank=True
    )
    potential_note = models.TextField(_("note on the potential"), blank=True)
    talent_box = models.PositiveSmallIntegerField(_("talent box"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
        help_text=_("The rater's superior, or the agency's HR for a rater with no superior."),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")
        ordering = ["skp", F("period__sequence").asc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "period"], name="one_appraisal_per_staff_per_period", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=Q(status__in=AppraisalStatus.values), name="appraisal_status_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="appraisal_version_positive"),
            models.CheckConstraint(
                condition=_rating_valid("results_proposed")
                & _rating_valid("results_rating")
                & _rating_valid("behaviour_rating"),
                name="appraisal_ratings_valid",
            ),
            models.CheckConstraint(
                condition=Q(results_rating="")
                | Q(results_rating=F("results_proposed"))
                | ~Q(results_override_reason=""),
                name="appraisal_override_has_reason",
            ),
            models.CheckConstraint(
                condition=_below_needs_text("results_rating", "results_feedback"),
                name="appraisal_results_below_has_feedback",
            ),
            models.CheckConstraint(
                condition=_below_needs_text("behaviour_rating", "behaviour_feedback"),
                name="appraisal_behaviour_below_has_feedback",
            ),
            models.CheckConstraint(condition=_PREDIKAT_MATCHES_QUADRANT, name="appraisal_predikat_quadrant"),
            models.CheckConstraint(
                condition=Q(jpm__isnull=True) | Q(jpm__gte=0, jpm__lte=500), name="appraisal_jpm_range"
            ),
            models.CheckConstraint(
                condition=Q(jpm_band="") | Q(jpm_band__in=JpmBand.values), name="appraisal_jpm_band_valid"
            ),
            models.CheckConstraint(
                condition=(Q(potential="") & Q(potential_source=""))
                | (Q(potential__in=Potential.values) & Q(potential_source__in=PotentialSource.values)),
                name="appraisal_potential_has_source",
            ),
            models.CheckConstraint(condition=_TALENT_BOX_MATCHES_GRID, name="appraisal_talent_box_grid"),
            models.CheckConstraint(
                condition=~Q(status__in=[AppraisalStatus.SUBMITTED, AppraisalStatus.FINAL])
                | (~Q(predikat="") & Q(submitted_at__isnull=False) & Q(rater__isnull=False)),
                name="appraisal_submitted_is_rated",
            ),
            models.CheckConstraint(
                condition=~Q(status=AppraisalStatus.FINAL)
                | (Q(approved_at__isnull=False) & Q(approved_by__isnull=False)),
                name="appraisal_final_is_approved",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="appraisal_status_idx")]

    def __str__(self):
        return f"{self.title} {self.skp.staff.name}"

    @property
    def is_annual(self):
        return self.period_id is None

    @property
    def title(self):
        if self.is_annual:
            return _("Annual appraisal %(year)s") % {"year": self.skp.year.year}
        return f"{self.period.name} {self.skp.year.year}"

    @property
    def is_final(self):
        return self.status == AppraisalStatus.FINAL


class IndicatorAchievement(models.Model):
    """Realisasi: what the staff member achieved on one indicator in the period, as they state it.

    `reported` is the sum of the daily reports when the self-assessment started; a different
    achievement needs a reason."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="achievements", verbose_name=_("appraisal")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="achievements", verbose_name=_("indicator")
    )
    reported = models.DecimalField(
        _("total of the daily reports"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    achieved = models.DecimalField(_("achievement"), max_digits=14, decimal_places=2, null=True, blank=True)
    achieved_text = models.TextField(_("achievement"), blank=True)
    change_reason = models.TextField(_("why it differs from the daily reports"), blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("indicator achievement")
        verbose_name_plural = _("indicator achievements")
        ordering = ["appraisal", "indicator__rhk__kind", "indicator__rhk__order", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["appraisal", "indicator"], name="one_achievement_per_indicator"),
            models.CheckConstraint(
                condition=Q(achieved__isnull=True) | Q(achieved__gte=0), name="achievement_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(reported__isnull=True)
                | Q(achieved__isnull=True)
                | Q(achieved=F("reported"))
                | ~Q(change_reason=""),
                name="achievement_change_has_reason",
            ),
        ]

    def __str__(self):
        return str(self.indicator)

    @property
    def percent(self):
        target = self.indicator.target_value
        if self.achieved is None or not target:
            return None
        return round(100 * self.achieved / target, 1)


class ResultRating(models.Model):
    """The rater's rating of one work result (RHK) in the appraisal, with the feedback (umpan balik)."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="result_ratings", verbose_name=_("appraisal")
    )
    rhk = models.ForeignKey(Rhk, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("RHK"))
    rating = models.CharField(_("rating"), max_length=5, choices=Rating.choices, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        verbose_name = _("work result rating")
        verbose_name_plural = _("work result ratings")
        ordering = ["appraisal", "rhk__kind", "rhk__order", "rhk_id"]
        constraints = [
            models.UniqueConstraint(fields=["appraisal", "rhk"], name="one_rating_per_result"),
            models.CheckConstraint(condition=_rating_valid("rating"), name="result_rating_valid"),
            models.CheckConstraint(
                condition=_below_needs_text("rating", "feedback"), name="result_below_has_feedback"
            ),
        ]

    def __str__(self):
        return str(self.rhk)


class BehaviourNote(models.Model):
    """The rater's note on one BerAKHLAK value, against the leader's expectation in the SKP."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="behaviour_notes", verbose_name=_("appraisal")
    )
    value = models.CharField(_("core value"), max_length=30, choices=CoreValue.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("behaviour note")
        verbose_name_plural = _("behaviour notes")
        ordering = ["appraisal", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["appraisal", "value"], name="one_note_per_value"),
            models.CheckConstraint(
                condition=Q(value__in=CoreValue.values), name="behaviour_note_value_valid"
            ),
        ]

    def __str__(self):
        return self.get_value_display()


class CompetencyAssessment(models.Model):
    """The level (1–5) the rater sees in one competency, against the position's standard level then."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="competency_levels", verbose_name=_("appraisal")
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("competency")
    )
    standard_level = models.PositiveSmallIntegerField(_("standard level"))
    level = models.PositiveSmallIntegerField(_("assessed level"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("competency assessment")
        verbose_name_plural = _("competency assessments")
        ordering = ["appraisal", "competency__group", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["appraisal", "competency"], name="one_level_per_competency"),
            models.CheckConstraint(
                condition=Q(standard_level__gte=LEVEL_MIN, standard_level__lte=LEVEL_MAX),
                name="assessment_standard_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=LEVEL_MIN, level__lte=LEVEL_MAX),
                name="assessment_level_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.competency.code} {self.level or '–'}/{self.standard_level}"

    @property
    def gap(self):
        if self.level is None or self.level >= self.standard_level:
            return 0
        return self.standard_level - self.level


class AppraisalEventKind(models.TextChoices):
    STARTED = "started", _("Started")
    SELF_SAVED = "self_saved", _("Self-assessment saved")
    SELF_SUBMITTED = "self_submitted", _("Self-assessment sent to the rater")
    ASSESSMENT_SAVED = "assessment_saved", _("Assessment saved")
    SUBMITTED = "submitted", _("Submitted for approval")
    RETURNED = "returned", _("Returned to the rater")
    APPROVED = "approved", _("Approved: final")
    POTENTIAL_SET = "potential_set", _("Potential entered by HR")
    OBJECTION_FILED = "objection_filed", _("Objection filed")
    OBJECTION_DECIDED = "objection_decided", _("Objection decided")
    PLAN_CHANGED = "plan_changed", _("Development plan changed")


class AppraisalEvent(models.Model):
    """Riwayat: who changed the appraisal, when, and what (field → [before, after])."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="events", verbose_name=_("appraisal")
    )
    kind = models.CharField(_("step"), max_length=20, choices=AppraisalEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"))
    comment = models.TextField(_("comment"), blank=True)
    changes = models.JSONField(_("changes"), default=list, blank=True)

    class Meta:
        verbose_name = _("appraisal history entry")
        verbose_name_plural = _("appraisal history")
        ordering = ["appraisal", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AppraisalEventKind.values), name="appraisal_event_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=AppraisalEventKind.RETURNED) | ~Q(comment=""),
                name="appraisal_return_needs_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class ObjectionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the decision")
    GRANTED = "granted", _("Granted: ratings changed")
    REJECTED = "rejected", _("Rejected")


class Objection(models.Model):
    """Keberatan: the staff member's objection to a final appraisal, decided by the rater's superior."""

    appraisal = models.OneToOneField(
        Appraisal, on_delete=models.CASCADE, related_name="objection", verbose_name=_("appraisal")
    )
    reason = models.TextField(_("reason"))
    filed_at = models.DateTimeField(_("filed at"))
    status = models.CharField(
        _("status"), max_length=8, choices=ObjectionStatus.choices, default=ObjectionStatus.PENDING
    )
    decision = models.TextField(_("decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="objection_reason_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=ObjectionStatus.values), name="objection_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ObjectionStatus.PENDING)
                | (~Q(decision="") & Q(decided_at__isnull=False) & Q(decided_by__isnull=False)),
                name="objection_decision_recorded",
            ),
        ]

    def __str__(self):
        return f"{self.appraisal}: {self.get_status_display()}"

    @property
    def is_pending(self):
        return self.status == ObjectionStatus.PENDING
