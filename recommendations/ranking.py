"""The order of a block's unpinned links under one scoring (variants.py): pure functions over
what the block's one read loaded, so that the public block, the experiments and the tests rank
alike.

- **Freshness.** A scoring may decay old targets at read time, beyond the engine's gentle
  recency (already in the stored score): score × (floor + (1 − floor) × 0.5 ^ (age / half-life)).
  An evergreen target never decays.
- **Diversity** (maximal marginal relevance, Carbonell and Goldstein 1998): links are placed
  one at a time, each the candidate with the best λ × relevance − (1 − λ) × likeness to the
  links already placed (pins included). Relevance is the score over the best score; a link a
  moderator approved is above every suggestion (approved links in their order, from 11 down to
  just above 10), so approved links come before suggestions unless the rule below holds one
  back. Likeness of two targets is the Jaccard overlap of their featured artists and what each
  shares with the source (artworks, tags), with their section counting a fifth: four articles
  on one artist in one section are near-duplicates, four on four artists are not.
- **Near-duplicates last**: however strong its score, a link at least NEAR_DUPLICATE (0.75) like
  one already shown, or on an artist who already has ARTIST_CAP (2) links shown, waits until no
  other link is left; so the block is never four near-identical articles while the stored links
  hold anything else, and never has an empty slot because of diversity.
- **One card a series**: parts of one series score high together (a shared series is a strong
  signal, scoring.py), so among the unpinned links a second part of a series (SERIES_CAP) waits
  until no other link is left, before the two rules above are applied to the rest (a link of
  another series or of none is shown even when it is a near-duplicate). Pins are never moved.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from recommendations.models import block_order_key
from recommendations.variants import Variant

# Above any suggestion whatever its likeness to what is shown (λ × 10 outweighs 1 − λ), so
# only the near-duplicate and artist rules below send an approved link after a suggestion.
APPROVED_BONUS = 10.0
SECTION_SHARE = 0.2
# A link this like one already shown is a near-duplicate; an artist has at most this many links
# in a block. Both only hold a link back while another is left: diversity never empties a slot.
NEAR_DUPLICATE = 0.75
ARTIST_CAP = 2
# Unpinned links of one series in a block, while another link is left.
SERIES_CAP = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored link the block may show, with what ranking needs of its target."""

    target_id: int
    kind: str  # "pinned", "approved" or "suggested"
    position: int | None  # a pin's order
    score: float
    published_at: datetime | None
    evergreen: bool
    section_id: int | None
    artists: frozenset[int]
    reasons: dict
    series_id: int | None = None

    def traits(self) -> frozenset:
        reasons = self.reasons or {}
        return frozenset(
            [("artist", artist) for artist in self.artists]
            + [("artwork", name) for name in reasons.get("artworks") or ()]
            + [("tag", name) for name in reasons.get("tags") or ()]
        )


def freshness(candidate: Candidate, variant: Variant, now: datetime) -> float:
    if variant.half_life_days is None or candidate.evergreen or candidate.published_at is None:
        return 1.0
    age_days = max((now - candidate.published_at).total_seconds() / 86400, 0.0)
    floor = variant.freshness_floor
    return floor + (1 - floor) * 0.5 ** (age_days / variant.half_life_days)


def likeness(one: Candidate, other: Candidate) -> float:
    """0 (nothing in common) to 1 (the same artists, shared works and tags, and section)."""
    mine, theirs = one.traits(), other.traits()
    union = mine | theirs
    overlap = len(mine & theirs) / len(union) if union else 0.0
    same_section = one.section_id is not None and one.section_id == other.section_id
    return (1 - SECTION_SHARE) * overlap + SECTION_SHARE * same_section


def held_back(candidate: Candidate, shown: list[Candidate]) -> int:
    """How firmly the block's rules hold `candidate` back after the links `shown` (pins
    included), in ranked()'s order of precedence: 0 nothing holds it back, 1 the near-duplicate
    or artist rule, 2 the series cap (a second unpinned part of a series waits first of all).
    For the interleaved draft of two scorings (selectors.py), whose picks together must keep the
    rules as ranked() keeps them: a team takes its first link of the lowest rank."""
    series = Counter(s.series_id for s in shown if s.kind != "pinned" and s.series_id is not None)
    if candidate.series_id is not None and series[candidate.series_id] >= SERIES_CAP:
        return 2
    alike = max((likeness(candidate, s) for s in shown), default=0.0)
    return int(_breaks_rules(candidate, alike, Counter(a for s in shown for a in s.artists)))


def _breaks_rules(candidate: Candidate, alike: float, artists: Counter) -> bool:
    """At least NEAR_DUPLICATE like a link shown, or on an artist with ARTIST_CAP links shown."""
    return alike >= NEAR_DUPLICATE or any(artists[a] >= ARTIST_CAP for a in candidate.artists)


def pinned_first(candidates: list[Candidate]) -> list[Candidate]:
    """The pins, in their order (they keep the first slots; no scoring moves them)."""
    pins = [c for c in candidates if c.kind == "pinned"]
    return sorted(pins, key=lambda c: block_order_key(c.kind, c.position, c.score, c.target_id))


def ranked(
    candidates: list[Candidate], variant: Variant, now: datetime, *, placed: list[Candidate] = ()
) -> list[Candidate]:
    """Every unpinned candidate, in the order the scoring places them after `placed` (the pins)."""
    pool = [c for c in candidates if c.kind != "pinned"]
    weighted = {c.target_id: max(c.score, 0.0) * freshness(c, variant, now) for c in pool}
    best = max(weighted.values(), default=0.0) or 1.0
    relevance = {c.target_id: weighted[c.target_id] / best for c in pool}
    # Approved links in the order moderators left them (a position first, then score), each
    # above every suggestion: from 11 down to just above 10.
    approved = sorted(
        (c for c in pool if c.kind == "approved"),
        key=lambda c: (c.position is None, c.position or 0, -weighted[c.target_id], c.target_id),
    )
    for index, c in enumerate(approved):
        relevance[c.target_id] = APPROVED_BONUS + 1 - index / len(approved) * 0.999
    lam = variant.diversity
    if lam >= 1:  # score alone: the block order of models.in_block_order(), freshness applied
        return sorted(
            pool,
            key=lambda c: block_order_key(c.kind, c.position, weighted[c.target_id], c.target_id),
        )
    shown = list(placed)
    order = []
    while pool:
        alike = {c.target_id: max((likeness(c, s) for s in shown), default=0.0) for c in pool}
        # Held back while anything else is left: a near-duplicate of a link already shown, and
        # a link on an artist who already has ARTIST_CAP links shown.
        artists = Counter(artist for s in shown for artist in s.artists)
        # A second unpinned part of a series waits first of all, while anything else is left.
        series = Counter(s.series_id for s in order if s.series_id is not None)
        other_series = [
            c for c in pool if c.series_id is None or series[c.series_id] < SERIES_CAP
        ] or pool
        eligible = [
            c for c in other_series if not _breaks_rules(c, alike[c.target_id], artists)
        ] or other_series
        chosen = min(
            eligible,
            key=lambda c, alike=alike: (
                -(lam * relevance[c.target_id] - (1 - lam) * alike[c.target_id]),
                c.target_id,
            ),
        )
        pool.remove(chosen)
        shown.append(chosen)
        order.append(chosen)
    return order
