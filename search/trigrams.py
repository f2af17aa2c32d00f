"""Trigram likeness of words, as PostgreSQL's pg_trgm counts it: for misspelt artist names on
SQLite (backends/sqlite.py), where PostgreSQL uses the extension itself."""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents, as unicode61 remove_diacritics 2 folds it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of text, folded, as the index's tokenizer splits them (letters and digits)."""
    return _WORD.findall(fold(text))


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0
