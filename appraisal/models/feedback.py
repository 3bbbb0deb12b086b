"""Continuous feedback (umpan balik berkelanjutan), mentoring (bimbingan) and the development catalogue."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Staff
from appraisal.models.competencies import Competency
from appraisal.models.plans import CoreValue, Rhk

CORRECTION_MIN_LENGTH = 20


class FeedbackKind(models.TextChoices):
    PRAISE = "praise", _("Praise (apresiasi)")
    CORRECTION = "correction", _("Constructive correction (perbaikan)")


class FeedbackNoteQuerySet(models.QuerySet):
    def about(self, staff):
        return self.filter(subject=staff)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class FeedbackNote(models.Model):
    """Catatan umpan balik: praise or a constructive correction written about a colleague, optionally
    about one of their work results (RHK) or one BerAKHLAK value."""

    author = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="feedback_given", verbose_name=_("author")
    )
    subject = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="feedback_received", verbose_name=_("about")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=FeedbackKind.choices)
    rhk = models.ForeignKey(
        Rhk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_notes",
        verbose_name=_("work result (RHK)"),
    )
    value = models.CharField(_("core value"), max_length=30, choices=CoreValue.choices, blank=True)
    text = models.TextField(_("feedback"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    objects = FeedbackNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback note")
        verbose_name_plural = _("feedback notes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in FeedbackKind]), name="feedback_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(author=F("subject")), name="feedback_not_about_self"),
            models.CheckConstraint(
                condition=Q(rhk__isnull=True) | Q(value=""), name="feedback_rhk_or_value_not_both"
            ),
            models.CheckConstraint(
                condition=Q(value="") | Q(value__in=[value.value for value in CoreValue]),
                name="feedback_value_valid",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="feedback_text_not_empty"),
            models.CheckConstraint(
                condition=~Q(kind=FeedbackKind.CORRECTION)
                | GreaterThanOrEqual(Length("text"), CORRECTION_MIN_LENGTH),
                name="feedback_correction_says_how",
            ),
        ]
        indexes = [models.Index(fields=["subject", "-created_at"], name="feedback_subject_recent_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject.name}"

    @property
    def is_praise(self):
        return self.kind == FeedbackKind.PRAISE


class MentorshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_on__isnull=True)


class Mentorship(models.Model):
    """Bimbingan: an experienced colleague (mentor) guides a colleague of the same agency (mentee)."""

    mentor = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="mentoring", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="mentored_by", verbose_name=_("mentee")
    )
    goal = models.TextField(_("goal"))
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paired by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="mentorship_two_people"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="mentorship_ends_after_start",
            ),
            models.CheckConstraint(condition=~Q(goal=""), name="mentorship_goal_not_empty"),
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(ended_on__isnull=True),
                name="one_active_mentorship_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.mentor.name} → {self.mentee.name}"

    @property
    def is_active(self):
        return self.ended_on is None


class MentoringSession(models.Model):
    """Sesi bimbingan: one meeting of a mentorship, with what was discussed and agreed."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("mentorship")
    )
    date = models.DateField(_("date"))
    notes = models.TextField(_("what was discussed"))
    agreed_actions = models.TextField(_("agreed actions"), blank=True)
    logged_by = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("logged by")
    )
    created_at = models.DateTimeField(_("logged at"), default=timezone.now)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(notes=""), name="mentoring_session_notes_not_empty"),
        ]

    def __str__(self):
        return f"{self.mentorship} {self.date}"


class DevelopmentKind(models.TextChoices):
    TRAINING = "training", _("Training (pelatihan)")
    MENTORING = "mentoring", _("Mentoring (bimbingan)")
    COACHING = "coaching", _("Coaching")
    ASSIGNMENT = "assignment", _("Assignment (penugasan)")


class DevelopmentActivityQuerySet(models.QuerySet):
    def for_agency(self, agency_id):
        """The national activities and those of the agency."""
        return self.filter(Q(agency__isnull=True) | Q(agency_id=agency_id))

    def active(self):
        return self.filter(is_active=True)


class DevelopmentActivity(models.Model):
    """Kegiatan pengembangan kompetensi: an entry of the catalogue development plans choose from.

    Agency rows are kept by that agency's HR; national rows (no agency) by the super admin."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_activities",
        verbose_name=_("agency"),
        help_text=_("Empty for activities offered to every agency."),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=DevelopmentKind.choices)
    competency = models.ForeignKey(
        Competency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="development_activities",
        verbose_name=_("target competency"),
    )
    description = models.TextField(_("description"), blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    duration_hours = models.PositiveSmallIntegerField(_("typical duration (hours)"), null=True, blank=True)
    is_active = models.BooleanField(_("offered"), default=True)

    objects = DevelopmentActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("development activity")
        verbose_name_plural = _("development activities")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in DevelopmentKind]),
                name="development_kind_valid",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="development_title_not_empty"),
            models.CheckConstraint(
                condition=Q(duration_hours__isnull=True) | Q(duration_hours__gt=0),
                name="development_duration_positive",
            ),
            models.UniqueConstraint(
                fields=["agency", "title"], name="development_title_unique_per_agency", nulls_distinct=False
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_national(self):
        return self.agency_id is None
