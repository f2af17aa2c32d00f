"""Trigram likeness as pg_trgm counts it."""

import pytest

from search.trigrams import fold, similarity, trigrams, words


def test_trigrams_are_padded_as_pg_trgm_pads_them():
    assert trigrams("cat") == {"  c", " ca", "cat", "at "}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("weiwei", "weiwei", 1.0), ("weiwie", "weiwei", 4 / 9), ("word", "xyz", 0.0)],
)
def test_similarity(a, b, expected):
    """pg_trgm: similarity('weiwie', 'weiwei') is 0.444444."""
    assert similarity(trigrams(a), trigrams(b)) == pytest.approx(expected)


def test_fold_and_words():
    """Case and accents go; words split where the index's tokenizer splits them."""
    assert fold("Abramović ÉCOLE") == "abramovic ecole"
    assert words("L'École, Ai-Weiwei_2") == ["l", "ecole", "ai", "weiwei", "2"]
