"""The labelled set of the matcher (tests/fixtures/featuring/): its articles, the catalogue they
are matched against, and precision and recall of find_mentions() over them."""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from featuring.catalogue import Catalogue, build
from featuring.matching import mentions_in
from featuring.texts import body_field, plain_field

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "featuring"


@dataclass(frozen=True)
class Article:
    id: str
    split: str
    title: str
    standfirst: str
    body: str
    features: frozenset[tuple[str, int]]


@dataclass
class Score:
    articles: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)  # found, not labelled
    missed: list[str] = field(default_factory=list)  # labelled, not found

    @property
    def precision(self) -> float:
        return self.right / ((self.right + len(self.wrong)) or 1)

    @property
    def recall(self) -> float:
        return self.right / ((self.right + len(self.missed)) or 1)

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.right}/{self.right + len(self.wrong)}), "
            f"recall {self.recall:.3f} ({self.right}/{self.right + len(self.missed)}) "
            f"over {self.articles} articles"
        )


@cache
def catalogue_rows() -> tuple[list, list]:
    data = json.loads((FIXTURES / "catalogue.json").read_text(encoding="utf-8"))
    return data["artists"], data["artworks"]


@cache
def catalogue() -> Catalogue:
    artists, artworks = catalogue_rows()
    return build(artists, artworks)


def _resolve(label: str) -> tuple[str, int]:
    """("artist", id) or ("artwork", id) of "artist: Name" or "artwork: Title / Artist"."""
    artists, artworks = catalogue_rows()
    kind, _, what = label.partition(": ")
    if kind == "artist":
        ids = [artist_id for artist_id, name, _ in artists if name == what]
    else:
        title, _, artist = what.rpartition(" / ")
        by = {artist_id for artist_id, name, _ in artists if name == artist}
        ids = [i for i, t, credits in artworks if t == title and by.intersection(credits)]
    assert len(ids) == 1, f"the label {label!r} names {len(ids)} objects of the catalogue"
    return kind, ids[0]


@cache
def articles() -> tuple[Article, ...]:
    result = []
    for name in ("articles.yaml", "demo_articles.yaml"):
        for data in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")):
            result.append(
                Article(
                    id=data["id"],
                    split=data["split"],
                    title=data["title"],
                    standfirst=data["standfirst"] or "",
                    body=data["body"] or "",
                    features=frozenset(_resolve(label) for label in data["features"]),
                )
            )
    return tuple(result)


def found_in(article: Article, catalogue: Catalogue) -> set[tuple[str, int]]:
    fields = [
        plain_field("title", article.title),
        plain_field("standfirst", article.standfirst),
        body_field(article.body),
    ]
    return {(m.kind, m.object_id) for m in mentions_in(fields, catalogue)}


def score(split: str | None = None) -> Score:
    """Precision and recall over the articles of a split (all of them for None)."""
    result = Score()
    names = _names()
    for article in articles():
        if split is not None and article.split != split:
            continue
        found = found_in(article, catalogue())
        result.articles += 1
        result.right += len(found & article.features)
        result.wrong += [f"{article.id}: {names[key]}" for key in sorted(found - article.features)]
        result.missed += [f"{article.id}: {names[key]}" for key in sorted(article.features - found)]
    return result


def _names() -> dict[tuple[str, int], str]:
    artists, artworks = catalogue_rows()
    names = {("artist", artist_id): f"artist {name}" for artist_id, name, _ in artists}
    names.update({("artwork", i): f"artwork {title}" for i, title, _ in artworks})
    return names
