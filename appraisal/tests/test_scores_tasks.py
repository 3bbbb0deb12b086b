"""A daily report and the figures after it: a real worker refreshes them from the real Redis broker,
and with the broker stopped or frozen the report is stored, answered within two seconds, and counted by
the next aggregation."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from appraisal.models import DailyReport, StaffPeriodScore, UnitPeriodScore
from appraisal.services.scores import scores_aggregate
from appraisal.tests import factories as f
from config.celery import app
from jobs.models import JobRun, RunStatus
from jobs.tests.brokers import broker_out_of_reach

LIST = reverse("appraisal:report_list")
BACKEND = "accounts.backends.NipOrUsernameBackend"


@pytest.fixture
def plan(org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SCORES_REFRESH_ON_REPORT = True
    year = f.performance_year(org.agency, year=timezone.localdate().year)
    result = f.rhk(f.skp(org.staff_a, year))
    return result, f.indicator(result, target_unit="berkas")


def _submit(client, org, plan):
    result, indicator = plan
    client.force_login(org.staff_a.user, backend=BACKEND)
    data = {
        "date": timezone.localdate().isoformat(),
        "activity": "Memverifikasi 12 berkas permohonan KTP-el",
        "target": f"{result.pk}-{indicator.pk}",
        "output_quantity": "12",
        "output_unit": "berkas",
        "minutes_spent": "120",
        "evidence_link": "",
    }
    return client.post(LIST, data)


def _wait_for(condition, what):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.25)
    pytest.fail(f"{what} did not happen within 60 s")


@pytest.mark.parametrize("broker", ["closed", "frozen"])
def test_it_stores_a_report_within_two_seconds_when_the_broker_is_out_of_reach(
    client, org, plan, broker, django_capture_on_commit_callbacks
):
    with broker_out_of_reach(broker):
        began = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True) as queued:
            response = _submit(client, org, plan)
        took = time.monotonic() - began
    assert response.status_code == 302 and response.url == LIST
    assert len(queued) == 1  # the refresh was tried, and failed without failing the request
    assert took < 2.0, took
    report = DailyReport.objects.get(staff=org.staff_a)
    scores_aggregate()
    period = StaffPeriodScore.objects.get(
        staff=org.staff_a, period__starts_on__lte=report.date, period__ends_on__gte=report.date
    )
    assert period.reports == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_refreshes_the_authors_figures_in_a_worker_after_a_report(client, org, plan, worker, monkeypatch):
    routes = app.conf.task_routes
    app.conf.task_routes = {"appraisal.tasks.*": {"queue": worker}}
    app.amqp.flush_routes()
    monkeypatch.delitem(app.amqp.__dict__, "router", raising=False)  # a router with those routes
    try:
        assert _submit(client, org, plan).status_code == 302
    finally:
        app.conf.task_routes = routes
        app.amqp.flush_routes()

    score = _wait_for(
        lambda: StaffPeriodScore.objects.filter(staff=org.staff_a, reports=1).first(), "the refresh"
    )
    assert score.reported_days == 0  # today is not over: it counts from tomorrow
    assert not UnitPeriodScore.objects.exists()  # a full run does the units

    app.send_task("appraisal.tasks.aggregate_scores", queue=worker)
    run = _wait_for(
        lambda: JobRun.objects.filter(job="aggregate-scores", status=RunStatus.SUCCEEDED).first(), "the run"
    )
    assert run.rows > 0
    assert UnitPeriodScore.objects.filter(unit=org.bidang_a).exists()
