"""/healthz (the process answers) and /readyz (the database answers), on the test database."""

import pytest
from django.urls import reverse

from tests.health.outage import database_down

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_the_database(client, django_assert_num_queries):
    """200 "ok", no query, no cookie, never cached: even with every query failing."""
    with database_down(), django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies and "Vary" not in response


def test_readyz_answers_ok_when_the_database_does(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_answers_503_with_the_reason_when_the_database_does_not(client, caplog):
    """The reason names the error, not the server's address (the probe may be public)."""
    with database_down():
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "not answering (OperationalError)",
    }
    assert "127.0.0.1" not in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    # One line with the details, and no second one from Django for the 503.
    [record] = [record for record in caplog.records if record.name in {"health", "django.request"}]
    assert record.name == "health" and "Connection refused" in record.getMessage()


def test_probes_answer_any_host_and_never_redirect(client, settings):
    """A probe from inside a container says Host: 127.0.0.1:8000, which production's
    ALLOWED_HOSTS refuses: the probes answer it anyway (their answers name no host)."""
    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.PREPEND_WWW = True
    for path in ("/healthz", "/readyz"):
        assert client.get(path, HTTP_HOST="127.0.0.1:8000").status_code == 200
    assert client.get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400  # pages do not


def test_probes_have_names():
    assert reverse("health:healthz") == "/healthz"
    assert reverse("health:readyz") == "/readyz"
