"""What every periodic job's Celery task has in common: its time limits and bounded retries."""

from django.db import DatabaseError

MAX_RETRIES = 3


def job_task_options(job) -> dict:
    """shared_task options for the task of a registered job: killed after the job's time limit (a soft
    limit 30 s earlier lets the run be recorded as failed), retried at most MAX_RETRIES times with
    exponential backoff when the database fails, acknowledged only once done and requeued when the
    worker dies (acks_late, reject_on_worker_lost, also set for every task in settings)."""
    return {
        "name": job.task,
        "time_limit": job.time_limit,
        "soft_time_limit": job.time_limit - 30,
        "autoretry_for": (DatabaseError,),
        "max_retries": MAX_RETRIES,
        "retry_backoff": 10,
        "retry_backoff_max": 600,
        "retry_jitter": True,
        "acks_late": True,
        "reject_on_worker_lost": True,
    }
