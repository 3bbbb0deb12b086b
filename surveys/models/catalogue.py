from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Staff, Unit


class Service(models.Model):
    """Jenis layanan: a public service a unit delivers, with its target completion time."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="services", verbose_name=_("agency")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="services", verbose_name=_("unit"))
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("service"), max_length=200)
    target_minutes = models.PositiveIntegerField(
        _("target completion time (minutes)"),
        help_text=_("For example 60 for a KTP-el, 4320 for a birth certificate in three days."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="service_code_unique_in_agency"),
            models.CheckConstraint(condition=Q(target_minutes__gte=1), name="service_target_positive"),
        ]

    def __str__(self):
        return self.name


class ServiceRequest(models.Model):
    """Permohonan layanan: one request handled by one officer, timed from complete requirements."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="requests", verbose_name=_("service")
    )
    officer = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="service_requests", verbose_name=_("officer")
    )
    reference = models.CharField(_("request number"), max_length=60, blank=True)
    received_at = models.DateTimeField(_("received (requirements complete)"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    correct_first_time = models.BooleanField(_("correct first time"), default=True)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(completed_at__gte=F("received_at")),
                name="request_completed_after_received",
            ),
            models.UniqueConstraint(
                fields=["service", "reference"],
                condition=~Q(reference=""),
                name="request_reference_unique_per_service",
            ),
        ]
        indexes = [models.Index(fields=["officer", "received_at"], name="request_officer_time_idx")]

    def __str__(self):
        return f"{self.service} {self.reference or self.pk}"
