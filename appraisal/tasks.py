"""Celery tasks of the appraisal app: a few lines each, calling a service."""

from celery import shared_task

from appraisal.services.scores import scores_aggregate
from jobs.models import Trigger
from jobs.registry import JOBS
from jobs.runs import job_run
from jobs.tasks import job_task_options

AGGREGATE = JOBS["aggregate-scores"]


@shared_task(**job_task_options(AGGREGATE))
def aggregate_scores(trigger: str = Trigger.SCHEDULE, by_id: int | None = None) -> int:
    """Computes the period figures of every staff member, unit and agency."""
    return job_run(name=AGGREGATE.name, trigger=trigger, by_id=by_id).rows


# One person's rows: a short time limit.
@shared_task(
    **{
        **job_task_options(AGGREGATE),
        "name": "appraisal.tasks.refresh_staff_scores",
        "time_limit": 120,
        "soft_time_limit": 90,
    }
)
def refresh_staff_scores(staff_id: int) -> int:
    """Refreshes one staff member's own period figures after they changed a daily report."""
    return scores_aggregate(staff_ids=[staff_id])
