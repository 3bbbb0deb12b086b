#!/usr/bin/env bash
# The whole suite: lint, migration check, unit and HTTP tests, then browser journeys,
# on the local PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sikasn}"
export CELERY_BROKER_URL="${TEST_BROKER_URL:-redis://127.0.0.1:6379/0}"
export CACHE_URL="${TEST_CACHE_URL:-redis://127.0.0.1:6379/1}"
export TESTING=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need chromium at $CHROMIUM (Debian: apt-get install chromium)" >&2
    exit 1
  fi
fi

ruff check .
ruff format --check .
python manage.py makemigrations --check --dry-run
pytest "$@"
