"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's client builds a new redis.Redis for every cache call, and building one (its table of
command callbacks) costs more CPU than the call's round trip to Redis. The public survey form counts
every post in the cache, so this shows in how many answers a server takes per second. The clients
share the connection pools Django keeps already; a redis-py client is safe to share between threads,
and its pool opens new connections in a process forked from the one that made it.
"""

from django.core.cache.backends import redis


class SharedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
