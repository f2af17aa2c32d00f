"""How strongly one article relates to another. Pure functions over article features: no
database here, so the rebuild, the incremental update and the tests all score alike.

See docs/recommendations.md for the reasoning behind each term.
"""

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Features:
    """What scoring knows of an article."""

    id: int
    section_id: int
    published_at: datetime | None
    tags: frozenset[int]
    artists: frozenset[int]
    artworks: frozenset[int]
    # An evergreen article (set by its editors) is recommended as if it were new: no recency.
    evergreen: bool = False
    # The series it is a part of, if any: parts of one series belong together.
    series_id: int | None = None


@dataclass(frozen=True, slots=True)
class Match:
    target_id: int
    score: float
    tags: tuple[int, ...]
    artists: tuple[int, ...]
    artworks: tuple[int, ...]
    same_section: bool
    # The shared tags rare enough to be told as "the rare tag …" (RARE_TAG_WEIGHT).
    rare_tags: tuple[int, ...] = ()
    same_series: bool = False


@dataclass(frozen=True, slots=True)
class Weights:
    tag: float
    artist: float
    artwork: float
    section: float
    # Two parts of one series: at least as strong as a shared artist (its own, it passes the
    # floor); the block shows at most one card of a series (ranking.py).
    series: float = 2.0


# A tag on more than this share of the site still adds its (small) weight to a candidate's
# score, but does not by itself nominate candidates: such tags would pair most articles with
# most others and say little about any pair.
NOMINATING_TAG_SHARE = 0.002
NOMINATING_TAG_MIN_ARTICLES = 50
# A shared tag whose rarity weighs at least this (a tag on fewer than about N^0.4 articles) is
# told to moderators and readers as a rare one: on its own it passes the floor.
RARE_TAG_WEIGHT = 0.6
# How many nominated candidates per article get a full score (the rest cannot win on the
# small terms a full score adds: common tags, section, recency).
SHORTLIST = 30


class Scorer:
    def __init__(
        self,
        *,
        weights: Weights,
        floor: float,
        half_life_days: float,
        now: datetime,
        article_count: int,
        tag_counts: dict[int, int],
    ):
        self.weights = weights
        self.floor = floor
        self.half_life_days = half_life_days
        self.now = now
        self.article_count = max(article_count, 2)
        self.tag_counts = tag_counts
        self.nominating_max = max(
            NOMINATING_TAG_MIN_ARTICLES, int(self.article_count * NOMINATING_TAG_SHARE)
        )
        self._log_n = math.log(self.article_count)
        self._tag_weights: dict[int, float] = {}

    def tag_weight(self, tag_id: int) -> float:
        """Rarity, scaled to 0..1: a tag on one article weighs 1, one on every article 0."""
        weight = self._tag_weights.get(tag_id)
        if weight is None:
            count = min(max(self.tag_counts.get(tag_id, 1), 1), self.article_count)
            weight = self.weights.tag * math.log(self.article_count / count) / self._log_n
            self._tag_weights[tag_id] = weight
        return weight

    def nominates(self, tag_id: int) -> bool:
        return self.tag_counts.get(tag_id, 0) <= self.nominating_max

    def recency(self, published_at: datetime | None, evergreen: bool = False) -> float:
        """A gentle preference for recent targets: 1 for today, 0.75 at one half-life, never
        below 0.5; 1 for an evergreen target, however old."""
        if evergreen or published_at is None or self.half_life_days <= 0:
            return 1.0
        age_days = max((self.now - published_at).total_seconds() / 86400, 0.0)
        return 0.5 + 0.5 * 0.5 ** (age_days / self.half_life_days)

    def relatedness_score(self, source: Features, target: Features) -> float:
        """The symmetric part of the score: what the two articles share, weighted."""
        score = (
            sum(map(self.tag_weight, source.tags & target.tags))
            + self.weights.artist * len(source.artists & target.artists)
            + self.weights.artwork * len(source.artworks & target.artworks)
        )
        if source.section_id == target.section_id:
            score += self.weights.section
        if source.series_id is not None and source.series_id == target.series_id:
            score += self.weights.series
        return score

    def relatedness(self, source: Features, target: Features, score: float | None = None) -> Match:
        """What the two articles share, and its weight (given, when already computed)."""
        if score is None:
            score = self.relatedness_score(source, target)
        tags = tuple(sorted(source.tags & target.tags))
        return Match(
            target.id,
            score,
            tags,
            tuple(sorted(source.artists & target.artists)),
            tuple(sorted(source.artworks & target.artworks)),
            source.section_id == target.section_id,
            tuple(tag for tag in tags if self.is_rare(tag)),
            source.series_id is not None and source.series_id == target.series_id,
        )

    def is_rare(self, tag_id: int) -> bool:
        return self.tag_weight(tag_id) >= RARE_TAG_WEIGHT * self.weights.tag

    def best(
        self,
        source: Features,
        candidates: list[Features],
        limit: int,
        *,
        excluding: Collection[int] = (),
    ) -> list[Match]:
        """The top `limit` candidates, best first, whose relatedness reaches the floor; never
        the source, nor the targets `excluding` names (pairs a person already decided on).
        The floor applies to relatedness alone, so an old article that is truly related still
        shows; recency (the target's) only orders what passed."""
        scored = []
        for target in candidates:
            if target.id == source.id or target.id in excluding:
                continue
            related = self.relatedness_score(source, target)
            if related >= self.floor:
                scored.append(
                    (
                        related * self.recency(target.published_at, target.evergreen),
                        target.id,
                        target,
                    )
                )
        scored.sort(key=lambda entry: (-entry[0], entry[1]))
        return [
            self.relatedness(source, target, score) for score, _target_id, target in scored[:limit]
        ]
