"""The totals of the article lists (articles/counts.py), kept in the cache, are right the moment
an article is published, unpublished, deleted, moved, tagged, or reaches its scheduled time (no
write at all then), with the page cache off as on."""

import datetime

import pytest
import time_machine
from django.db import transaction

from articles import counts, services
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

GO_LIVE = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
BEFORE = GO_LIVE - datetime.timedelta(hours=1)


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block leaves for after the commit, as a commit would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


def totals(section, tag) -> tuple[int, int, int]:
    """(all, the section's, the tag's), each checked against a COUNT of published()."""
    found = (counts.all_public(), counts.public_in_section(section), counts.public_with_tag(tag))
    public = Article.objects.published()
    assert found == (
        public.count(),
        public.filter(section=section).count(),
        public.filter(tags=tag).count(),
    )
    return found


@pytest.fixture
def lists(committed):
    """Two public articles of a section with a tag, one public elsewhere, one draft."""
    with time_machine.travel(BEFORE, tick=False), committed():
        section = SectionFactory(slug="reviews")
        for _ in range(2):
            ArticleFactory(section=section, tags=["Ceramics"])
        ArticleFactory()
        draft = ArticleFactory(section=section, tags=["Ceramics"], draft=True)
    tag = draft.tags.get()
    return section, tag, draft


def test_publishing_counts_at_once(page_cache, lists, committed):
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            services.article_publish(article=draft, user=None)
        assert totals(section, tag) == (4, 3, 3)


def test_unpublishing_counts_at_once(page_cache, lists, committed):
    section, tag, _ = lists
    article = Article.objects.published().filter(section=section).first()
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            services.article_unpublish(article=article, user=None)
        assert totals(section, tag) == (2, 1, 1)


def test_deleting_counts_at_once(page_cache, lists, committed):
    section, tag, _ = lists
    article = Article.objects.published().filter(section=section).first()
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            article.delete()
        assert totals(section, tag) == (2, 1, 1)


def test_a_scheduled_article_counts_from_its_time_with_no_write(page_cache, lists, committed):
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False):
        with committed():
            services.article_schedule(article=draft, user=None, at=GO_LIVE)
        assert totals(section, tag) == (3, 2, 2)
    with time_machine.travel(GO_LIVE - datetime.timedelta(microseconds=1), tick=False):
        assert totals(section, tag) == (3, 2, 2)
    with time_machine.travel(GO_LIVE, tick=False):
        assert totals(section, tag) == (4, 3, 3)


def test_a_schedule_brought_forward_counts_from_the_new_time(page_cache, lists, committed):
    """Counted with the later time in view, then rescheduled sooner: counted from the sooner."""
    section, tag, draft = lists
    sooner = GO_LIVE - datetime.timedelta(minutes=30)
    with time_machine.travel(BEFORE, tick=False):
        with committed():
            services.article_schedule(article=draft, user=None, at=GO_LIVE)
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            services.article_schedule(article=draft, user=None, at=sooner)
        assert totals(section, tag) == (3, 2, 2)
    with time_machine.travel(sooner, tick=False):
        assert totals(section, tag) == (4, 3, 3)


def test_moving_to_another_section_counts_in_both(page_cache, lists, committed):
    section, tag, _ = lists
    other = SectionFactory(slug="news")
    article = Article.objects.published().filter(section=section).first()
    with time_machine.travel(BEFORE, tick=False):
        assert (totals(section, tag), counts.public_in_section(other)) == ((3, 2, 2), 0)
        with committed():
            article.section = other
            services.article_save(article=article, user=None)
        assert (totals(section, tag), counts.public_in_section(other)) == ((3, 1, 2), 1)


def test_tagging_and_untagging_counts_at_once(page_cache, lists, committed):
    section, tag, _ = lists
    untagged = Article.objects.published().exclude(section=section).get()
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            untagged.tags.add(tag)
        assert totals(section, tag) == (3, 2, 3)
        with committed():
            untagged.tags.remove(tag)
        assert totals(section, tag) == (3, 2, 2)


def test_a_count_read_before_a_commit_is_not_kept_past_it(lists, committed, settings):
    """A reader counts while a publication is being committed (the old total, as the database
    still has it); the commit makes that total stale."""
    settings.PAGE_CACHE = False
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False):
        with committed(), transaction.atomic():
            services.article_publish(article=draft, user=None)
            counts.all_public()  # kept with tokens the commit will move
        assert totals(section, tag) == (4, 3, 3)


def test_the_list_pages_print_the_kept_totals(client, lists, committed, settings):
    """Twelve public articles fill one page; a thirteenth makes a page 2 that says so."""
    settings.PAGE_CACHE = False
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False), committed():
        for _ in range(9):
            ArticleFactory()
    with time_machine.travel(BEFORE, tick=False):
        assert 'rel="next"' not in client.get("/articles/").content.decode()
        assert client.get("/articles/", {"page": 2}).status_code == 404
        with committed():
            services.article_publish(article=draft, user=None)
        assert 'rel="next"' in client.get("/articles/").content.decode()
        assert "Page 2 of 2" in client.get("/articles/", {"page": 2}).content.decode()
