import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so cached rows never outlive a rolled-back test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def page_cache_off(settings):
    """Query budgets are the cost of building a page: measured with the page cache off (a
    cached page costs no query at all; tests/pagecache/ covers that)."""
    settings.PAGE_CACHE = False
