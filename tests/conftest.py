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
