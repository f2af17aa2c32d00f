"""The reader's words as FTS5 query expressions (backends/sqlite.py). Each word is a quoted
string, so nothing typed is FTS5 syntax (AND, NEAR, *, ^, column filters, parentheses are
words or nothing); a word with no letter or digit is left out, as is an English stop word
(PostgreSQL's english configuration leaves out the same ones)."""

from search.trigrams import words

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


def all_words(typed: list[str]) -> str:
    """Every word (a phrase of its tokens: "l'école" is "l" then "ecole"); "" for none."""
    kept = [word for word in typed if words(word) and " ".join(words(word)) not in STOP_WORDS]
    return " AND ".join(quoted(word) for word in kept)


def each_of(groups: list[list[str]]) -> str:
    """One term of each group: ("a" OR "b") AND ("c")."""
    return " AND ".join("(" + " OR ".join(map(quoted, group)) + ")" for group in groups)
