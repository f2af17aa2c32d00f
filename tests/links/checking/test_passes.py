"""links/checking/passes.py: a pass's bounds, and a bug on one link kept to that link."""

import logging

import pytest

from links.checking import passes
from links.models import Link

pytestmark = pytest.mark.django_db


def test_no_check_starts_after_the_pass_time(web, settings):
    """One connection, a slow page first: once the pass's time is up the rest wait, in their
    place, for the next pass."""
    settings.LINK_CHECK_CONNECTIONS = 1
    slow = Link.objects.create(url=web.url("/slow"), host="127.0.0.1")
    for path in ("/ok", "/404", "/410"):
        Link.objects.create(url=web.url(path), host="127.0.0.1")

    summary = passes.run_pass(seconds=0.3)

    assert summary.checked <= 1 and summary.deferred >= 3
    assert not {"/ok", "/404", "/410"} & set(web.paths())
    assert Link.objects.filter(checked_at__isnull=True).exclude(pk=slow.pk).count() == 3
    assert not Link.objects.exclude(pk=slow.pk).filter(next_check_at__isnull=False).exists()


def test_a_bug_on_one_link_is_logged_and_recorded_as_an_error(web, monkeypatch, caplog):
    real = passes.check_url

    def broken_for_one(session, url):
        if url.endswith("/404"):
            raise KeyError("a bug")
        return real(session, url)

    monkeypatch.setattr(passes, "check_url", broken_for_one)
    Link.objects.create(url=web.url("/404"), host="127.0.0.1")
    Link.objects.create(url=web.url("/ok"), host="127.0.0.1")

    with caplog.at_level(logging.ERROR, logger="links.checking.passes"):
        summary = passes.run_pass()

    assert summary.checked == 2
    broken = Link.objects.get(url=web.url("/404"))
    assert (broken.status, broken.detail) == (Link.Status.ERROR, "The checker failed: KeyError.")
    assert broken.next_check_at is not None
    assert Link.objects.get(url=web.url("/ok")).status == Link.Status.OK
    assert "The link checker failed on" in caplog.text
