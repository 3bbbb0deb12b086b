"""Settings of the gunicorn server that bench_skm_submit.py starts: the project's settings, read from
the environment as usual, with the bench URLconf (the project's URLs plus a bare one-INSERT view that
is never in the production URLconf) and a per-address post limit the bench never reaches, so that it
measures the write path and not the 429 refusals. BENCH_SKM_RATE_LIMIT overrides that limit."""

from config.settings import *  # noqa: F403
from config.settings import env

ROOT_URLCONF = "bench.skm_urls"
SKM_RATE_LIMIT = env("BENCH_SKM_RATE_LIMIT", "100000/m")
