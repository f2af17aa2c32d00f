"""The links app's parts together: the inventory's addresses, the archive, the checker, the
editors' decisions and what readers see, from an editor's text to a reader's page."""

from datetime import UTC, datetime

import pytest

from articles import services
from links.checking.outcome import Outcome
from links.checking.passes import PassSummary, _Writer
from links.models import Link, LinkUse
from links.readers import notes_for
from links.services import link_ignore
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db

APRIL_3 = datetime(2011, 4, 3, 9, 30, tzinfo=UTC)


def test_a_link_written_otherwise_than_its_key_gets_the_note():
    """The body's address as the editor wrote it (upper-case scheme and host, default port, a
    fragment) finds the inventory's Link, keyed otherwise."""
    written = "HTTP://Curated.Example:80/interview?id=7#part-2"
    article = ArticleFactory(body=f'<p>Read <a href="{written}">the interview</a>.</p>')
    services.article_publish(article=article, user=None, at=APRIL_3)
    link = Link.objects.get()
    assert link.url == "http://curated.example/interview?id=7"
    Link.objects.filter(pk=link.pk).update(dead=True)

    notes = notes_for([article])[article.pk]

    assert notes.get(written) is not None
    assert notes.get("http://curated.example/other") is None


def test_a_url_added_to_a_published_article_is_archived_at_once():
    article = ArticleFactory(body="<p>No link yet.</p>")
    services.article_publish(article=article, user=None, at=APRIL_3)

    article.body = '<p>See <a href="https://wooster.example/preview">the preview</a>.</p>'
    article.save()

    use = LinkUse.objects.get(article=article)
    assert use.archive_url.startswith("https://web.archive.org/web/")
    assert use.archive_url.endswith("/https://wooster.example/preview")
    assert use.archived_on is not None


@pytest.fixture
def cached_page(client, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE = True
    SiteSettings.current()
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(body='<p>See <a href="https://wooster.example/p">it</a>.</p>')
        services.article_publish(article=article, user=None, at=APRIL_3)
    url = article.get_absolute_url()
    warm(client, url)
    assert served(client, url)[0] == HIT
    return url


def checked(outcome: Outcome) -> None:
    """One outcome written by the checker's writer, as a pass writes it."""
    writer = _Writer(PassSummary(), on_checked=None)
    writer.record(Link.objects.get(), outcome)
    writer.flush()


def test_a_routine_check_keeps_the_page_and_a_death_refreshes_it(
    client, cached_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        checked(Outcome(status=Link.Status.OK, http_status=200, detail="OK"))
    assert served(client, cached_page)[0] == HIT

    with django_capture_on_commit_callbacks(execute=True):
        Link.objects.update(failures=1, first_failed_at=APRIL_3)  # a first strike long ago
        checked(Outcome(status=Link.Status.GONE, http_status=404, detail="Not found"))
    assert Link.objects.get().dead
    status, page = served(client, cached_page)
    assert status == MISS
    assert "archived-copy" in page


def test_ignoring_a_dead_link_refreshes_the_page(
    client, cached_page, django_capture_on_commit_callbacks, django_user_model
):
    with django_capture_on_commit_callbacks(execute=True):
        link = Link.objects.get()
        link.dead, link.status = True, Link.Status.GONE
        link.save()  # as the admin would: the page goes stale by the model's signal
    warm(client, cached_page)
    assert "archived-copy" in served(client, cached_page)[1]

    with django_capture_on_commit_callbacks(execute=True):
        link_ignore(links=Link.objects.all(), user=django_user_model.objects.create(username="e"))

    status, page = served(client, cached_page)
    assert status == MISS
    assert "archived-copy" not in page
