"""With the database gone, every page is a friendly 503 made without it, logged in one line."""

import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from tests.factories import ArticleFactory
from tests.health.outage import database_down

pytestmark = pytest.mark.django_db

FRIENDLY = "Back in a moment"


@pytest.fixture
def article():
    return ArticleFactory(slug="kept-article")


def assert_friendly_503(response):
    assert response.status_code == 503
    assert FRIENDLY in response.content.decode()
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")


def health_records(caplog):
    return [record for record in caplog.records if record.name == "health"]


def test_a_page_is_a_friendly_503_when_no_query_works(client, article, caplog):
    """The request's transaction cannot even start (ATOMIC_REQUESTS): the 503 page itself
    needs no query, and one line, without a traceback, says what happened."""
    with caplog.at_level(logging.INFO), database_down():
        response = client.get(article.get_absolute_url())

    assert_friendly_503(response)
    [record] = health_records(caplog)
    assert record.levelno == logging.ERROR and record.exc_info is None
    assert record.status_code == 503
    assert "/articles/kept-article/" in record.getMessage()
    assert "Connection refused" in record.getMessage()
    assert not [record for record in caplog.records if record.name == "django.request"]


def test_an_error_while_the_template_renders_is_a_503(client, article):
    """The site settings read by a context processor while the page renders."""
    down = OperationalError("server closed the connection unexpectedly")
    with mock.patch("sitesettings.models.SiteSettings.current", side_effect=down):
        response = client.get(article.get_absolute_url())
    assert_friendly_503(response)


def test_a_dropped_connection_is_a_503_too(client, article):
    """InterfaceError: psycopg2's "connection already closed"."""
    with database_down(InterfaceError("connection already closed")):
        response = client.get(article.get_absolute_url())
    assert_friendly_503(response)


def test_a_logged_in_visitor_gets_the_503_when_their_session_cannot_load(
    article, django_user_model, caplog
):
    """The session and user are loaded by middleware (the page cache asks who is logged in),
    outside the view: handler500 gives the same page, and Django logs no traceback."""
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.create_user("reader", password="unused-pw-1"))
    with caplog.at_level(logging.INFO), database_down():
        response = client.get(article.get_absolute_url())

    assert_friendly_503(response)
    assert len(health_records(caplog)) == 1
    assert not [record for record in caplog.records if record.name == "django.request"]


def test_the_503_needs_no_debug_switch(client, article, settings):
    """With DEBUG on, a view's database error gets the same page (not Django's debug page)."""
    settings.DEBUG = True
    with database_down():
        response = client.get(article.get_absolute_url())
    assert_friendly_503(response)


def test_other_errors_stay_a_500(article, caplog):
    """A bug is not an outage: the 500 page, and Django's error log with the traceback."""
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.INFO), database_down(ValueError("a bug")):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert not health_records(caplog)
    [record] = [record for record in caplog.records if record.name == "django.request"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
