"""The statement timeout guards web requests only: commands and the worker run long statements
on purpose (a migrate, an import, a rebuild of the recommendations)."""

from pathlib import Path

import pytest

URL = "postgres://newsroom@db:5432/newsroom"


@pytest.fixture
def statement_timeout(read_settings):
    def read(**variables) -> str:
        settings = read_settings(DATABASE_URL=URL, **variables)
        return settings["DATABASES"]["default"]["OPTIONS"]["options"]

    return read


def test_web_processes_get_fifteen_seconds(statement_timeout):
    assert statement_timeout(NEWSROOM_WEB_PROCESS="1") == "-c statement_timeout=15000"


def test_commands_and_the_worker_get_no_limit(statement_timeout):
    assert statement_timeout() == "-c statement_timeout=0"


def test_an_explicit_value_applies_everywhere(statement_timeout):
    assert statement_timeout(DATABASE_STATEMENT_TIMEOUT_MS="2000") == "-c statement_timeout=2000"
    unlimited = statement_timeout(NEWSROOM_WEB_PROCESS="1", DATABASE_STATEMENT_TIMEOUT_MS="0")
    assert unlimited == "-c statement_timeout=0"


def test_the_wsgi_entry_point_marks_a_web_process():
    wsgi = Path(__file__).resolve().parents[2] / "newsroom" / "wsgi.py"
    assert 'os.environ.setdefault("NEWSROOM_WEB_PROCESS", "1")' in wsgi.read_text()
