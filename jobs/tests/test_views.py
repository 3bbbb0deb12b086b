"""The job list as HR sees it, and "run now" with the broker up or out of reach."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests.roles import sign_in
from config.celery import app
from jobs.models import JobRun, RunStatus, Trigger
from jobs.registry import JOBS
from jobs.tests.brokers import broker_out_of_reach

pytestmark = pytest.mark.django_db


def _run(job, *, minutes_ago, status=RunStatus.SUCCEEDED, seconds=2, **extra):
    started = timezone.now() - timedelta(minutes=minutes_ago)
    done = status != RunStatus.RUNNING
    return JobRun.objects.create(
        job=job,
        trigger=extra.pop("trigger", Trigger.SCHEDULE),
        started_at=started,
        finished_at=started + timedelta(seconds=seconds) if done else None,
        status=status,
        rows=extra.pop("rows", 7 if status == RunStatus.SUCCEEDED else None),
        error="OperationalError: server closed the connection" if status == RunStatus.FAILED else "",
        **extra,
    )


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def hr_client(client, org):
    sign_in(client, org.hr)
    return client


def test_it_lists_each_job_with_its_last_run_and_recent_failures(hr_client):
    _run("refresh-survey-aggregates", minutes_ago=120, rows=41)
    _run("refresh-survey-aggregates", minutes_ago=60, status=RunStatus.FAILED)
    _run("purge-survey-personal-data", minutes_ago=30, seconds=3, rows=12)
    html = hr_client.get(reverse("jobs:job_list")).content.decode()
    assert "SKM figures in the cache" in html and "Survey personal data removal" in html
    assert "server closed the connection" in html
    assert "3.00 s" in html and ">12<" in html
    assert "Interrupted" not in html


def test_it_shows_a_run_killed_halfway_as_interrupted(hr_client):
    _run("purge-survey-personal-data", minutes_ago=60, status=RunStatus.RUNNING)
    _run("refresh-survey-aggregates", minutes_ago=1, status=RunStatus.RUNNING)
    html = hr_client.get(reverse("jobs:job_list")).content.decode()
    assert html.count("Interrupted") == 1 and "Running" in html


def test_it_says_when_a_job_has_not_run_yet(hr_client):
    assert hr_client.get(reverse("jobs:job_list")).content.decode().count("Not run yet") == len(JOBS)


def test_it_reads_the_list_in_the_same_queries_however_many_runs(hr_client, django_assert_max_num_queries):
    for minutes in range(30):
        _run("refresh-survey-aggregates", minutes_ago=minutes * 60, status=RunStatus.FAILED)
    with django_assert_max_num_queries(8):  # session, user, roles, latest runs, figures, messages
        assert hr_client.get(reverse("jobs:job_list")).status_code == 200


def test_it_queues_a_job_on_the_broker(hr_client, org, monkeypatch):
    sent = []
    monkeypatch.setattr(app, "send_task", lambda name, **kw: sent.append((name, kw)))
    response = hr_client.post(reverse("jobs:job_start", args=["purge-survey-personal-data"]), follow=True)
    assert "is queued" in response.content.decode()
    options = {"kwargs": {"trigger": Trigger.SCREEN, "by_id": org.hr.pk}, "retry": False}
    assert sent == [("surveys.tasks.purge_survey_personal_data", options)]


def test_it_answers_404_for_a_job_that_does_not_exist(hr_client):
    assert hr_client.post(reverse("jobs:job_start", args=["nope"])).status_code == 404


@pytest.mark.parametrize("broker", ["closed", "frozen"])
def test_it_answers_within_two_seconds_when_the_broker_is_out_of_reach(hr_client, broker):
    with broker_out_of_reach(broker):
        began = time.monotonic()
        response = hr_client.post(reverse("jobs:job_start", args=["refresh-survey-aggregates"]), follow=True)
        took = time.monotonic() - began
    assert response.status_code == 200
    assert "could not be queued" in response.content.decode()
    assert took < 2.0, took
