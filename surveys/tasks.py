"""Celery tasks of the surveys app: a few lines each, calling a service or selector."""

from celery import shared_task

from surveys.skm.results_cache import aggregates_refresh
from surveys.skm.retention import personal_data_purge


@shared_task(name="surveys.tasks.refresh_survey_aggregates", time_limit=300, soft_time_limit=270)
def refresh_survey_aggregates() -> int:
    """Stores every service's SKM figures per period of the current year in the cache. The result
    screens compute their figures live and never wait for this."""
    return aggregates_refresh()


@shared_task(name="surveys.tasks.purge_survey_personal_data", time_limit=300, soft_time_limit=270)
def purge_survey_personal_data() -> int:
    """Removes the profile, suggestion and address hash of responses older than the retention."""
    return personal_data_purge()
