"""What the way a name is written says about it, read from the original text: a title set as a
title (in italics, in quotes, its words capitalised mid-sentence), a name capitalised, a surname
that is part of a longer proper name ("the Turner Prize", "Tina Turner")."""

import re
from functools import lru_cache

from featuring.normalizing import APOSTROPHES, normal_form
from featuring.words import is_common

_WORD = re.compile(r"[^\W_]+")
# Words a title capitalises by convention only, and a name's particles.
_SMALL_WORDS = frozenset(
    "the a an of and in on at to for with by from or "
    "van von de der den di da del della du la le".split()
)
OPENING_QUOTES = "\"'“‘«„‹"
CLOSING_QUOTES = "\"'”’»‹›"
_SENTENCE_ENDS = ".!?…\n"
# What may stand between the start of a sentence and its first word.
_LEADING = " \t\"'“‘«„‹([—–-"


def words(found: str) -> list[str]:
    """The words of a name as written, without the s of a possessive."""
    result = []
    for match in _WORD.finditer(found):
        start, end = match.span()
        possessive = match.group() in "sS" and start >= 2 and found[start - 1] in APOSTROPHES
        if not possessive:
            result.append(match.group())
    return result


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    return normal_form(word)


def _upper(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def capitalised(found: str) -> bool:
    """Every word of the name starts with a capital (or a digit), little words aside: "Francis
    Bacon", "Gilbert and George", "Vincent van Gogh"; not "bacon"."""
    checked = [_upper(word) for word in words(found) if word not in _SMALL_WORDS]
    return bool(checked) and all(checked)


def all_capitals(found: str) -> bool:
    return any(char.isalpha() for char in found) and found.upper() == found


def cased_as(found: str, title: str) -> bool:
    """The words the catalogue's title capitalises are capitalised as written ("Sunflower Seeds"
    and "SUNFLOWER SEEDS" for Sunflower Seeds, not "sunflower seeds"); articles and prepositions
    do not count ("the Fighting Temeraire"); False when the title capitalises nothing else."""
    if all_capitals(found):
        return True
    capitalised = {_key(word): _upper(word) for word in words(title)}
    checked = [
        _upper(word)
        for word in words(found)
        if capitalised.get(_key(word)) and _key(word) not in _SMALL_WORDS
    ]
    return bool(checked) and all(checked)


def at_sentence_start(text: str, start: int) -> bool:
    """Nothing but a quote, bracket or dash between the start of a sentence and `start`."""
    index = start - 1
    while index >= 0 and text[index] in _LEADING:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_ENDS or text[index] == ":"


def quoted(text: str, start: int, end: int) -> bool:
    """Written in quotes: “Remembering”, 'Sunflower Seeds', "Pelagos," (a comma inside)."""
    if start == 0 or text[start - 1] not in OPENING_QUOTES:
        return False
    after = text[end : end + 2]
    return bool(after) and (
        after[0] in CLOSING_QUOTES or (after[0] in ",.;:!?" and after[1:2] in tuple(CLOSING_QUOTES))
    )


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    """The word just before `start`, separated from it by one space only."""
    if start < 2 or text[start - 1] != " ":
        return None
    match = re.search(r"([^\W_]+)[.]?$", text[max(0, start - 40) : start - 1])
    if match is None:
        return None
    return match.group(1), start - 1 - (len(match.group(0)))


def in_longer_name(text: str, start: int, end: int) -> bool:
    """The name is part of a longer proper name: a capitalised word right after it ("Turner
    Prize", "Hepworth Wakefield"; not after a possessive) or right before it ("Tina Turner"),
    other than a word that only starts the sentence ("When Hepworth moved...")."""
    possessive = end >= 2 and text[end - 2] in APOSTROPHES and text[end - 1] in "sS"
    following = re.match(r" ([^\W_]+)", text[end : end + 40])
    if following and following.group(1)[:1].isupper() and not possessive:
        return True  # "Turner Prize"; but "Bacon's Three Figures" is Bacon and his painting
    previous = _previous_word(text, start)
    if previous is None:
        return False
    word, word_start = previous
    if not word[:1].isupper():
        return False
    return not (at_sentence_start(text, word_start) and is_common(word.lower()))
