"""The Redis cache as the project configures it (CACHE_URL): every operation the project relies on
works, across threads, with one redis-py client per connection pool."""

import threading
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches

pytestmark = pytest.mark.skipif(
    settings.CACHES["default"]["BACKEND"] != "config.cache.RedisCache", reason="CACHE_URL not set"
)


@pytest.fixture
def cache():
    return caches["default"]


def test_it_stores_reads_and_counts_like_djangos_redis_cache(cache):
    key = f"test-cache-{uuid.uuid4()}"
    assert cache.add(key, 1, 60) is True
    assert cache.add(key, 5, 60) is False
    assert cache.incr(key) == 2
    cache.set(f"{key}-dict", {"a": [1, 2]}, 60)
    assert cache.get_many([key, f"{key}-dict"]) == {key: 2, f"{key}-dict": {"a": [1, 2]}}
    cache.delete_many([key, f"{key}-dict"])
    assert cache.get(key) is None


def test_it_keeps_one_client_for_every_call_and_thread(cache):
    clients = []

    def read():
        clients.append(cache._cache.get_client(write=True))
        cache.get("test-cache-unused")

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(clients) == 8 and len({id(client) for client in clients}) == 1
