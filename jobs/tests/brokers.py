"""A broker out of reach for tests: a closed port (Redis stopped) or a port that accepts connections
and never answers (Redis frozen)."""

import socket
import threading
from contextlib import contextmanager

from config.celery import app


def _use_broker(url):
    """Points the app at another broker; its connection pools are made anew (as after a fork)."""
    app.conf.broker_write_url = url
    app._pool = None
    app.amqp._producer_pool = None


def _silent_port():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []  # keeps the accepted connection open, and silent
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    return server


@contextmanager
def broker_out_of_reach(kind):
    """While inside, tasks are sent to a broker that is "closed" or "frozen"."""
    server = None
    if kind == "closed":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    else:
        server = _silent_port()
        port = server.getsockname()[1]
    previous = app.conf.broker_write_url
    _use_broker(f"redis://127.0.0.1:{port}/0")
    try:
        yield
    finally:
        _use_broker(previous)
        if server:
            server.close()
