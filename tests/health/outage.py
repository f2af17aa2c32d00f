"""The database going away, inside the test process: every query raises what Django raises when
PostgreSQL refuses or drops connections."""

from contextlib import contextmanager
from unittest import mock

from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

MESSAGE = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'


@contextmanager
def database_down(error: Exception | None = None):
    error = error or OperationalError(MESSAGE)
    with (
        mock.patch.object(CursorWrapper, "_execute", side_effect=error),
        mock.patch.object(CursorWrapper, "_executemany", side_effect=error),
    ):
        yield
