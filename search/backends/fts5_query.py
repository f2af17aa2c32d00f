"""The reader's words as FTS5 query expressions (backends/sqlite.py), read as PostgreSQL's
websearch_to_tsquery reads them: every word, "a quoted phrase", `or` between alternatives, and
-word for a word that must not be there. Each word or phrase is a quoted string, so nothing
typed is FTS5 syntax (AND, NEAR, *, ^, column filters, parentheses are words or nothing); a word
with no letter or digit is left out, as is an English stop word (PostgreSQL's english
configuration leaves out the same ones)."""

import re

from search.terms import EDGE_PUNCTUATION, MAX_WORDS
from search.trigrams import words

# A quoted phrase (its closing quote may be missing), or a run of anything else but spaces.
_PIECES = re.compile(r'"([^"]*)"?|([^\s"]+)')

# PostgreSQL's english.stop (the Snowball list).
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now""".split()
)


def quoted(text: str) -> str:
    """An FTS5 string: in double quotes, a double quote doubled."""
    return '"' + text.replace('"', '""') + '"'


def each_of(groups: list[list[str]]) -> str:
    """One term of each group: ("a" OR "b") AND ("c")."""
    return " AND ".join("(" + " OR ".join(map(quoted, group)) + ")" for group in groups)


def websearch(text: str) -> str:
    """An FTS5 query for text as websearch_to_tsquery reads it; "" when it asks for nothing
    (only stop words, punctuation, or words that must not be there: PostgreSQL would find
    everything without them, a search finds nothing here)."""
    alternatives: list[tuple[list[str], list[str]]] = [([], [])]  # (wanted, unwanted) each
    count = 0
    for match in _PIECES.finditer(text):
        phrase, word = match.groups()
        if word is not None and word.casefold() == "or":
            alternatives.append(([], []))
            continue
        unwanted = word is not None and word.startswith("-") and len(word) > 1
        piece = phrase if phrase is not None else word.strip(EDGE_PUNCTUATION)
        tokens = words(piece)
        if not tokens or (phrase is None and " ".join(tokens) in STOP_WORDS):
            continue
        count += 1
        if count > MAX_WORDS:
            break
        alternatives[-1][1 if unwanted else 0].append(quoted(piece))
    clauses = [
        " NOT ".join([f"({' AND '.join(wanted)})", *unwanted])
        for wanted, unwanted in alternatives
        if wanted
    ]
    return " OR ".join(clauses)  # NOT binds tighter than AND, AND than OR
