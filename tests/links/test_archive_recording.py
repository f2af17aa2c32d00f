"""links/archive.py: each link of a published article gets the Wayback address of its URL at
the publication time; kept once the article has been live with it."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from articles import services
from links.archive import record_for_article
from tests.links.helpers import article_linking, use_of, uses_of

pytestmark = pytest.mark.django_db

APRIL_3 = datetime(2011, 4, 3, 9, 30, tzinfo=UTC)
WOOSTER = "http://www.woostercollective.com/post/klayman-preview"
CURATED = "https://curated.example/interview?id=7"


def draft_with_links(*urls):
    return article_linking(*urls, draft=True)


def test_a_draft_s_links_get_no_address():
    article = draft_with_links(WOOSTER)
    record_for_article(article)
    assert uses_of(article)[WOOSTER].archive_url == ""
    assert uses_of(article)[WOOSTER].archived_on is None


def test_publishing_records_each_link_at_the_publication_time():
    article = draft_with_links(WOOSTER, CURATED)

    services.article_publish(article=article, user=None, at=APRIL_3)

    uses = uses_of(article)
    assert uses[WOOSTER].archive_url == f"https://web.archive.org/web/20110403093000/{WOOSTER}"
    assert uses[CURATED].archive_url == f"https://web.archive.org/web/20110403093000/{CURATED}"
    assert uses[WOOSTER].archived_on == uses[CURATED].archived_on == datetime(2011, 4, 3).date()


def test_the_date_is_the_publication_s_in_the_site_s_time_zone(settings):
    """23:30 UTC on 3 April is 4 April in Tokyo: the date readers saw on the article."""
    settings.TIME_ZONE = "Asia/Tokyo"
    article = draft_with_links(WOOSTER)
    services.article_publish(article=article, user=None, at=APRIL_3.replace(hour=23))
    use = uses_of(article)[WOOSTER]
    assert use.archived_on == datetime(2011, 4, 4).date()
    assert "/web/20110403233000/" in use.archive_url


def test_an_address_once_recorded_is_kept_through_unpublish_and_republish():
    article = draft_with_links(WOOSTER)
    services.article_publish(article=article, user=None, at=APRIL_3)
    first = uses_of(article)[WOOSTER].archive_url

    services.article_unpublish(article=article, user=None)
    assert uses_of(article)[WOOSTER].archive_url == first
    services.article_publish(article=article, user=None, at=APRIL_3 + timedelta(days=400))
    services.article_save(article=article, user=None)

    assert uses_of(article)[WOOSTER].archive_url == first
    assert record_for_article(article) == 0


def test_a_link_added_to_a_public_article_gets_the_moment_it_is_first_seen_published():
    article = draft_with_links(WOOSTER)
    services.article_publish(article=article, user=None, at=APRIL_3)
    later = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

    with time_machine.travel(later, tick=False):
        use_of(article, CURATED)
        assert record_for_article(article) == 1

    uses = uses_of(article)
    assert "/web/20240601120000/" in uses[CURATED].archive_url
    assert uses[CURATED].archived_on == later.date()
    assert "/web/20110403093000/" in uses[WOOSTER].archive_url


def test_an_article_published_before_any_link_was_recorded_gets_its_publication_time():
    """Links already in a public article that has none recorded (an article from before the
    inventory, or uses written after the publishing signal): its publication time."""
    article = draft_with_links()
    services.article_publish(article=article, user=None, at=APRIL_3)
    use_of(article, WOOSTER)

    assert record_for_article(article.pk) == 1
    assert "/web/20110403093000/" in uses_of(article)[WOOSTER].archive_url


def test_recording_is_idempotent():
    article = draft_with_links(WOOSTER, CURATED)
    services.article_publish(article=article, user=None, at=APRIL_3)
    before = uses_of(article)

    assert record_for_article(article) == 0
    assert record_for_article(article) == 0
    assert {u: use.archive_url for u, use in uses_of(article).items()} == {
        u: use.archive_url for u, use in before.items()
    }


def test_a_url_the_archive_cannot_take_gets_none_and_the_others_do():
    """A URL whose Wayback address would not fit (its 400 accented letters percent-encoded)."""
    too_long = "https://files.example/" + "é" * 400
    article = draft_with_links(too_long, WOOSTER)
    services.article_publish(article=article, user=None, at=APRIL_3)
    uses = uses_of(article)
    assert uses[too_long].archive_url == ""
    assert uses[WOOSTER].archive_url


def test_a_scheduled_article_s_links_carry_the_moment_it_goes_live():
    article = draft_with_links(WOOSTER)
    at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    services.article_schedule(article=article, user=None, at=at)
    assert uses_of(article)[WOOSTER].archive_url.endswith(
        f"/web/{at.astimezone(UTC):%Y%m%d%H%M%S}/{WOOSTER}"
    )

    later = at + timedelta(days=1)
    services.article_schedule(article=article, user=None, at=later)
    use = uses_of(article)[WOOSTER]
    assert f"/web/{later.astimezone(UTC):%Y%m%d%H%M%S}/" in use.archive_url
    assert use.archived_on == timezone.localdate(later)

    # Gone live (no request, no task at that minute): the address is kept from then on.
    with time_machine.travel(later + timedelta(hours=1), tick=False):
        services.article_unpublish(article=article, user=None)
        services.article_publish(article=article, user=None)
        record_for_article(article)
    assert uses_of(article)[WOOSTER].archive_url == use.archive_url


def test_a_scheduled_article_back_to_draft_before_going_live_loses_its_addresses():
    article = draft_with_links(WOOSTER)
    services.article_schedule(article=article, user=None, at=timezone.now() + timedelta(days=2))
    assert uses_of(article)[WOOSTER].archive_url

    services.article_return_to_draft(article=article, user=None)

    assert uses_of(article)[WOOSTER].archive_url == ""
    assert uses_of(article)[WOOSTER].archived_on is None


def test_a_publication_rolled_back_records_nothing():
    article = draft_with_links(WOOSTER)

    with pytest.raises(RuntimeError), transaction.atomic():
        services.article_publish(article=article, user=None, at=APRIL_3)
        raise RuntimeError("the rest of the request failed")

    assert uses_of(article)[WOOSTER].archive_url == ""


def test_another_article_s_links_are_left_alone():
    article = draft_with_links(WOOSTER)
    other = draft_with_links(CURATED)
    services.article_publish(article=article, user=None, at=APRIL_3)
    assert uses_of(other)[CURATED].archive_url == ""


def test_hostile_urls_are_stored_as_values_never_as_sql():
    """The addresses are written by a statement of ours (archive._write): quotes, a statement
    and a script in a URL are data, stored as the Archive is given them."""
    hostile = [
        "https://evil.example/'; DROP TABLE links_linkuse; --",
        'https://evil.example/"><script>alert(1)</script>',
        "https://evil.example/?q=%27%22;--",
    ]
    article = draft_with_links(*hostile)
    services.article_publish(article=article, user=None, at=APRIL_3)

    uses = uses_of(article)
    assert uses[hostile[0]].archive_url.endswith(
        "/web/20110403093000/https://evil.example/';%20DROP%20TABLE%20links_linkuse;%20--"
    )
    assert uses[hostile[1]].archive_url.endswith(
        "/https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
    )
    assert uses[hostile[2]].archive_url.endswith("/https://evil.example/?q=%27%22;--")
    assert all(use.archived_on == APRIL_3.date() for use in uses.values())
