"""PostgreSQL connections never make a request wait long (newsroom/settings.py)."""

import socket
import time
from contextlib import contextmanager

import psycopg2
import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler


def test_postgresql_connections_time_out(read_settings):
    """Connecting gives up after DATABASE_CONNECT_TIMEOUT s; statements after
    DATABASE_STATEMENT_TIMEOUT_MS (PostgreSQL cancels them)."""
    url = "postgres://newsroom@db:5432/newsroom"
    options = read_settings(DATABASE_URL=url, NEWSROOM_WEB_PROCESS="1")["DATABASES"]["default"][
        "OPTIONS"
    ]
    assert options["connect_timeout"] == 3
    assert options["options"] == "-c statement_timeout=15000"

    options = read_settings(
        DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="5", DATABASE_STATEMENT_TIMEOUT_MS="0"
    )["DATABASES"]["default"]["OPTIONS"]
    assert options == {"connect_timeout": 5, "options": "-c statement_timeout=0"}


def test_sqlite_gets_no_postgresql_options(read_settings):
    assert "connect_timeout" not in read_settings()["DATABASES"]["default"].get("OPTIONS", {})


@contextmanager
def django_connection(settings_dict: dict):
    """A Django connection of its own to the database these settings name."""
    handler = ConnectionHandler({"default": settings_dict})
    try:
        yield handler["default"]
    finally:
        handler.close_all()


@contextmanager
def silent_server():
    """An address that accepts TCP connections and never says a word: a stuck server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_connecting_to_a_stuck_server_gives_up_in_time(read_settings, django_db_blocker):
    """An OperationalError (so the friendly 503) after DATABASE_CONNECT_TIMEOUT, not a hang."""
    with silent_server() as port:
        database = read_settings(
            DATABASE_URL=f"postgres://newsroom@127.0.0.1:{port}/newsroom",
            DATABASE_CONNECT_TIMEOUT="2",
        )["DATABASES"]["default"]
        started = time.monotonic()
        with (
            django_db_blocker.unblock(),
            django_connection(database) as connection,
            pytest.raises(OperationalError),
        ):
            connection.ensure_connection()
    assert 1.5 < time.monotonic() - started < 4


def test_a_statement_past_the_timeout_is_cancelled(read_settings, postgres):
    """PostgreSQL cancels it with an error Django raises as OperationalError (so the friendly
    503), rather than keeping a worker busy."""
    database = read_settings(
        DATABASE_URL=postgres.url("postgres"), DATABASE_STATEMENT_TIMEOUT_MS="200"
    )["DATABASES"]["default"]
    connection = psycopg2.connect(
        host=database["HOST"],
        port=database["PORT"],
        user=database["USER"],
        dbname=database["NAME"],
        **database["OPTIONS"],
    )
    started = time.monotonic()
    try:
        with connection.cursor() as cursor, pytest.raises(psycopg2.OperationalError) as raised:
            cursor.execute("SELECT pg_sleep(5)")
    finally:
        connection.close()
    assert time.monotonic() - started < 2
    assert "statement timeout" in str(raised.value)
