"""Running a periodic job and recording the run (JobRun)."""

from django.utils import timezone

from jobs.models import JobRun, RunStatus, Trigger
from jobs.registry import job_named

ERROR_MAX = 2000


def job_run(*, name: str, trigger: Trigger, by_id: int | None = None) -> JobRun:
    """Runs the job `name` now, in this process, and records the run (by_id: who asked for it): started,
    then succeeded with the rows it wrote or failed with the error (raised again, so that Celery
    retries the task).
    The run is recorded before the job starts, so a process killed halfway leaves a run that never
    finished; the job list shows it as interrupted."""
    job = job_named(name)
    run = JobRun.objects.create(job=job.name, trigger=trigger, started_by_id=by_id, started_at=timezone.now())
    try:
        rows = job.run()
    except BaseException as error:  # also the soft time limit and a stop: the run must not look running
        run.status, run.finished_at = RunStatus.FAILED, timezone.now()
        run.error = (f"{type(error).__name__}: {error}".rstrip(": "))[:ERROR_MAX]
        run.save(update_fields=["status", "finished_at", "error"])
        raise
    run.status, run.finished_at, run.rows = RunStatus.SUCCEEDED, timezone.now(), rows
    run.save(update_fields=["status", "finished_at", "rows"])
    return run
