"""The quoted names of hand-written reads (sqlreads/names.py)."""

from django.db import connection

from articles.models import Article
from sqlreads.names import Names


def test_tables_and_columns_quoted_by_the_database():
    names, q = Names(connection), connection.ops.quote_name
    assert names.table(Article) == q("articles_article")
    assert names.table(Article, "a") == f"{q('articles_article')} {q('a')}"
    assert names.col("a", Article, "section") == f"{q('a')}.{q('section_id')}"  # the column


def test_whole_rows_of_each_model_under_its_alias():
    (columns,) = Names(connection).cols((Article, "a"))
    assert columns.model is Article and columns.alias == "a"
    assert columns.width == len(Article._meta.concrete_fields)
