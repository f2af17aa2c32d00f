"""Cleaning what a reader typed (search/terms.py); no database."""

import pytest

from search.terms import MAX_LENGTH, MAX_WORDS, clean_terms


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (None, ""),
        ("", ""),
        ("   \t\n ", ""),
        ("  Ai   Weiwei ", "Ai Weiwei"),
        ("a\x00b", "ab"),
        ("line\nbreak\ttab", "line break tab"),
        ("\u202eevil\u202c", "evil"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ud800lone\udfff", "lone"),
        ("\ue000private\ue001", "private"),
        ("ﬁne ｆｕｌｌ", "fine full"),
        ("Jose\u0301", "José"),
        ("🎨 paint", "🎨 paint"),
    ],
)
def test_clean_text(raw, text):
    """Control, format, private-use characters and lone surrogates go; the rest is NFKC."""
    assert clean_terms(raw).text == text


def test_long_queries_are_cut_at_a_word_and_marked():
    """Past MAX_LENGTH characters a query is cut, between words, and says so."""
    terms = clean_terms("word " * 100_000)

    assert terms.shortened
    assert len(terms.text) <= MAX_LENGTH
    assert terms.text.endswith("word")


def test_a_long_single_word_is_cut_at_the_limit():
    terms = clean_terms("x" * 100_000)

    assert terms.shortened
    assert terms.text == "x" * MAX_LENGTH


def test_short_queries_are_not_marked():
    assert not clean_terms("x" * MAX_LENGTH).shortened
    assert not clean_terms("\x00" * 100_000)  # nothing left: an empty query, not a cut one


def test_words_drop_punctuation_and_repeats():
    """The SQLite fallback's words: no bare punctuation, no repeats, at most MAX_WORDS."""
    assert clean_terms("'; DROP TABLE x; --").words == ["DROP", "TABLE", "x"]
    assert clean_terms("Wei wei WEI").words == ["Wei"]
    assert clean_terms("&|!():*").words == []
    assert len(clean_terms(" ".join(f"w{n}" for n in range(50))).words) == MAX_WORDS
