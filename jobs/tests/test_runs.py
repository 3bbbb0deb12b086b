"""Running a job records the run: rows and duration on success, the error on failure."""

import pytest
from django.core.management import CommandError, call_command

from jobs.models import JobRun, RunStatus, Trigger
from jobs.registry import JOBS, Job
from jobs.runs import job_run
from surveys.models import SurveyResponse
from surveys.tests import skm_helpers as h
from surveys.tests.test_skm_retention import _response

pytestmark = pytest.mark.django_db


def test_it_records_a_successful_run_with_its_rows_and_duration(org):
    run = job_run(name="purge-survey-personal-data", trigger=Trigger.COMMAND, by_id=org.hr.pk)
    stored = JobRun.objects.get()
    assert (stored.pk, stored.status, stored.rows, stored.trigger) == (run.pk, "succeeded", 0, "command")
    assert stored.started_by == org.hr and stored.finished_at >= stored.started_at and stored.error == ""


def test_it_records_a_failed_run_and_raises_the_error_again(monkeypatch):
    broken = Job(
        name="broken",
        title="Broken",
        description="Fails",
        function="jobs.tests.test_runs.fail",
        task="jobs.tests.broken",
        time_limit=60,
    )
    monkeypatch.setitem(JOBS, "broken", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        job_run(name="broken", trigger=Trigger.SCHEDULE)
    run = JobRun.objects.get()
    assert (run.status, run.rows, run.error) == (RunStatus.FAILED, None, "RuntimeError: disk full")
    assert run.finished_at is not None


def fail():
    raise RuntimeError("disk full")


def test_it_refuses_a_job_that_does_not_exist():
    with pytest.raises(LookupError, match="purge-survey-personal-data"):
        job_run(name="nope", trigger=Trigger.COMMAND)
    assert not JobRun.objects.exists()


def test_it_runs_a_job_by_hand_and_lists_the_jobs(capsys):
    call_command("run_job", "refresh-survey-aggregates")
    assert "refresh-survey-aggregates: 0 rows in" in capsys.readouterr().out
    assert JobRun.objects.get().trigger == Trigger.COMMAND
    call_command("run_job", "--list")
    listed = capsys.readouterr().out
    assert all(name in listed for name in JOBS)
    with pytest.raises(CommandError, match="No job named"):
        call_command("run_job", "nope")
    assert JobRun.objects.count() == 1


def test_it_leaves_the_same_data_when_a_job_runs_twice(org):
    old = _response(h.survey_link(org), days_ago=400)
    first = job_run(name="purge-survey-personal-data", trigger=Trigger.COMMAND)
    after_first = list(SurveyResponse.objects.values().order_by("pk"))
    second = job_run(name="purge-survey-personal-data", trigger=Trigger.COMMAND)
    assert (first.rows, second.rows) == (1, 0)
    assert list(SurveyResponse.objects.values().order_by("pk")) == after_first
    assert SurveyResponse.objects.get(pk=old.pk).personal_data_purged
