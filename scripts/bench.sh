#!/usr/bin/env bash
# Benchmarks on the local PostgreSQL; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sikasn_bench}"
export CELERY_BROKER_URL="${BENCH_BROKER_URL:-redis://127.0.0.1:6379/0}"

python - <<'PY'
import os
import psycopg2
from urllib.parse import urlparse

url = urlparse(os.environ["DATABASE_URL"])
admin = psycopg2.connect(host=url.hostname, port=url.port or 5432, user=url.username, dbname="postgres")
admin.autocommit = True
with admin.cursor() as cur:
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [url.path.lstrip("/")])
    if cur.fetchone() is None:
        cur.execute(f'CREATE DATABASE "{url.path.lstrip("/")}"')
PY
python manage.py migrate --noinput -v0
for script in bench/bench_*.py; do
  echo "== $script"
  python "$script"
done
