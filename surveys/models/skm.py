"""Survei Kepuasan Masyarakat (SKM): versioned questionnaires per service, public links, and the
citizens' answers, written straight to the database.

A template is never changed once answered: editing makes the next version, so old answers keep the
questions and weights they were given with. No raw IP address is kept: only a keyed hash.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models import EvaluationPeriod
from surveys.ikm import ANSWER_MAX, ANSWER_MIN
from surveys.models.catalogue import Service

TOKEN_MIN_LENGTH = 12


class SurveyTemplate(models.Model):
    """Kuesioner: the elements a service's citizens are asked, in one version."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="survey_templates", verbose_name=_("service")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    is_current = models.BooleanField(_("in use"), default=True)
    ask_profile = models.BooleanField(
        _("ask the respondent's profile"),
        default=True,
        help_text=_("Age band, sex, education and occupation; every question optional."),
    )
    ask_suggestion = models.BooleanField(_("ask for a suggestion"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("survey questionnaire")
        verbose_name_plural = _("survey questionnaires")
        ordering = ["service", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="survey_template_version_unique"),
            models.UniqueConstraint(
                fields=["service"], condition=Q(is_current=True), name="one_current_survey_template"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="survey_template_version_positive"),
        ]

    def __str__(self):
        return f"{self.service} v{self.version}"


class SurveyElement(models.Model):
    """Unsur: one question answered 1–4, with the labels of the four answers.

    An empty weight means equal weights over the template (exactly 1/9 for the nine elements)."""

    template = models.ForeignKey(
        SurveyTemplate, on_delete=models.CASCADE, related_name="elements", verbose_name=_("questionnaire")
    )
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("element"), max_length=200)
    weight = models.DecimalField(_("weight"), max_digits=7, decimal_places=6, null=True, blank=True)
    label_1 = models.CharField(_("answer 1"), max_length=80)
    label_2 = models.CharField(_("answer 2"), max_length=80)
    label_3 = models.CharField(_("answer 3"), max_length=80)
    label_4 = models.CharField(_("answer 4"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        verbose_name = _("survey element")
        verbose_name_plural = _("survey elements")
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="survey_element_code_unique"),
            models.UniqueConstraint(fields=["template", "order"], name="survey_element_order_unique"),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gt=0, weight__lte=1),
                name="survey_element_weight_range",
            ),
            models.CheckConstraint(condition=~Q(code="") & ~Q(name=""), name="survey_element_named"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def labels(self):
        return (self.label_1, self.label_2, self.label_3, self.label_4)


class SurveyLink(models.Model):
    """Tautan survei: a short unguessable address for a service, optionally for one counter or officer."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="survey_links", verbose_name=_("service")
    )
    officer = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_links",
        verbose_name=_("officer"),
        help_text=_("Citizens may then rate this officer's competence and courtesy."),
    )
    counter = models.CharField(_("counter"), max_length=60, blank=True, help_text=_("For example Loket 2."))
    token = models.CharField(_("link code"), max_length=32, unique=True)
    is_paused = models.BooleanField(_("paused"), default=False)
    ends_on = models.DateField(_("open until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")
        ordering = ["service", "counter", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=GreaterThanOrEqual(Length("token"), TOKEN_MIN_LENGTH), name="survey_link_token_long"
            ),
        ]

    def __str__(self):
        parts = [str(self.service), self.counter, self.officer.name if self.officer_id else ""]
        return " · ".join(part for part in parts if part)

    def is_open_on(self, day):
        return not self.is_paused and (self.ends_on is None or day <= self.ends_on)


class AgeBand(models.TextChoices):
    UNDER_20 = "<20", _("Under 20")
    FROM_20 = "20-29", _("20–29")
    FROM_30 = "30-39", _("30–39")
    FROM_40 = "40-49", _("40–49")
    FROM_50 = "50-59", _("50–59")
    FROM_60 = "60+", _("60 or older")


class Sex(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")


class Education(models.TextChoices):
    PRIMARY = "sd", _("Primary school (SD) or less")
    JUNIOR = "smp", _("Junior high school (SMP)")
    SENIOR = "sma", _("Senior high school (SMA/SMK)")
    DIPLOMA = "diploma", _("Diploma (D1–D3)")
    BACHELOR = "s1", _("Bachelor (D4/S1)")
    POSTGRADUATE = "s2", _("Master or doctorate (S2/S3)")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "asn", _("Civil servant / TNI / Polri")
    PRIVATE = "private", _("Private employee")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    STUDENT = "student", _("Student")
    HOMEMAKER = "homemaker", _("Homemaker")
    OTHER = "other", _("Other")


class ReviewStatus(models.TextChoices):
    CLEAN = "clean", _("Counted")
    FLAGGED = "flagged", _("Flagged: waiting for review")
    ACCEPTED = "accepted", _("Reviewed: counted")
    REJECTED = "rejected", _("Reviewed: left out")


#: Responses that count in the IKM.
COUNTED = (ReviewStatus.CLEAN, ReviewStatus.ACCEPTED)


class SuggestionStatus(models.TextChoices):
    NONE = "", _("No suggestion")
    NEW = "new", _("New")
    RESPONDED = "responded", _("Responded")
    HANDLED = "handled", _("Handled")


class SurveyResponse(models.Model):
    """One citizen's answers, through one link, to one version of the questionnaire.

    Every public post inserts a row here, so it carries no index it does not need: the foreign keys
    link, service and officer lead the composite indexes below, and the reviewer's and responder's
    are indexed only where set."""

    template = models.ForeignKey(
        SurveyTemplate, on_delete=models.PROTECT, related_name="responses", verbose_name=_("questionnaire")
    )
    link = models.ForeignKey(
        SurveyLink,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("link"),
        db_index=False,
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("service"),
        db_index=False,
    )
    officer = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("officer"),
        db_index=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    nonce = models.CharField(_("form nonce"), max_length=64)
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True)
    fill_seconds = models.PositiveIntegerField(_("time to fill in (seconds)"))
    review_status = models.CharField(
        _("review"), max_length=8, choices=ReviewStatus.choices, default=ReviewStatus.CLEAN
    )
    flag_reasons = models.CharField(_("why flagged"), max_length=200, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    age_band = models.CharField(_("age"), max_length=5, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("education"), max_length=8, choices=Education.choices, blank=True)
    occupation = models.CharField(_("occupation"), max_length=12, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("suggestion"), blank=True)
    suggestion_status = models.CharField(
        _("suggestion status"), max_length=9, choices=SuggestionStatus.choices, blank=True
    )
    hr_response = models.TextField(_("reply to the suggestion"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    personal_data_purged = models.BooleanField(_("personal data removed"), default=False)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            # A form is accepted once; the public insert relies on it (ON CONFLICT (nonce)).
            models.UniqueConstraint(fields=["nonce"], name="survey_nonce_used_once"),
            models.CheckConstraint(
                condition=Q(review_status__in=ReviewStatus.values), name="survey_review_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(review_status=ReviewStatus.FLAGGED) | ~Q(flag_reasons=""),
                name="survey_flag_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(suggestion_status="") | ~Q(suggestion="") | Q(personal_data_purged=True),
                name="survey_suggestion_status_needs_text",
            ),
            models.CheckConstraint(
                condition=Q(suggestion_status__in=SuggestionStatus.values),
                name="survey_suggestion_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["service", "submitted_at"], name="survey_service_time_idx"),
            models.Index(fields=["officer", "submitted_at"], name="survey_officer_time_idx"),
            # The flag rule that counts an address's answers through a link in the last hour.
            models.Index(fields=["link", "ip_hash", "submitted_at"], name="survey_link_address_time_idx"),
            models.Index(
                fields=["reviewed_by"], condition=Q(reviewed_by__isnull=False), name="survey_reviewed_by_idx"
            ),
            models.Index(
                fields=["responded_by"],
                condition=Q(responded_by__isnull=False),
                name="survey_responded_by_idx",
            ),
        ]

    def __str__(self):
        return f"{self.service} {self.submitted_at:%Y-%m-%d %H:%M}"

    @property
    def is_counted(self):
        return self.review_status in COUNTED


class SurveyAnswer(models.Model):
    """Jawaban: the answer (1–4) to one element."""

    response = models.ForeignKey(
        SurveyResponse,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("survey response"),
        db_index=False,  # leads the unique constraint one_answer_per_element
    )
    element = models.ForeignKey(
        SurveyElement, on_delete=models.PROTECT, related_name="answers", verbose_name=_("element")
    )
    value = models.PositiveSmallIntegerField(_("answer"))

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "element"], name="one_answer_per_element"),
            models.CheckConstraint(
                condition=Q(value__gte=ANSWER_MIN, value__lte=ANSWER_MAX), name="survey_answer_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.element.code}={self.value}"


class ServedCount(models.Model):
    """Jumlah penerima layanan: how many people a service served in a period, for the minimum sample."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="served_counts", verbose_name=_("service")
    )
    period = models.ForeignKey(
        EvaluationPeriod, on_delete=models.CASCADE, related_name="served_counts", verbose_name=_("period")
    )
    people_served = models.PositiveIntegerField(_("people served"))

    class Meta:
        verbose_name = _("people served")
        verbose_name_plural = _("people served")
        constraints = [
            models.UniqueConstraint(fields=["service", "period"], name="one_served_count_per_period"),
        ]

    def __str__(self):
        return f"{self.service} {self.period}: {self.people_served}"
