"""The SKP: work results (RHK), indicators, behaviour expectations and the workflow history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Staff
from appraisal.models.calendar import AgencyGoal, PerformanceYear


class SkpApproach(models.TextChoices):
    QUANTITATIVE = "quantitative", _("Quantitative")
    QUALITATIVE = "qualitative", _("Qualitative")


class SkpStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


class Skp(models.Model):
    """Sasaran Kinerja Pegawai: one staff member's performance plan for one year."""

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="skps", verbose_name=_("staff"))
    year = models.ForeignKey(
        PerformanceYear, on_delete=models.PROTECT, related_name="skps", verbose_name=_("year")
    )
    approach = models.CharField(
        _("approach"), max_length=12, choices=SkpApproach.choices, default=SkpApproach.QUANTITATIVE
    )
    status = models.CharField(_("status"), max_length=10, choices=SkpStatus.choices, default=SkpStatus.DRAFT)
    rater = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rated_skps",
        verbose_name=_("rater (pejabat penilai)"),
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=0)
    resource_support = models.TextField(_("resource support"), blank=True)
    accountability_scheme = models.TextField(_("accountability scheme"), blank=True)
    consequences = models.TextField(_("consequences"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKPs")
        ordering = ["-year__year", "staff__name"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "year"], name="one_skp_per_staff_per_year"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in SkpStatus]), name="skp_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="approved_skp_has_approval_time",
            ),
        ]

    def __str__(self):
        return f"SKP {self.year.year} {self.staff.name}"

    @property
    def is_editable(self):
        return self.status in (SkpStatus.DRAFT, SkpStatus.RETURNED)


class CoreValue(models.TextChoices):
    """BerAKHLAK: the seven ASN core values."""

    SERVICE = "berorientasi_pelayanan", _("Berorientasi Pelayanan")
    ACCOUNTABLE = "akuntabel", _("Akuntabel")
    COMPETENT = "kompeten", _("Kompeten")
    HARMONIOUS = "harmonis", _("Harmonis")
    LOYAL = "loyal", _("Loyal")
    ADAPTIVE = "adaptif", _("Adaptif")
    COLLABORATIVE = "kolaboratif", _("Kolaboratif")


class BehaviourExpectation(models.Model):
    """Ekspektasi khusus pimpinan: the leader's expectation for one BerAKHLAK value in an SKP."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="expectations", verbose_name=_("SKP"))
    value = models.CharField(_("core value"), max_length=30, choices=CoreValue.choices)
    expectation = models.TextField(_("leader's expectation"), blank=True)

    class Meta:
        verbose_name = _("behaviour expectation")
        verbose_name_plural = _("behaviour expectations")
        constraints = [
            models.UniqueConstraint(fields=["skp", "value"], name="one_expectation_per_value"),
            models.CheckConstraint(
                condition=Q(value__in=[v.value for v in CoreValue]), name="expectation_value_valid"
            ),
        ]

    def __str__(self):
        return self.get_value_display()


class RhkKind(models.TextChoices):
    MAIN = "main", _("Main (utama)")
    ADDITIONAL = "additional", _("Additional (tambahan)")


class Rhk(models.Model):
    """Rencana Hasil Kerja: a planned work result, supporting one of the superior's results."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="results", verbose_name=_("SKP"))
    kind = models.CharField(_("kind"), max_length=10, choices=RhkKind.choices, default=RhkKind.MAIN)
    text = models.TextField(_("work result"))
    supports = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supported_by",
        verbose_name=_("supports the superior's result"),
    )
    goal = models.ForeignKey(
        AgencyGoal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
        verbose_name=_("agency goal"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("work result (RHK)")
        verbose_name_plural = _("work results (RHK)")
        ordering = ["skp", "kind", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(supports__isnull=True) | Q(goal__isnull=True), name="rhk_one_source"
            ),
            models.CheckConstraint(condition=~Q(supports=F("id")), name="rhk_not_own_source"),
            models.CheckConstraint(condition=Q(kind__in=["main", "additional"]), name="rhk_kind_valid"),
        ]

    def __str__(self):
        return self.text[:80]


class Aspect(models.TextChoices):
    QUANTITY = "quantity", _("Quantity")
    QUALITY = "quality", _("Quality")
    TIME = "time", _("Time")
    COST = "cost", _("Cost")


class Indicator(models.Model):
    """Indikator Kinerja Individu (IKI) with its target: a value and unit per aspect, or a text."""

    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("RHK"))
    text = models.TextField(_("indicator"))
    aspect = models.CharField(_("aspect"), max_length=10, choices=Aspect.choices, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("target unit"), max_length=40, blank=True)
    target_text = models.TextField(_("target"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["rhk", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(target_value__isnull=False) & ~Q(target_unit="") & ~Q(aspect=""))
                | ~Q(target_text=""),
                name="indicator_has_target",
            ),
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gt=0),
                name="indicator_target_positive",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class SkpEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    REVISION = "revision", _("Revision opened")


class SkpEvent(models.Model):
    """A step of the SKP workflow, with who took it and why; the snapshot keeps approved versions."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="events", verbose_name=_("SKP"))
    kind = models.CharField(_("step"), max_length=10, choices=SkpEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"))
    comment = models.TextField(_("comment"), blank=True)
    revision = models.PositiveSmallIntegerField(_("revision"))
    snapshot = models.JSONField(_("approved content"), null=True, blank=True)

    class Meta:
        verbose_name = _("SKP history entry")
        verbose_name_plural = _("SKP history")
        ordering = ["skp", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="returned") | ~Q(comment=""), name="skp_return_needs_comment"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
