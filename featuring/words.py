"""Ordinary English, by how often a word is used (data/english_words.txt, most frequent first;
its origin in data/README.md). A title made of such words ("Remembering", "Sunflower Seeds") or
a surname that is one ("Turner", "Bell", "Frost") is not trusted on its own."""

from functools import cache
from pathlib import Path

# A word among this many of the most frequent is ordinary English. Measured on the labelled set
# (tests/fixtures/featuring/): 20,000 keeps "sunflower" and "urn" out and "picasso" in.
COMMON_RANK = 20_000
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
