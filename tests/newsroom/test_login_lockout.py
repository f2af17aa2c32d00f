"""Repeated failed admin logins lock out a username from one address (django-axes), counted
in the database, with the client's address taken from our own proxy's entry only."""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from security.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-7"
ATTACKER = "198.51.100.23"
NGINX = "172.18.0.5"


@pytest.fixture
def editor():
    user = User(username="editor", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, password, *, remote_addr=ATTACKER, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": "editor", "password": password},
        **headers,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_lockouts_are_stored_in_the_database_per_username_and_address():
    """Every process and restart sees the same count: never one process's memory."""
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE


def test_five_wrong_passwords_lock_out_even_the_right_one(client, editor):
    """After 5 failures the 6th try is refused with 429 and the lockout page, right password
    or not."""
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "wrong").status_code == 429

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert "paused for 15 minutes" in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not logged_in(client)
    attempt = AccessAttempt.objects.get(username="editor")
    # The refused try counts as well (and starts the cool-off again).
    assert (attempt.ip_address, attempt.failures_since_start) == (ATTACKER, 6)


def test_four_wrong_passwords_do_not_lock_out(client, editor):
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_same_username_from_another_address_still_logs_in(client, editor):
    """The lockout is per username and address: an attacker cannot lock the editor out."""
    for _ in range(5):
        log_in(client, "wrong")

    response = log_in(client, PASSWORD, remote_addr="203.0.113.9")

    assert response.status_code == 302
    assert logged_in(client)


def test_the_lockout_ends_after_the_cool_off(client, editor):
    for _ in range(5):
        log_in(client, "wrong")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        assert log_in(client, PASSWORD).status_code == 302


def test_behind_nginx_a_forged_forwarded_for_does_not_get_round_the_lockout(
    client, editor, settings
):
    """nginx appends the real client's address to X-Forwarded-For; the attacker's own entries
    (a different one on each try) stand to its left and change nothing."""
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        log_in(client, "wrong", remote_addr=NGINX, forwarded_for=f"1.2.3.{attempt}, {ATTACKER}")

    response = log_in(client, PASSWORD, remote_addr=NGINX, forwarded_for=f"1.2.3.99, {ATTACKER}")

    assert response.status_code == 429
    assert AccessAttempt.objects.get(username="editor").ip_address == ATTACKER


def test_behind_nginx_the_editor_at_another_address_still_logs_in(client, editor, settings):
    """The proxy's own address is not what is locked out: every client behind it is not."""
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        log_in(client, "wrong", remote_addr=NGINX, forwarded_for=ATTACKER)

    response = log_in(client, PASSWORD, remote_addr=NGINX, forwarded_for="203.0.113.9")

    assert response.status_code == 302


def test_without_a_proxy_the_forwarded_for_header_is_ignored(client, editor, settings):
    """With TRUSTED_PROXY_COUNT=0 (development), X-Forwarded-For neither frees the attacker nor
    locks out the address it names."""
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(5):
        log_in(client, "wrong", forwarded_for=f"1.2.3.{attempt}")
    assert log_in(client, PASSWORD, forwarded_for="203.0.113.9").status_code == 429

    response = log_in(client, PASSWORD, remote_addr="203.0.113.9", forwarded_for=ATTACKER)

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (0, None, "10.0.0.2"),
        (0, "203.0.113.7", "10.0.0.2"),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4,5.6.7.8,  203.0.113.7", "203.0.113.7"),
        (1, "not-an-address, 2001:db8::1", "2001:db8::1"),
        (1, None, "10.0.0.2"),  # not through the proxy: the connection's own address
        (1, "1.2.3.4, garbage", "10.0.0.2"),
        (2, "1.2.3.4, 203.0.113.7, 192.0.2.10", "203.0.113.7"),  # a CDN, then nginx
        (2, "203.0.113.7", "10.0.0.2"),
    ],
)
def test_client_ip_is_our_proxys_entry_counted_from_the_right(
    settings, count, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    headers = {"REMOTE_ADDR": "10.0.0.2"}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert client_ip(RequestFactory().get("/", **headers)) == expected
