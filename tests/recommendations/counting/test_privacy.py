"""Counting without cookies and without personal data: after clicks and beacons from a reader
with a recognisable address and browser, no row of any table holds either, the daily sums
have no column that could, no response set a cookie or varied by one, and no session was made
(a session cookie is looked up, to tell staff, and nothing of it is kept: test_staff.py)."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection

from recommendations.models import ExperimentDay, SlotDay
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import slot_days, three_targets, token_of

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Zq7Marker/4.2"
)
MARKERS = (ADDRESS, FORWARDED, "Zq7Marker", "a-readers-cookie-value")


@pytest.fixture
def reader(client):
    client.cookies["sessionid"] = "a-readers-cookie-value"  # sent; looked up, never stored
    client.cookies["csrftoken"] = "a-readers-cookie-value"
    headers = {"User-Agent": AGENT, "X-Forwarded-For": FORWARDED}
    return client, headers


def every_value_in_the_database() -> str:
    """The text of every row of every table."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            # Safe: the table names come from the database's own catalogue and are quoted by
            # its quote_name; nothing from a request is in this statement.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_no_table_holds_the_readers_address_browser_or_cookie(reader):
    client, headers = reader
    source, targets = ArticleFactory(), three_targets()
    token = token_of(source, targets)
    sessions = Session.objects.count()
    for _ in range(2):
        answers = [
            client.get(f"/r/{token}/2/", headers=headers, REMOTE_ADDR=ADDRESS),
            client.post(
                "/r/seen/", token, content_type="text/plain", headers=headers,
                REMOTE_ADDR=ADDRESS,
            ),
        ]  # fmt: skip
        assert [answer.status_code for answer in answers] == [302, 204]
        for answer in answers:
            assert not answer.cookies and "Set-Cookie" not in answer
            assert "Cookie" not in answer.get("Vary", "")
            assert not getattr(answer.wsgi_request, "session", None) or (
                not answer.wsgi_request.session.accessed
            )
    assert slot_days() == [
        (1, targets[0].pk, "suggested", 2, 0),
        (2, targets[1].pk, "suggested", 2, 2),
        (3, targets[2].pk, "suggested", 2, 0),
    ]
    everything = every_value_in_the_database()
    assert str(targets[1].pk) in everything  # the scan does see the rows
    for marker in MARKERS:
        assert marker not in everything
    assert Session.objects.count() == sessions == 0


def test_the_daily_sums_have_no_column_that_could_name_a_reader():
    assert {field.name for field in SlotDay._meta.concrete_fields} == {
        "id", "day", "source", "target", "position", "kind", "impressions", "clicks",
    }  # fmt: skip
    assert {field.name for field in ExperimentDay._meta.concrete_fields} == {
        "id", "experiment", "day", "source", "team", "impressions", "clicks",
    }  # fmt: skip
