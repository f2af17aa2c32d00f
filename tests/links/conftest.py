import pytest

from tests.links import fakeweb


@pytest.fixture
def checker_settings(settings):
    """Short timeouts and a high rate limit: the tests measure classification, not patience.
    The tests of the limit set their own."""
    settings.LINK_CHECK_TIMEOUT = 0.5
    settings.LINK_CHECK_PER_HOST_PER_MINUTE = 1000
    settings.LINK_CHECK_CONNECTIONS = 4
    settings.LINK_CHECK_RUN_SECONDS = 20
    settings.LINK_CHECK_SITE_URL = "https://newsroom.example"
    settings.LINK_CHECK_CONTACT = "links@newsroom.example"
    return settings


@pytest.fixture
def web(checker_settings):
    server = fakeweb.serve(slow_seconds=2.0)
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def soft_web(checker_settings):
    server = fakeweb.serve(soft=True)
    yield server
    server.server.shutdown()
    server.server.server_close()
