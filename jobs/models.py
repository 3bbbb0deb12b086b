"""Runs of the periodic jobs (jobs.registry): when each ran, how long, how many rows, and why it failed."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Trigger(models.TextChoices):
    SCHEDULE = "schedule", _("Schedule")
    COMMAND = "command", _("Command")
    SCREEN = "screen", _("Run now (screen)")


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class JobRun(models.Model):
    """One run of a periodic job. A run whose process was killed stays RUNNING; the job list shows it
    as interrupted once it is older than the job's time limit, and the next run redoes its work (every
    job is idempotent)."""

    job = models.CharField(_("job"), max_length=64)
    trigger = models.CharField(_("started by"), max_length=8, choices=Trigger.choices)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=9, choices=RunStatus.choices, default=RunStatus.RUNNING)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["job", "-started_at"], name="job_run_latest_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(trigger__in=Trigger.values), name="job_run_trigger_valid"),
            models.CheckConstraint(condition=Q(status__in=RunStatus.values), name="job_run_status_valid"),
            models.CheckConstraint(
                condition=Q(status=RunStatus.RUNNING, finished_at__isnull=True)
                | (~Q(status=RunStatus.RUNNING) & Q(finished_at__gte=F("started_at"))),
                name="job_run_finished_when_done",
            ),
            models.CheckConstraint(
                condition=~Q(status=RunStatus.FAILED) | ~Q(error=""), name="job_run_failure_has_error"
            ),
            models.CheckConstraint(
                condition=~Q(status=RunStatus.SUCCEEDED) | Q(rows__isnull=False),
                name="job_run_success_has_rows",
            ),
        ]

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def seconds(self):
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()
