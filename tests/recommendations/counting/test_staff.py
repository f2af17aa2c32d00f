"""Staff browsing the public site are not readers: a click or a beacon from a browser with a
live session of an active staff user is answered as any other and not counted. The session is
read only when its cookie came, from the session store (never `request.session`), so the answer
still varies by nothing and sets no cookie."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.counting.visitors import staff_session
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import READER, nothing_counted, slot_days, token_of
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def token():
    return token_of(ArticleFactory(title="The source"), [ArticleFactory(title="The target")])


def click_and_beacon(client, token):
    answers = [
        client.get(f"/r/{token}/1/", headers=READER),
        client.post("/r/seen/", token, content_type="text/plain", headers=READER),
    ]
    assert [answer.status_code for answer in answers] == [302, 204]
    for answer in answers:
        assert not answer.cookies and "Set-Cookie" not in answer
        assert "Cookie" not in answer.get("Vary", "")
        assert not answer.wsgi_request.session.accessed
    return answers


@pytest.mark.parametrize("role", ["Editor", "Moderator", "Contributor"])
def test_staff_logged_in_are_redirected_and_not_counted(client, token, role):
    staff_in(client, role)
    click_and_beacon(client, token)
    assert nothing_counted()


def test_a_superuser_is_staff_too(client, token):
    client.force_login(User.objects.create_superuser("boss", is_staff=True))
    click_and_beacon(client, token)
    assert nothing_counted()


def test_a_logged_in_user_who_is_not_staff_is_a_reader(client, token):
    client.force_login(User.objects.create_user("reader"))
    click_and_beacon(client, token)
    assert [row[3:] for row in slot_days()] == [(1, 1)]


def test_a_deactivated_staff_member_is_a_reader(client, token):
    user = staff_in(client, "Editor")
    User.objects.filter(pk=user.pk).update(is_active=False)
    click_and_beacon(client, token)
    assert [row[3:] for row in slot_days()] == [(1, 1)]


def test_after_logging_out_staff_are_readers_and_the_old_cookie_is_left_alone(client, token):
    staff_in(client, "Editor")
    old = client.cookies["sessionid"].value
    client.logout()
    client.cookies["sessionid"] = old  # a stale cookie: its session is gone
    click_and_beacon(client, token)
    assert [row[3:] for row in slot_days()] == [(1, 1)]


@pytest.mark.parametrize("value", ["", "nonsense", "x" * 5000, "'; DROP TABLE x; --", "é\u0000"])
def test_a_cookie_naming_no_session_is_a_reader(value):
    assert staff_session(value) is False


def test_without_a_session_cookie_no_session_is_read():
    with CaptureQueriesContext(connection) as queries:
        assert staff_session(None) is False
    assert len(queries) == 0


def test_a_session_cookie_costs_two_reads_at_most(client):
    staff_in(client, "Editor")
    with CaptureQueriesContext(connection) as queries:
        assert staff_session(client.cookies["sessionid"].value) is True
    assert len(queries) == 2
