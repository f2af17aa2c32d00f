import pytest

from tests.links import fakeweb


@pytest.fixture
def checker_settings(settings):
    """Short timeouts and a high rate limit: the tests measure classification, not patience.
    The tests of the limit set their own."""
    # Long enough for a loaded machine to answer (a fresh clone's `make test` missed 0.5 s once),
    # short of fakeweb's slow pages (2 s).
    settings.LINK_CHECK_TIMEOUT = 1.5
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


def _forget_task_backends():
    from asgiref.local import Local  # noqa: PLC0415 (only these fixtures rebuild the handler)
    from django.tasks import task_backends  # noqa: PLC0415

    task_backends._settings = None
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def queue(settings):
    """A real queue (tasks run later, elsewhere): Django's DummyBackend, which keeps what is
    enqueued in memory and runs nothing."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    _forget_task_backends()
    from django.tasks import task_backends  # noqa: PLC0415

    yield task_backends["default"]
    _forget_task_backends()
