"""The reader's words as FTS5 queries: quoted, so nothing typed is FTS5 syntax."""

from search.backends.fts5_query import all_words, each_of, quoted


def test_every_word_is_a_quoted_string():
    assert all_words(["harbour", "Fog"]) == '"harbour" AND "Fog"'


def test_double_quotes_are_doubled():
    assert quoted('say "hi"') == '"say ""hi"""'


def test_fts5_operators_and_filters_are_words():
    """NEAR, OR, column filters, prefixes: strings like any other (or nothing)."""
    assert all_words(["NEAR(a", "title:", "x*", "^y", "{lead}:"]) == (
        '"NEAR(a" AND "title:" AND "x*" AND "^y" AND "{lead}:"'
    )


def test_words_without_letters_and_stop_words_are_left_out():
    """What PostgreSQL's english configuration leaves out, and what has no token at all."""
    assert all_words(["the", "***", "«»", "of", "painting"]) == '"painting"'
    assert all_words(["the", "!!!"]) == ""


def test_groups():
    assert each_of([["ai"], ["weiwei", "weiwen"]]) == '("ai") AND ("weiwei" OR "weiwen")'
