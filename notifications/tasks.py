"""Celery task of the reminders: a few lines, running the registered job (jobs.registry)."""

from celery import shared_task

from jobs.models import Trigger
from jobs.registry import JOBS
from jobs.runs import job_run
from jobs.tasks import job_task_options

REMINDERS = JOBS["send-reminders"]


@shared_task(**job_task_options(REMINDERS))
def send_reminders(trigger: str = Trigger.SCHEDULE, by_id: int | None = None) -> int:
    """Writes the day's reminders into everyone's bell and sends the e-mail digests (07:00 WIB)."""
    return job_run(name=REMINDERS.name, trigger=trigger, by_id=by_id).rows
