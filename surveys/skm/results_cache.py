"""The SKM figures kept in the cache by the periodic task (surveys.tasks.refresh_survey_aggregates).

Quick reads for other screens or reports; the result screens never read them and compute live.
"""

from collections import defaultdict
from datetime import date

from django.core.cache import cache

from surveys.models import Service
from surveys.skm.results import Summary, Window, summaries, windows_for

CACHE_PREFIX = "skm:summary"
CACHE_SECONDS = 2 * 24 * 3600


def _cache_key(service_id: int, window: Window) -> str:
    return f"{CACHE_PREFIX}:{service_id}:{window.cache_key}"


def _plain(summary: Summary) -> dict:
    return {
        "respondents": summary.respondents,
        "flagged": summary.flagged,
        "ikm": None if summary.ikm_shown is None else str(summary.ikm_shown),
        "converted": None if summary.converted is None else str(summary.converted),
        "mutu": summary.mutu.value if summary.mutu else "",
        "people_served": summary.people_served,
        "minimum_sample": summary.minimum_sample,
    }


def cached_summary(service_id: int, window: Window) -> dict | None:
    """The figures the periodic task stored, or None; screens never depend on them."""
    return cache.get(_cache_key(service_id, window))


def aggregates_refresh(*, today: date | None = None) -> int:
    """Stores in the cache the figures of every service with a questionnaire, for each period of its
    agency's current year and the whole year. Idempotent; returns the number of entries stored."""
    stored = 0
    service_ids = defaultdict(list)
    for service_id, agency_id in (
        Service.objects.filter(survey_templates__isnull=False).distinct().values_list("pk", "agency_id")
    ):
        service_ids[agency_id].append(service_id)
    for agency_id, ids in service_ids.items():
        windows = windows_for(agency_id, today=today)
        for window in windows.all:
            found = summaries(ids, window)
            cache.set_many(
                {_cache_key(pk, window): _plain(summary) for pk, summary in found.items()},
                timeout=CACHE_SECONDS,
            )
            stored += len(found)
    return stored
