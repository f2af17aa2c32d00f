"""manage.py check_links: a pass by hand, with a progress line and a summary by status."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from links.models import Link

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()


def add(web, *paths, **fields):
    for path in paths:
        Link.objects.create(url=web.url(path), host="127.0.0.1", **fields)


def test_checks_the_due_links_and_prints_a_summary(web):
    add(web, "/ok", "/moved", "/404", "/410", "/busy")
    add(web, "/error", next_check_at=timezone.now() + timezone.timedelta(days=5))

    output = run()

    assert "Checking links [" in output  # the progress bar's log line
    assert "OK: 1" in output
    assert "Moved permanently: 1" in output
    assert "Gone: 2" in output
    assert "Blocked (not called dead): 1" in output
    assert "Checked 5 of 5; 0 dead in all." in output
    assert Link.objects.get(url=web.url("/error")).status == Link.Status.UNCHECKED


def test_all_limit_url_and_host_choose_the_links(web):
    add(web, "/ok", "/404", next_check_at=timezone.now() + timezone.timedelta(days=5))
    Link.objects.create(url="http://elsewhere.invalid/x", host="elsewhere.invalid")

    assert "No links to check." in run("--host", "127.0.0.1")
    assert "Checked 1 of 1" in run("--all", "--limit", "1", "--host", "127.0.0.1")
    assert "Gone: 1" in run("--url", web.url("/404"))
    assert Link.objects.get(host="elsewhere.invalid").checked_at is None


def test_bad_options_are_clear_errors(web):
    with pytest.raises(CommandError, match="--limit"):
        run("--limit", "0")
    with pytest.raises(CommandError, match="--seconds"):
        run("--seconds", "-1")
