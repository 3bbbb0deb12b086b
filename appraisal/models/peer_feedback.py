"""360° feedback (umpan balik 360 derajat): supervisors, peers and subordinates rate a staff member on
the seven BerAKHLAK core values. Raters are protected: the person rated only ever sees aggregates of
at least three answers (see appraisal.selectors.peer_feedback)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models.calendar import EvaluationPeriod
from appraisal.models.plans import CoreValue

SCORE_MIN, SCORE_MAX = 1, 5


class RaterGroup(models.TextChoices):
    """Kelompok penilai: how the rater stands to the person rated."""

    SUPERVISOR = "supervisor", _("Supervisors")
    PEER = "peer", _("Peers")
    SUBORDINATE = "subordinate", _("Subordinates")


class FeedbackRequest(models.Model):
    """Permintaan umpan balik 360: one staff member's round of feedback for an evaluation period."""

    subject = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="feedback_requests", verbose_name=_("person rated")
    )
    period = models.ForeignKey(
        EvaluationPeriod,
        on_delete=models.PROTECT,
        related_name="feedback_requests",
        verbose_name=_("evaluation period"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="feedback_requests_made",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    closes_on = models.DateField(_("closes on"), help_text=_("The last day raters can answer."))
    note = models.TextField(_("note to the raters"), blank=True)

    class Meta:
        verbose_name = _("360° feedback request")
        verbose_name_plural = _("360° feedback requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "period"], name="feedback_request_one_per_period"),
        ]

    def __str__(self):
        return f"{self.subject.full_name} · {self.period}"

    def is_open(self, on=None):
        return (on or timezone.localdate()) <= self.closes_on


class FeedbackInvitation(models.Model):
    """Undangan penilai: one rater asked to answer a feedback request.

    The person rated is copied from the request so the database itself can refuse a self-rating."""

    request = models.ForeignKey(
        FeedbackRequest, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("request")
    )
    subject = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("person rated"), editable=False
    )
    rater = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="feedback_invitations", verbose_name=_("rater")
    )
    group = models.CharField(_("rater group"), max_length=12, choices=RaterGroup.choices)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("360° feedback invitation")
        verbose_name_plural = _("360° feedback invitations")
        ordering = ["request", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "rater"], name="feedback_invitation_rater_once"),
            models.CheckConstraint(condition=~Q(rater=F("subject")), name="feedback_invitation_not_self"),
            models.CheckConstraint(
                condition=Q(group__in=[g.value for g in RaterGroup]), name="feedback_invitation_group_valid"
            ),
        ]
        indexes = [models.Index(fields=["rater", "answered_at"], name="feedback_invitation_rater_idx")]

    def __str__(self):
        return f"{self.request_id} · {self.get_group_display()}"


class FeedbackAnswer(models.Model):
    """Jawaban: one rater's score (1–5) and comment on one BerAKHLAK value."""

    invitation = models.ForeignKey(
        FeedbackInvitation, on_delete=models.CASCADE, related_name="answers", verbose_name=_("invitation")
    )
    value = models.CharField(_("core value"), max_length=30, choices=CoreValue.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("360° feedback answer")
        verbose_name_plural = _("360° feedback answers")
        constraints = [
            models.UniqueConstraint(fields=["invitation", "value"], name="feedback_answer_once_per_value"),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX), name="feedback_answer_score_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(value__in=[v.value for v in CoreValue]), name="feedback_answer_value_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_value_display()}: {self.score}"
