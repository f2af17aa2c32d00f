"""Querysets compiled once (sqlreads/compiled.py) give what the same `values_list()` gives, hostile
values included, in the same order and with the same converted values; Django compiles each
once per length of its lists; a marker Django did not place exactly once is refused."""

from datetime import timedelta

import pytest
from django.db.models import Q
from django.db.models.functions import Lower
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from articles.models import Article, Author
from sqlreads import compiled
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE articles_author; -- %s %(x)s $1 \" <script>alert(1)</script> \\ Ü"


@pytest.fixture
def compilations(monkeypatch):
    """How many times Django compiles a SELECT from here on."""
    calls = []
    as_sql = SQLCompiler.as_sql

    def counted(self, *args, **kwargs):
        calls.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counted)
    return calls


def test_rows_are_those_of_values_list_with_hostile_values():
    hostile = AuthorFactory(name=HOSTILE)
    AuthorFactory(name="Plain")
    read = compiled.Read(
        lambda name: Author.objects.filter(name=name).values_list("pk", "name"), name=str
    )

    assert read.rows(name=HOSTILE) == [(hostile.pk, HOSTILE)]
    assert read.rows(name="'; DROP TABLE articles_author; --") == []
    assert read.rows(name=HOSTILE) == [(hostile.pk, HOSTILE)]
    assert Author.objects.count() == 2


def test_lists_in_order_and_converted_as_values_list_gives_them():
    now = timezone.now()
    articles = [ArticleFactory(published_at=now - timedelta(days=day)) for day in range(4)]
    ids = [article.pk for article in articles]
    columns = ("pk", "title", "published_at", "section__name")
    read = compiled.Read(
        lambda ids: Article.objects.filter(pk__in=ids).values_list(*columns), ids=list
    )

    for chosen in (ids, ids[:1], ids[1:3], [ids[2], -1]):
        expected = list(Article.objects.filter(pk__in=chosen).values_list(*columns))
        assert read.rows(ids=chosen) == expected
    assert read.rows(ids=ids)[0][2] == articles[0].published_at  # an aware datetime, SQLite too


def test_columns_only_ordered_by_are_left_out():
    """A DISTINCT read ordered by an expression selects it too: the rows are cut as Django cuts
    them."""
    for name in ("b", "A", "c"):
        AuthorFactory(name=name)
    read = compiled.Read(
        lambda pk: (
            Author.objects.exclude(pk=pk).values_list("name").distinct().order_by(Lower("name"))
        ),
        pk=int,
    )

    assert read.rows(pk=0) == [("A",), ("b",), ("c",)]


def test_compiled_once_per_length_of_its_lists(compilations):
    authors = [AuthorFactory() for _ in range(3)]
    ids = [author.pk for author in authors]
    read = compiled.Read(lambda ids: Author.objects.filter(pk__in=ids).values_list("pk"), ids=list)
    compilations.clear()  # the factories' own queries

    read.rows(ids=ids[:2])
    read.rows(ids=ids[1:])
    assert compilations == [Author]
    rows = read.rows(ids=ids)
    assert compilations == [Author, Author]
    assert rows == list(Author.objects.filter(pk__in=ids).values_list("pk"))


@pytest.mark.parametrize(
    "build",
    [
        lambda pk: Author.objects.values_list("pk"),  # the value goes nowhere
        lambda pk: Author.objects.filter(Q(pk=pk) | Q(id__gt=pk)).values_list("pk"),  # twice
    ],
)
def test_a_marker_not_placed_once_is_refused(build):
    with pytest.raises(ValueError, match="marker"):
        compiled.Read(build, pk=int).rows(pk=1)


def test_values_are_named_as_declared():
    read = compiled.Read(lambda pk: Author.objects.filter(pk=pk).values_list("pk"), pk=int)
    with pytest.raises(TypeError):
        read.rows(id=1)
    with pytest.raises(TypeError):
        compiled.Read(lambda when: Author.objects.values_list("pk"), when=float)
