"""Text as the matcher compares it: case-folded, accents removed, punctuation and apostrophes as
spaces, a possessive 's dropped, whitespace collapsed, with the offset of every character back in
the original text ("Weiwei’s" -> "weiwei", "AI  WEIWEI" -> "ai weiwei", "Self-Portrait" -> "self
portrait"). Names and titles of the catalogue go through the same function as the articles."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i"}
# A word: letters and digits of every script (\w without the underscore).
_WORD = re.compile(r"[^\W_]+")
APOSTROPHES = "'’‘ʼ`´"


@dataclass(frozen=True)
class Normalized:
    """`text` is padded with a space at both ends, so that " ai weiwei " is found as a whole word;
    `starts[i]` is the offset in the original text of the character `text[i]` comes from."""

    text: str
    starts: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of `text[start:end]` (a run of words, no padding)."""
        return self.starts[start], self.starts[end - 1] + 1


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


def normalize(text: str) -> Normalized:
    """The folded, padded text and its offsets (see the module's docstring)."""
    pieces = [" "]
    starts = [0]
    for match in _WORD.finditer(text):
        start, end = match.span()
        if _is_possessive_s(text, start, end):
            continue
        word = match.group()
        if word.isascii():
            folded = word.lower()
            pieces.append(folded)
            starts.extend(range(start, end))
        else:
            folded_chars = [(offset, _fold_char(char)) for offset, char in enumerate(word, start)]
            if not any(folded for _, folded in folded_chars):
                continue
            for offset, folded in folded_chars:
                pieces.append(folded)
                starts.extend([offset] * len(folded))
        pieces.append(" ")
        starts.append(end)
    if len(pieces) == 1:
        pieces.append(" ")
        starts.append(len(text))
    return Normalized("".join(pieces), starts)


def normal_form(name: str) -> str:
    """A name or title as the automaton holds it, unpadded: "Hepworth, Dame Barbara" ->
    "hepworth dame barbara"; "" for a name without a letter or digit."""
    return normalize(name).text.strip()
