"""The site survives its database going away: production's server (gunicorn, DEBUG off, page
cache off) on a throwaway PostgreSQL that these tests stop and start again (tests/health/
fault_site.py). The shared PostgreSQL server is never touched."""

import json
import time

import pytest

from tests.health.fault_site import FaultSite

DOWN_WITHIN_S = 5
BACK_WITHIN_S = 10
FRIENDLY = "Back in a moment"


@pytest.fixture(scope="module")
def site(postgres, tmp_path_factory):
    site = FaultSite(postgres, tmp_path_factory.mktemp("fault-site"))
    try:
        site.prepare()
        site.start()
        yield site
    finally:
        site.stop()


@pytest.fixture
def running(site, postgres):
    """Each test starts with the database up (whatever an earlier failure left)."""
    if not postgres.running():
        postgres.start()
    return site


def until(site, path: str, status: int, within_s: float) -> float:
    """Seconds until GET path answers status; fails after within_s."""
    started = time.monotonic()
    while True:
        answer = site.get(path, timeout=within_s)
        elapsed = time.monotonic() - started
        if answer.status == status:
            return elapsed
        assert elapsed < within_s, f"{path} still {answer.status} after {elapsed:.1f} s"
        time.sleep(0.1)


def test_readyz_follows_the_database(running, postgres):
    """/readyz: 200 while the database answers, 503 with the reason while it does not, 200
    again once it is back; /healthz stays 200 throughout (nothing restarts the process)."""
    site = running
    assert site.get("/readyz").status == 200

    postgres.stop()
    answer = site.get("/readyz")
    assert answer.status == 503
    assert json.loads(answer.body) == {
        "status": "unavailable",
        "database": "not answering (OperationalError)",
    }
    assert answer.headers["Cache-Control"] == "no-store"
    assert site.get("/healthz").status == 200

    postgres.start()
    until(site, "/readyz", 200, BACK_WITHIN_S)


def test_pages_are_a_friendly_503_while_the_database_is_down_then_come_back(running, postgres):
    site = running
    boots = site.log_text().count("Booting worker")
    assert site.get(site.article_path).status == 200

    postgres.stop()
    started = time.monotonic()
    answer = site.get(site.article_path, timeout=DOWN_WITHIN_S)
    to_503 = time.monotonic() - started
    assert answer.status == 503, answer.text()[:500]
    assert to_503 < DOWN_WITHIN_S
    assert FRIENDLY in answer.text()
    assert answer.headers["Retry-After"] == "30"
    assert answer.headers["Cache-Control"] == "no-store"
    # Both workers, and a logged-in visitor (whose session cannot be loaded).
    assert site.get(site.article_path).status == 503
    assert site.get(site.article_path, headers={"Cookie": "sessionid=abc"}).status == 503
    assert site.get("/healthz").status == 200
    assert site.get("/readyz").status == 503

    postgres.start()
    to_200 = until(site, site.article_path, 200, BACK_WITHIN_S)
    assert FRIENDLY not in site.get(site.article_path).text()

    print(f"database down: 503 in {to_503:.2f} s; database back: 200 in {to_200:.2f} s")
    assert site.alive()
    if site.gunicorn:  # the same workers throughout: none crashed or was replaced
        assert site.log_text().count("Booting worker") == boots


def test_each_failure_is_one_json_log_line_without_a_traceback(running, postgres):
    site = running
    postgres.stop()
    try:
        assert site.get("/artists/").status == 503
    finally:
        postgres.start()

    log = site.log_text()
    records = [json.loads(line) for line in log.splitlines() if line.startswith('{"time"')]
    failures = [
        record
        for record in records
        if record.get("message", "").startswith("Database unavailable")  # not access lines
    ]
    assert any(record["path"] == "/artists/" and record["status"] == 503 for record in failures)
    assert all(record["level"] == "ERROR" and record["logger"] == "health" for record in failures)
    assert "Traceback" not in log
