"""manage.py demo_login: the logins `make run` prints."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def printed_passwords(out: str) -> dict[str, str]:
    return dict(re.findall(r"(editor|contributor|moderator)\s+with password\s+(\S+)", out))


def test_prints_logins_that_work(client, settings):
    """The printed editor, contributor and moderator passwords log in to the admin."""
    settings.DEBUG = True
    out = io.StringIO()
    call_command("demo_login", stdout=out)

    passwords = printed_passwords(out.getvalue())
    assert set(passwords) == {"editor", "contributor", "moderator"}
    for username, password in passwords.items():
        # Through the admin's login form, as a person does (and past the login lockout's
        # backend, which needs the request that client.login() does not give it).
        credentials = {"username": username, "password": password}
        assert client.post(reverse("admin:login"), credentials).status_code == 302
        assert client.get("/admin/").status_code == 200
        client.logout()
    User = get_user_model()
    assert User.objects.get(username="editor").is_superuser
    moderator = User.objects.get(username="moderator")
    assert not moderator.is_superuser
    assert list(moderator.groups.values_list("name", flat=True)) == ["Moderator"]
    contributor = User.objects.get(username="contributor")
    assert list(contributor.groups.values_list("name", flat=True)) == ["Contributor"]


def test_passwords_are_new_each_time(settings):
    """A second start prints different passwords: none is fixed."""
    settings.DEBUG = True
    first, second = io.StringIO(), io.StringIO()
    call_command("demo_login", stdout=first)
    call_command("demo_login", stdout=second)
    assert printed_passwords(first.getvalue()) != printed_passwords(second.getvalue())


def test_refuses_to_run_in_production(settings):
    """With DEBUG off it prints no password."""
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_login", stdout=io.StringIO())
