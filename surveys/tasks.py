"""Celery tasks of the surveys app: a few lines each, running a registered job (jobs.registry)."""

from celery import shared_task

from jobs.models import Trigger
from jobs.registry import JOBS
from jobs.runs import job_run
from jobs.tasks import job_task_options

REFRESH = JOBS["refresh-survey-aggregates"]
PURGE = JOBS["purge-survey-personal-data"]


@shared_task(**job_task_options(REFRESH))
def refresh_survey_aggregates(trigger: str = Trigger.SCHEDULE, by_id: int | None = None) -> int:
    """Stores every service's SKM figures per period of the current year in the cache. The result
    screens compute their figures live and never wait for this."""
    return job_run(name=REFRESH.name, trigger=trigger, by_id=by_id).rows


@shared_task(**job_task_options(PURGE))
def purge_survey_personal_data(trigger: str = Trigger.SCHEDULE, by_id: int | None = None) -> int:
    """Removes the profile, suggestion and address hash of responses older than the retention."""
    return job_run(name=PURGE.name, trigger=trigger, by_id=by_id).rows
