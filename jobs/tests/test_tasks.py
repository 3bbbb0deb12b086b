"""Every Celery task of the project: time limits, bounded retries, acknowledged late; and the beat
schedule runs exactly the registered jobs, in Asia/Jakarta time."""

import pytest
from django.conf import settings

from config.celery import app
from jobs.registry import JOBS

app.loader.import_default_modules()  # the tasks modules, as a worker imports them
PROJECT_TASKS = sorted(name for name in app.tasks if not name.startswith("celery."))


def test_it_finds_the_task_of_every_job():
    assert {job.task for job in JOBS.values()} <= set(PROJECT_TASKS)


@pytest.mark.parametrize("name", PROJECT_TASKS)
def test_it_limits_time_and_retries_of_every_task(name):
    task = app.tasks[name]
    assert task.time_limit and 0 < task.soft_time_limit < task.time_limit
    assert task.max_retries is not None and task.max_retries <= 5
    assert task.acks_late and task.reject_on_worker_lost


def test_it_schedules_every_job_and_nothing_else():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {job.task for job in JOBS.values()}
    assert app.conf.timezone == "Asia/Jakarta" and app.conf.task_acks_late
