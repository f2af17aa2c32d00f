import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, settings

# Property-based tests (tests/hostile/): a modest number of examples in `make test`; many more
# with `pytest --hypothesis-profile=deep`. No deadline: these machines are shared and noisy, and
# an example renders a dozen pages.
_unhealthy = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "default", max_examples=12, deadline=None, suppress_health_check=_unhealthy
)
settings.register_profile("deep", max_examples=400, deadline=None, suppress_health_check=_unhealthy)
settings.load_profile("default")


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
