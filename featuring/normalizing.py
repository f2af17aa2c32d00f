"""Text as the matcher compares it: case-folded, accents removed, punctuation and apostrophes as
spaces, a possessive 's dropped, whitespace collapsed, with the offset of every character back in
the original text ("Weiwei’s" -> "weiwei", "AI  WEIWEI" -> "ai weiwei", "Self-Portrait" -> "self
portrait"). Names and titles of the catalogue go through the same function as the articles."""

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i"}
# A word: letters and digits of every script (\w without the underscore).
_WORD = re.compile(r"[^\W_]+")
APOSTROPHES = "'’‘ʼ`´"
# The 's of a possessive: "Weiwei's", "Hepworth’s" (not the s of "it's"? that too: harmless).
# A letter or digit beyond ASCII (its word is folded one character at a time).
_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f]")
_POSSESSIVE = re.compile(rf"(?<=[^\W_])[{APOSTROPHES}][sS](?![^\W_])")


@dataclass(frozen=True)
class Normalized:
    """`text` is padded with a space at both ends, so that " ai weiwei " is found as a whole
    word. Its words are the original's words in order, one space apart: word k starts at
    `word_starts[k]` in `text` and at `original_starts[k]` in the original, and its characters
    map one to one, except for the few words whose folding changed their length ("ß" -> "ss"),
    whose characters' original offsets are in `odd_words[k]`."""

    text: str
    word_starts: list[int]
    original_starts: list[int]
    odd_words: dict[int, list[int]]

    def original(self, index: int) -> int:
        """The original offset of `text[index]` (a character of a word)."""
        word = bisect.bisect_right(self.word_starts, index) - 1
        within = index - self.word_starts[word]
        odd = self.odd_words.get(word)
        return odd[within] if odd is not None else self.original_starts[word] + within

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of `text[start:end]` (a run of words, no padding)."""
        return self.original(start), self.original(end - 1) + 1


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character folded: accents dropped, case folded, æ as ae; "" for a lone accent."""
    decomposed = unicodedata.normalize("NFKD", char)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = "".join(_BASE_LETTERS.get(c, c) for c in bare)
    return "".join(c for c in bare if c.isalnum())


def _is_possessive_s(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is the s of a possessive: "Weiwei's", "Hepworth’s"."""
    return (
        end - start == 1
        and text[start] in "sS"
        and start >= 2
        and text[start - 1] in APOSTROPHES
        and text[start - 2].isalnum()
    )


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def normalize(text: str) -> Normalized:
    """The folded, padded text and its offsets (see the module's docstring). The text is read a
    word at a time by the regular expression's engine, not a character at a time in Python: a
    3,000-word article in about a millisecond. Only its words with letters beyond ASCII (few,
    in English) are folded one character at a time."""
    source = _POSSESSIVE.sub(_blank, text)  # same length: the offsets hold
    original_starts = [match.start() for match in _WORD.finditer(source)]
    lowered = source.lower()
    if len(lowered) == len(source):
        folded = _WORD.findall(lowered)
    else:  # a letter whose lower case is longer ("İ"): word by word
        folded = [word.lower() for word in _WORD.findall(source)]
    odd_words: dict[int, list[int]] = {}
    if not source.isascii():
        dropped = False
        words_beyond = {
            bisect.bisect_right(original_starts, match.start()) - 1
            for match in _BEYOND_ASCII.finditer(source)
        }
        for index in sorted(words_beyond):
            start = original_starts[index]
            word = _WORD.match(source, start).group()
            chars = [(offset, _fold_char(char)) for offset, char in enumerate(word, start)]
            folded[index] = "".join(piece for _, piece in chars)
            if len(folded[index]) != len(word):
                odd_words[index] = [offset for offset, piece in chars for _ in piece]
            dropped = dropped or not folded[index]
        if dropped:  # a word of lone accents: no word at all
            kept = [index for index, word in enumerate(folded) if word]
            odd_words = {kept.index(i): offsets for i, offsets in odd_words.items() if folded[i]}
            folded = [folded[index] for index in kept]
            original_starts = [original_starts[index] for index in kept]
    word_starts = list(accumulate((len(word) + 1 for word in folded), initial=1))[:-1]
    return Normalized(" " + " ".join(folded) + " ", word_starts, original_starts, odd_words)


def normal_form(name: str) -> str:
    """A name or title as the automaton holds it, unpadded: "Hepworth, Dame Barbara" ->
    "hepworth dame barbara"; "" for a name without a letter or digit. The same text as
    normalize(name).text.strip(), without the offsets (the catalogue folds 74,000 names)."""
    words = []
    for match in _WORD.finditer(name):
        start, end = match.span()
        if _is_possessive_s(name, start, end):
            continue
        word = match.group()
        folded = word.lower() if word.isascii() else "".join(_fold_char(char) for char in word)
        if folded:
            words.append(folded)
    return " ".join(words)
