"""What a reader typed, made safe to search with: any input gives a short, clean query.

A query is cut to MAX_LENGTH characters (the reader is told), and loses what no search needs and
some databases refuse: NUL and other control characters (PostgreSQL rejects NUL in text), lone
surrogates (not valid text), and invisible format characters such as right-to-left overrides
(which would also turn the page around where the query is echoed). It is normalised (NFKC), so
"ﬁne" and full-width letters match their plain forms. Operators mean nothing special here: the
backends hand the text to websearch_to_tsquery, or to FTS5 as quoted strings read the same way
(backends/fts5_query.py), never to a query language.
"""

import re
import string
import unicodedata
from dataclasses import dataclass, field

MAX_LENGTH = 200
MAX_WORDS = 12  # words and phrases SQLite searches for (backends/fts5_query.py)
# Enough to hold MAX_LENGTH characters after cleaning, however much of it cleaning removes,
# within reason: a longer query is cut before it is cleaned, so its size costs nothing.
_RAW_LIMIT = MAX_LENGTH * 8

_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
# Control (Cc), format (Cf), private use (Co) and unassigned (Cn) code points.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Co", "Cn"}
EDGE_PUNCTUATION = string.punctuation + "«»“”‘’„‚…–—¡¿"


@dataclass(frozen=True)
class SearchTerms:
    text: str = ""
    shortened: bool = False
    words: list[str] = field(default_factory=list)

    def __bool__(self):
        return bool(self.text)


def clean_terms(raw: str | None) -> SearchTerms:
    """The query to search for in `raw` (a request's ?q=), or an empty one."""
    raw = raw or ""
    text = _SURROGATES.sub("", raw[:_RAW_LIMIT])
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in _DROPPED_CATEGORIES
    )
    text = _SPACES.sub(" ", text).strip()
    shortened = len(text) > MAX_LENGTH or (len(raw) > _RAW_LIMIT and bool(text))
    if len(text) > MAX_LENGTH:
        cut = text[:MAX_LENGTH]
        if text[MAX_LENGTH] != " " and " " in cut:  # no half word at the end
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip()
    return SearchTerms(text=text, shortened=shortened, words=_words_of(text))


def _words_of(text: str) -> list[str]:
    """The distinct words of text, without the punctuation around them, at most MAX_WORDS."""
    words: dict[str, str] = {}
    for chunk in text.split():
        word = chunk.strip(EDGE_PUNCTUATION)
        if word and word.casefold() not in words:
            words[word.casefold()] = word
    return list(words.values())[:MAX_WORDS]
