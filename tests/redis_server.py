"""A Redis server for the tests that need one: $NEWSROOM_TEST_REDIS_URL, or the local one on
its usual port. Without one those tests are skipped with the reason, or fail when
$NEWSROOM_REQUIRE_REDIS is set (CI sets it). Every call is bounded by a one-second timeout."""

import os
import uuid

import pytest

URL = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_url_or_skip() -> str:
    import redis  # noqa: PLC0415

    try:
        redis.Redis.from_url(URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        message = f"Redis is not answering at {URL} ({error}); set NEWSROOM_TEST_REDIS_URL."
        if os.environ.get("NEWSROOM_REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)
    return URL


def redis_caches(url: str) -> tuple[dict, str]:
    """CACHES for a RedisCache with a prefix of its own (the prefix is returned too)."""
    prefix = f"newsroom-test-{uuid.uuid4().hex[:12]}"
    return {
        "default": {
            "BACKEND": "pagecache.backends.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }, prefix


def delete_prefixed(url: str, prefix: str) -> None:
    import redis  # noqa: PLC0415

    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    names = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if names:
        client.delete(*names)
