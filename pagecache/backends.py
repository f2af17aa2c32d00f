"""Django's RedisCache, with one redis-py client kept per connection pool.

Django's own RedisCacheClient makes a new `redis.Redis` for every cache call, and redis-py 8
builds a table of ~170 response callbacks in each one: measured here, that was most of the
time a page served from the cache took (two calls a page). A `redis.Redis` is safe to share
between threads (each command takes a connection from the pool), and its pool notices a fork,
so one client per pool is enough. Key validation for memcached is skipped: Redis takes any key,
and the page cache's keys are short ASCII names or digests."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def validate_key(self, key):
        """No memcached warnings: Redis accepts any key."""
