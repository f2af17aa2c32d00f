import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block leaves for after the commit."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def site_settings(db):
    """The settings row exists, as on any site that has served a page."""
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    return SiteSettings.current()
