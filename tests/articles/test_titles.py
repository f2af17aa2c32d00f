"""Articles with the same title (articles/titles.py) and how articles are named where they are
picked (articles/labels.py)."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone, translation

from articles.labels import article_label
from articles.models import Article
from articles.titles import free_slug, same_title
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)


def test_same_title_ignores_case_and_runs_of_spaces():
    first = ArticleFactory(title="Monet at Giverny")
    second = ArticleFactory(title="monet  AT giverny")
    ArticleFactory(title="Monet at Giverny, again")

    assert set(same_title("  Monet at   giverny ")) == {first, second}


def test_same_title_leaves_out_the_article_itself():
    article = ArticleFactory(title="Monet at Giverny")
    other = ArticleFactory(title="Monet at Giverny")

    assert list(same_title("Monet at Giverny", exclude_pk=article.pk)) == [other]


def test_an_empty_title_matches_nothing():
    ArticleFactory(title="Anything")

    assert not same_title("   ").exists()


def test_free_slug_is_numbered_past_the_taken_ones():
    ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny")
    ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny-2")

    assert free_slug("Monet at Giverny") == "monet-at-giverny-3"


def test_free_slug_keeps_the_article_own_slug():
    article = ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny")

    assert free_slug("Monet at Giverny", exclude_pk=article.pk) == "monet-at-giverny"


def test_the_label_says_section_date_state_and_slug():
    section = SectionFactory(name="Reviews")
    with time_machine.travel(NOW, tick=False):
        draft = ArticleFactory(
            title="Monet", slug="monet", section=section, status=Article.Status.DRAFT
        )
        scheduled = ArticleFactory(
            title="Monet",
            slug="monet-2",
            section=section,
            published_at=NOW + datetime.timedelta(days=1),
        )
        public = ArticleFactory(
            title="Monet",
            slug="monet-3",
            section=section,
            published_at=NOW - datetime.timedelta(days=2),
        )

        assert article_label(draft) == "Monet — Reviews, 3 Dec 2026 (draft) · /monet/"
        assert article_label(scheduled) == "Monet — Reviews, 4 Dec 2026 (scheduled) · /monet-2/"
        assert article_label(public) == "Monet — Reviews, 1 Dec 2026 · /monet-3/"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite folds the case of ASCII letters only"
)
def test_same_title_folds_the_case_of_every_script_on_postgresql():
    article = ArticleFactory(title="L'été à Giverny")

    assert list(same_title("L'ÉTÉ À GIVERNY")) == [article]


def test_same_title_takes_hostile_titles_as_text():
    """LIKE's wildcards, quotes and SQL in a title are matched as the characters they are."""
    hostile = "100% O'Keeffe_; DROP TABLE articles_article; --"
    article = ArticleFactory(title=hostile)
    ArticleFactory(title="100x O'Keeffe_; DROP TABLE articles_article; --")
    ArticleFactory(title="1000 OXKeeffe; DROP TABLE articles_article --")

    assert list(same_title(hostile.upper())) == [article]
    assert Article.objects.count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's")
def test_same_title_is_found_through_the_title_trigram_index_on_postgresql():
    """Migration 0012's index serves the check's LIKE (without it, every title is read)."""
    ArticleFactory(title="Monet at Giverny")
    candidates = Article.objects.filter(title__icontains="giverny").values_list("pk", "title")
    with connection.cursor() as cursor:
        # Constant SQL of the test's own; the query's text is Django's, its value a parameter.
        # Of a handful of rows any plan is cheap: leave the planner only bitmap scans, which
        # need an index that serves the condition.
        for plan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{plan} = off")
        sql, params = candidates.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)  # Django's compiled query, its values bound
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_title_upper_trgm_idx" in plan


def test_labels_write_each_day_once_per_language(monkeypatch):
    """The moderation queue names some 200 articles; their dates repeat (articles/labels.py)."""
    from articles import labels  # noqa: PLC0415

    labels._day.cache_clear()
    written = []
    date_format = labels.date_format
    monkeypatch.setattr(
        labels, "date_format", lambda *args: written.append(args) or date_format(*args)
    )
    section = SectionFactory(name="Reviews")
    late = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)  # in London too
    articles = [
        ArticleFactory(title="Monet", slug=f"monet-{n}", section=section, published_at=late)
        for n in range(5)
    ]
    with time_machine.travel(NOW, tick=False):
        english = [article_label(article) for article in articles]
        with translation.override("de"):
            german = [article_label(article) for article in articles]
        with timezone.override("Asia/Tokyo"):  # already the 3rd there
            tokyo = article_label(articles[0])

    assert english == [f"Monet — Reviews, 2 Dec 2026 · /monet-{n}/" for n in range(5)]
    assert german[0] == "Monet — Reviews, 2 Dez 2026 · /monet-0/"
    assert tokyo == "Monet — Reviews, 3 Dec 2026 · /monet-0/"
    assert len(written) == 3


def test_the_newest_few_of_many_namesakes_are_found_without_reading_them_all(monkeypatch):
    from articles import titles  # noqa: PLC0415

    namesakes = [
        ArticleFactory(title=f"Monet  at {'GIVERNY' if n % 2 else 'giverny'}") for n in range(6)
    ]
    for n in range(3):  # newer, the same longest word, another title
        ArticleFactory(title=f"Giverny in winter {n}")
    itself = namesakes[-1]
    compared = []
    normalized = titles.normalized_title
    monkeypatch.setattr(titles, "normalized_title", lambda t: compared.append(t) or normalized(t))

    newest = same_title("Monet at Giverny", exclude_pk=itself.pk, newest=2)

    assert list(newest.order_by("-pk")) == namesakes[-3:-1][::-1]
    assert len(compared) == 1 + 3 + 2  # the title, the three newer others, two namesakes
    assert set(same_title("Monet at Giverny", exclude_pk=itself.pk)) == set(namesakes[:-1])
    assert not same_title("Monet at Giverny", newest=0).exists()


def test_the_newest_namesakes_are_read_a_chunk_at_a_time(monkeypatch):
    from articles import titles  # noqa: PLC0415

    monkeypatch.setattr(titles, "NEWEST_CHUNK", 2)
    namesakes = [ArticleFactory(title="Monet at Giverny") for _ in range(3)]
    for n in range(5):
        ArticleFactory(title=f"Giverny {n}")

    assert set(same_title("monet at giverny", newest=5)) == set(namesakes)
