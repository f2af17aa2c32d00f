"""The version a benchmark's entry gives for its database, read by constant SQL
(bench/shared/database.py)."""

import inspect
import re

import pytest
from django.db import connection

from bench.shared.database import database_version

pytestmark = pytest.mark.django_db


def test_it_is_the_server_s_own_version():
    version = database_version(connection)

    assert re.fullmatch(r"\d+(\.\d+)+", version)
    if connection.vendor == "sqlite":
        assert version == connection.Database.sqlite_version
    else:
        major = connection.pg_version // 10000
        assert version.split(".")[0] == str(major)


def test_nothing_but_the_connection_reaches_it():
    """Its statements are constant: the only input is the connection, never a value of ours."""
    assert list(inspect.signature(database_version).parameters) == ["connection"]
