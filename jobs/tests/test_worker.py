"""A job queued on the real Redis broker is run by a real Celery worker process (not eager mode)."""

import time

import pytest

from config.celery import app
from jobs.models import JobRun, RunStatus, Trigger


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_runs_a_queued_job_in_a_worker_and_records_the_run(worker, org):
    app.send_task(
        "surveys.tasks.purge_survey_personal_data",
        kwargs={"trigger": Trigger.SCREEN, "by_id": org.hr.pk},
        queue=worker,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        run = JobRun.objects.filter(status=RunStatus.SUCCEEDED).first()
        if run:
            break
        time.sleep(0.25)
    else:
        pytest.fail(f"no run recorded: {list(JobRun.objects.values())}")
    assert (run.job, run.trigger, run.started_by, run.rows) == (
        "purge-survey-personal-data",
        "screen",
        org.hr,
        0,
    )
