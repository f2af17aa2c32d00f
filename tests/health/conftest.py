import os
import runpy
from pathlib import Path

import pytest

from bench.shared.pg_cluster import PostgresCluster, PostgresUnavailable

ROOT = Path(__file__).resolve().parents[2]


def cluster_or_skip() -> PostgresCluster:
    """A throwaway PostgreSQL (not yet started). Without the server binaries, or a way to run
    them, the test is skipped with the reason, or fails when $NEWSROOM_REQUIRE_POSTGRES_TOOLS is
    set (CI sets it)."""
    try:
        return PostgresCluster()
    except PostgresUnavailable as error:
        message = f"{error} These tests start and stop a PostgreSQL server of their own."
        if os.environ.get("NEWSROOM_REQUIRE_POSTGRES_TOOLS"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def postgres():
    """A started throwaway PostgreSQL, stopped and deleted after the module's tests."""
    with cluster_or_skip() as cluster:
        yield cluster


@pytest.fixture
def read_settings(monkeypatch, tmp_path):
    """newsroom/settings.py read afresh with the given variables."""

    def read(**variables):
        for name in (
            "DEBUG",
            "LOG_FORMAT",
            "DATABASE_URL",
            "NEWSROOM_WEB_PROCESS",
            "DATABASE_STATEMENT_TIMEOUT_MS",
        ):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-that-is-long-enough-for-the-test")
        monkeypatch.setenv("ALLOWED_HOSTS", "www.example.org")
        monkeypatch.setenv("NEWSROOM_VAR_DIR", str(tmp_path / "var"))
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(ROOT / "newsroom" / "settings.py"))

    return read
