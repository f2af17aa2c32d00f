"""The totals of the article lists (articles/public_lists.py), kept in the cache, are right the
moment an article is published, unpublished, deleted, moved, tagged, or reaches its scheduled time
(no write at all then), with the page cache off as on; and so are their deep pages."""

import datetime
import re

import pytest
import time_machine
from django.db import transaction

from articles import public_lists, services, views
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
    every, of_section = public_lists.every_article(), public_lists.in_section(section)
    lists = (every, of_section, public_lists.with_tag(tag))
    found = tuple(listed.count() for listed in lists)
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


def _publish_the_draft(section, draft):
    services.article_publish(article=draft, user=None)


def _unpublish_one(section, draft):
    article = Article.objects.published().filter(section=section).first()
    services.article_unpublish(article=article, user=None)


def _delete_one(section, draft):
    Article.objects.published().filter(section=section).first().delete()


@pytest.mark.parametrize(
    ("change", "after"),
    [(_publish_the_draft, (4, 3, 3)), (_unpublish_one, (2, 1, 1)), (_delete_one, (2, 1, 1))],
    ids=["publishing", "unpublishing", "deleting"],
)
def test_a_change_counts_at_once(page_cache, lists, committed, change, after):
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            change(section, draft)
        assert totals(section, tag) == after


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


def test_an_article_scheduled_after_the_count_counts_from_its_time(page_cache, lists, committed):
    """Counted when nothing was scheduled; then one is: counted from its time, with no write."""
    section, tag, draft = lists
    with time_machine.travel(BEFORE, tick=False):
        assert totals(section, tag) == (3, 2, 2)
        with committed():
            services.article_schedule(article=draft, user=None, at=GO_LIVE)
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
        assert (totals(section, tag), public_lists.in_section(other).count()) == ((3, 2, 2), 0)
        with committed():
            article.section = other
            services.article_save(article=article, user=None)
        assert (totals(section, tag), public_lists.in_section(other).count()) == ((3, 1, 2), 1)


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
            public_lists.every_article().count()  # kept with tokens the commit will move
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


def pages_of(client, url) -> list[list[str]]:
    """The titles on each page of a list, page by page, until the last."""
    pages, number = [], 1
    while True:
        text = client.get(url, {"page": number}).content.decode()
        pages.append(re.findall(r'class="card__link" href="[^"]*">([^<]*)<', text))
        if 'rel="next"' not in text:
            return pages
        number += 1


def expected(articles, size) -> list[list[str]]:
    titles = list(articles.newest_first().values_list("title", flat=True))
    return [titles[start : start + size] for start in range(0, len(titles), size)] or [[]]


def test_deep_pages_read_from_marks_are_the_pages_offset_gives(client, settings, monkeypatch):
    """Two articles a page and a mark every second page; publication times shared by several
    articles (the id breaks the tie): every page of the list, of a section and of a tag shows
    the articles OFFSET shows, and so after a publication and at a scheduled time."""
    settings.PAGE_CACHE = False
    monkeypatch.setattr(views.ArticleListView, "paginate_by", 2)
    monkeypatch.setattr(views.SectionDetailView, "paginate_by", 2)
    monkeypatch.setattr(views.TagDetailView, "paginate_by", 2)
    monkeypatch.setattr(public_lists, "MARK_EVERY", 2)
    section = SectionFactory(slug="reviews")
    with time_machine.travel(BEFORE, tick=False):
        for number in range(13):
            day = BEFORE - datetime.timedelta(days=number // 3)  # three a day
            ArticleFactory(
                title=f"Story {number}", published_at=day, section=section, tags=["Ceramics"]
            )
        ArticleFactory(title="Elsewhere", published_at=BEFORE - datetime.timedelta(days=2))
        draft = ArticleFactory(title="Late", section=section, tags=["Ceramics"], draft=True)
    tag = draft.tags.get()
    lists = {
        "/articles/": Article.objects.all(),
        section.get_absolute_url(): Article.objects.filter(section=section),
        "/tags/ceramics/": Article.objects.filter(tags=tag),
    }
    with time_machine.travel(BEFORE, tick=False):
        for url, articles in lists.items():
            assert pages_of(client, url) == expected(articles.published(), 2)
        services.article_schedule(
            article=draft, user=None, at=BEFORE + datetime.timedelta(minutes=1)
        )
    with time_machine.travel(BEFORE + datetime.timedelta(minutes=1), tick=False):
        assert Article.objects.published().filter(title="Late").exists()
        for url, articles in lists.items():
            assert pages_of(client, url) == expected(articles.published(), 2)
