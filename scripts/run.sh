#!/usr/bin/env bash
# Migrates, loads the demo agencies and runs web, Celery worker and beat together.
# Uses DATABASE_URL / CELERY_BROKER_URL when set, else embedded SQLite and a filesystem broker.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

python manage.py migrate --noinput
python manage.py seed_demo

celery -A config worker --beat --loglevel INFO --concurrency 2 &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT INT TERM

echo "SIKASN is starting at http://127.0.0.1:8000 (sign-ins are listed in README.md)"
python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
