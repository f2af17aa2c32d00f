import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block leaves for after the commit, as a real commit
    would (tests run inside a transaction that is never committed)."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def site_settings(db):
    """The settings row exists, as on any site that has served a page (its creation on first
    use is a change, which rightly keeps the page built meanwhile out of the cache)."""
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    return SiteSettings.current()
