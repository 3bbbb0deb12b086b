"""Queueing a task after a write, without ever letting the broker fail the write or hold it up."""

import logging
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def _send(task, args):
    try:
        task.apply_async(args, retry=False)
    except OperationalError:
        logger.warning("Task %s was not queued: the broker is unreachable", task.name, exc_info=True)


def enqueue_on_commit(task, *args) -> None:
    """Queues the task once the current transaction commits. A stopped or frozen broker costs the
    request at most its timeouts (about 2 s) and is only logged: the write stands, and the periodic
    job that does the same work picks it up on its next run."""
    transaction.on_commit(partial(_send, task, args))
