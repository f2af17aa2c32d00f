"""The reader's text as an FTS5 query, read as websearch_to_tsquery reads it: quoted, so
nothing typed is FTS5 syntax."""

import pytest

from search.backends.fts5_query import each_of, quoted, websearch


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("harbour Fog", '("harbour" AND "Fog")'),
        ('"harbour lights" fog', '("harbour lights" AND "fog")'),
        ("harbour or fog", '("harbour") OR ("fog")'),
        ("harbour -fog", '("harbour") NOT "fog"'),
        ("a b or c -d", '("b") OR ("c") NOT "d"'),
        ("x-ray", '("x-ray")'),
        ('"open phrase', '("open phrase")'),
    ],
)
def test_websearch(typed, query):
    assert websearch(typed) == query


def test_double_quotes_are_doubled():
    assert quoted('say "hi"') == '"say ""hi"""'


def test_fts5_operators_and_filters_are_words():
    """NEAR, column filters, prefixes, carets: strings like any other (or nothing)."""
    assert websearch("NEAR(a title: x* ^y {lead}:") == (
        '("NEAR(a" AND "title" AND "x" AND "y" AND "lead")'
    )


def test_words_without_letters_and_stop_words_are_left_out():
    """What PostgreSQL's english configuration leaves out, and what has no token at all."""
    assert websearch("the *** «» of painting") == '("painting")'
    assert websearch("the !!!") == ""


def test_only_unwanted_words_ask_for_nothing():
    assert websearch("-fog") == ""


def test_groups():
    assert each_of([["ai"], ["weiwei", "weiwen"]]) == '("ai") AND ("weiwei" OR "weiwen")'
