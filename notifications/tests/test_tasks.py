"""The reminder task and its beat entry: 07:00 Asia/Jakarta (00:00 UTC), once per local day."""

from datetime import UTC, datetime, timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings

from config.celery import app
from jobs.models import JobRun, RunStatus, Trigger
from notifications.tasks import send_reminders
from notifications.tests.factories import JAKARTA


def _beat(now):
    """The beat entry's schedule with a frozen clock."""
    return crontab(hour=7, minute=0, nowfun=lambda: now, app=app)


def test_it_schedules_the_reminders_at_seven_in_the_morning_jakarta_time():
    entry = settings.CELERY_BEAT_SCHEDULE["send-reminders"]
    assert entry["task"] == send_reminders.name == "notifications.tasks.send_reminders"
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert app.conf.timezone == "Asia/Jakarta"


def test_it_is_not_due_a_minute_before_midnight_utc_and_due_just_after():
    last_run = datetime(2026, 6, 15, 0, 0, 2, tzinfo=UTC)  # Monday 07:00 WIB
    before = _beat(datetime(2026, 6, 15, 23, 59, tzinfo=UTC))  # Tuesday 06:59 WIB
    assert before.is_due(last_run) == (False, 60.0)
    assert before.remaining_estimate(last_run) == timedelta(seconds=60)
    after = _beat(datetime(2026, 6, 16, 0, 1, tzinfo=UTC))  # Tuesday 07:01 WIB
    assert after.is_due(last_run).is_due
    # Once run at 07:01 WIB, the next run is the next morning at 07:00 WIB.
    assert after.is_due(datetime(2026, 6, 16, 0, 1, tzinfo=UTC)) == (False, 24 * 3600 - 60.0)


def test_it_fires_once_per_jakarta_day_across_the_utc_date_boundary():
    """A beat ticking every minute for three days starts the task at 07:00 WIB each day, never twice."""
    started = []
    last_run = datetime(2026, 6, 14, 0, 0, tzinfo=UTC)
    tick = datetime(2026, 6, 14, 12, 0, tzinfo=UTC)
    while tick < datetime(2026, 6, 17, 12, 0, tzinfo=UTC):
        if _beat(tick).is_due(last_run).is_due:
            started.append(tick.astimezone(JAKARTA))
            last_run = tick
        tick += timedelta(minutes=1)
    assert [(moment.date().isoformat(), moment.strftime("%H:%M")) for moment in started] == [
        ("2026-06-15", "07:00"),
        ("2026-06-16", "07:00"),
        ("2026-06-17", "07:00"),
    ]


@pytest.mark.django_db
def test_it_runs_the_job_and_records_the_run():
    rows = send_reminders()
    run = JobRun.objects.get()
    assert (run.job, run.trigger, run.status, run.rows) == (
        "send-reminders",
        Trigger.SCHEDULE,
        RunStatus.SUCCEEDED,
        rows,
    )
