"""Production settings: refuse to start when unsafe, pass Django's deploy checks, send a strict CSP."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "APP_ENV": "production",
    "SECRET_KEY": "k3J9-vq2!xZ8mN4pL7rT1wY6bH0cF5dG-aS3eQ9uI2oP8lK7jM4nB1vC6xZ0",
    "ALLOWED_HOSTS": "kinerja.dumaikota.go.id",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "APP_ENV"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_the_deploy_checks_in_production():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_it_refuses_to_start_in_production_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_it_refuses_to_start_in_production_with_debug_on():
    result = run_manage("check", **PRODUCTION_ENV, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_it_keeps_database_connections_in_production():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) >= 60


def test_it_sends_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_it_serves_pages_without_inline_scripts(client, db):
    body = client.get(reverse("accounts:login")).content.decode()
    assert "<script>" not in body
    assert "onclick=" not in body
