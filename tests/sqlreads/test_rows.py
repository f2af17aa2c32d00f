"""Plain rows read with SQL written once (sqlreads/rows.py): values bound, the fields'
converters applied, no query for no ids, and only integers written into the text."""

import pytest
from django.db import connection

from articles.models import Article
from sqlreads.rows import Select
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE articles_article; -- %s %(x)s \" <b>&amp;</b>"


def select(rest: str) -> Select:
    table = connection.ops.quote_name(Article._meta.db_table)
    columns = [("a", Article, "id"), ("a", Article, "title"), ("a", Article, "published_at")]
    return Select(connection, columns, f"FROM {table} {connection.ops.quote_name('a')} {rest}")


def test_rows_as_values_list_gives_them():
    made = [ArticleFactory(title=HOSTILE), ArticleFactory(), ArticleFactory()]
    read = select('WHERE "a"."id" IN (IDS) AND "a"."title" <> %s ORDER BY "a"."id" LIMIT (LIMIT)')
    ids = [article.pk for article in made]
    expected = Article.objects.filter(pk__in=ids).exclude(title="x").order_by("pk")
    expected = list(expected.values_list("id", "title", "published_at")[:2])

    assert read.rows(ids, ["x"], limit=2) == expected
    assert read.rows(ids, [HOSTILE], limit=5)[0][0] == made[1].pk
    assert read.rows([], ["x"], limit=2) == []


def test_only_integers_go_into_the_text():
    ArticleFactory()
    read = select('ORDER BY "a"."id" LIMIT (LIMIT) OFFSET (OFFSET)')
    with pytest.raises(ValueError):
        read.rows(limit="1; DROP TABLE articles_article")
    with pytest.raises(ValueError):
        read.rows(limit=1, offset="0 UNION SELECT 1")
    assert len(read.rows(limit=1, offset=0)) == 1
    assert Article.objects.exists()
