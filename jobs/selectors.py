"""Reads of the job list: each registered job with its last run and its recent failures."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from jobs.models import JobRun, RunStatus
from jobs.registry import JOBS, Job

RECENT = timedelta(days=7)


@dataclass(frozen=True)
class JobState:
    job: Job
    last: JobRun | None
    interrupted: bool  # the last run never finished and is older than the job's time limit
    last_success_at: datetime | None
    runs_recent: int
    failures_recent: int


def job_states(*, now: datetime | None = None) -> list[JobState]:
    """Every registered job in the registry's order; two queries, whatever the number of runs."""
    now = now or timezone.now()
    latest = {
        run.job: run
        for run in JobRun.objects.filter(job__in=JOBS)
        .select_related("started_by")
        .order_by("job", "-started_at", "-pk")
        .distinct("job")
    }
    since = now - RECENT
    figures = {
        row["job"]: row
        for row in JobRun.objects.filter(job__in=JOBS)
        .values("job")
        .annotate(
            last_success_at=Max("finished_at", filter=Q(status=RunStatus.SUCCEEDED)),
            runs_recent=Count("pk", filter=Q(started_at__gte=since)),
            failures_recent=Count("pk", filter=Q(started_at__gte=since, status=RunStatus.FAILED)),
        )
        .order_by()
    }
    states = []
    for name, job in JOBS.items():
        last, row = latest.get(name), figures.get(name, {})
        states.append(
            JobState(
                job=job,
                last=last,
                interrupted=bool(
                    last
                    and last.status == RunStatus.RUNNING
                    and last.started_at < now - timedelta(seconds=job.time_limit)
                ),
                last_success_at=row.get("last_success_at"),
                runs_recent=row.get("runs_recent", 0),
                failures_recent=row.get("failures_recent", 0),
            )
        )
    return states
