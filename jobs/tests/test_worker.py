"""A job queued on the real Redis broker is run by a real Celery worker process (not eager mode)."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app
from jobs.models import JobRun, RunStatus, Trigger


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker():
    """A worker on a queue of its own, on the test database; stopped after the test."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DATABASE_URL": _database_url()}
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--queues", queue,
        "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "WARNING",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    yield queue
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


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
