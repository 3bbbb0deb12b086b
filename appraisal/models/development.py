"""The development plan (rencana pengembangan) that follows an appraisal."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models.appraisals import Appraisal
from appraisal.models.competencies import Competency
from appraisal.models.feedback import DevelopmentActivity
from appraisal.models.plans import Rhk


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class DevelopmentAction(models.Model):
    """One action of the plan: a catalogue activity with agreed dates, aimed at a competency gap or at
    a rating below expectations. The rater proposes it; the staff member agrees and reports progress."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="development_actions", verbose_name=_("appraisal")
    )
    activity = models.ForeignKey(
        DevelopmentActivity, on_delete=models.PROTECT, related_name="actions", verbose_name=_("activity")
    )
    competency = models.ForeignKey(
        Competency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_actions",
        verbose_name=_("competency gap"),
    )
    rhk = models.ForeignKey(
        Rhk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_actions",
        verbose_name=_("work result below expectations"),
    )
    aim = models.TextField(_("what it should improve"))
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress_note = models.TextField(_("progress"), blank=True)
    proposed_by = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    agreed_at = models.DateTimeField(_("agreed by the staff member at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("development action")
        verbose_name_plural = _("development actions")
        ordering = ["appraisal", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=F("starts_on")), name="action_due_after_start"),
            models.CheckConstraint(condition=Q(status__in=ActionStatus.values), name="action_status_valid"),
            models.CheckConstraint(condition=~Q(aim=""), name="action_aim_not_empty"),
            models.CheckConstraint(
                condition=Q(status=ActionStatus.PLANNED) | Q(agreed_at__isnull=False),
                name="action_started_only_when_agreed",
            ),
            models.CheckConstraint(
                condition=Q(competency__isnull=True) | Q(rhk__isnull=True), name="action_one_source"
            ),
        ]

    def __str__(self):
        return f"{self.activity.title} ({self.due_on:%Y-%m-%d})"

    @property
    def is_agreed(self):
        return self.agreed_at is not None

    @property
    def is_open(self):
        return self.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
