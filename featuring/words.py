"""Ordinary English, by how often a word is used (data/english_words.txt, most frequent first;
its origin in data/README.md). A title made of such words ("Remembering", "Sunflower Seeds") or
a surname that is one ("Turner", "Bell", "Frost") is not trusted on its own."""

from functools import cache
from pathlib import Path

# A word among this many of the most frequent is ordinary English, in a title: "sunflower" (rank
# 17,837) is, "urn" (20,920) is not.
COMMON_RANK = 20_000
# The list counts names as words: a surname among this many is too ordinary to name an artist
# alone. "Constable" (9,571), "Turner" (5,186), "Moore", "Bacon", "Frost" are; "Picasso"
# (15,591), "Freud", "Lowry", "Kapoor" are not.
SURNAME_COMMON_RANK = 10_000
_LIST = Path(__file__).resolve().parent / "data" / "english_words.txt"


@cache
def _ranks() -> dict[str, int]:
    words = _LIST.read_text(encoding="utf-8").split()
    return {word: rank for rank, word in enumerate(words)}


def is_common(word: str, *, rank: int = COMMON_RANK) -> bool:
    """The (normalized) word is among the `rank` most frequent of English."""
    return _ranks().get(word, rank) < rank


def all_common(words: list[str] | tuple[str, ...], *, rank: int = COMMON_RANK) -> bool:
    return all(is_common(word, rank=rank) or word.isdigit() for word in words)
