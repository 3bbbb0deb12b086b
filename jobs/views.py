"""The job list for HR and the super admin, and "run now"."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from kombu.exceptions import OperationalError

from accounts.access import hr_required
from config.celery import app
from jobs.models import Trigger
from jobs.registry import JOBS
from jobs.selectors import job_states

logger = logging.getLogger(__name__)


@require_GET
@login_required
@hr_required
def job_list(request):
    return render(request, "jobs/job_list.html", {"states": job_states()})


@require_POST
@login_required
@hr_required
def job_start(request, name):
    """Queues the job for a worker. With the broker unreachable the page says so within the broker's
    timeouts instead of hanging; the schedule runs the job anyway."""
    job = JOBS.get(name)
    if job is None:
        raise Http404
    try:
        app.send_task(job.task, kwargs={"trigger": Trigger.SCREEN, "by_id": request.user.pk}, retry=False)
    except OperationalError:
        logger.warning("Job %s could not be queued: the broker is unreachable", name, exc_info=True)
        messages.error(
            request,
            _("“%(job)s” could not be queued: the task queue cannot be reached. It runs when scheduled.")
            % {"job": job.title},
        )
    else:
        messages.success(
            request,
            _("“%(job)s” is queued; its run shows here once a worker has taken it.") % {"job": job.title},
        )
    return redirect("jobs:job_list")
