import time

from django.urls import reverse

from config import health


def test_it_reports_database_and_broker_healthy(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_it_reports_a_broker_that_is_down_quickly(client, db, monkeypatch):
    monkeypatch.setattr(health.app.conf, "broker_write_url", "redis://127.0.0.1:1/0")
    started = time.monotonic()
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"] == "fail"
    assert response.json()["database"] == "ok"
    assert time.monotonic() - started < 3
