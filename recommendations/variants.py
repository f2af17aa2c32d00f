"""The scorings a block can be ranked by: the standard one every reader sees, and those an
experiment may compare with it (recommendations/interleaving.py). A scoring here re-ranks the
links the engine stored (their score already holds relatedness and the engine's gentle
recency, docs/recommendations.md): how much a steeper freshness decay counts at read time,
and how strongly near-duplicates are pushed down (maximal marginal relevance, ranking.py).
Pinned links are never ranked: they keep their slots."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True, slots=True)
class Variant:
    key: str
    label: str
    # Read-time freshness: a target's score is multiplied by
    # floor + (1 - floor) * 0.5 ** (age in days / half-life); None: no read-time decay.
    # Evergreen articles never decay.
    half_life_days: float | None
    freshness_floor: float
    # Maximal marginal relevance's lambda: 1 ranks by score alone; lower values weigh a
    # candidate's likeness to the links already placed more.
    diversity: float


VARIANTS: dict[str, Variant] = {
    variant.key: variant
    for variant in (
        Variant("standard", "Standard: score, then near-duplicates pushed down", None, 1.0, 0.7),
        Variant("score-only", "Score only: no diversity re-ranking", None, 1.0, 1.0),
        Variant("fresher", "Fresher: standard with a 180-day freshness decay", 180, 0.25, 0.7),
        Variant("more-diverse", "More diverse: near-duplicates pushed down harder", None, 1.0, 0.4),
    )
}


def choices() -> list[tuple[str, str]]:
    return [(variant.key, variant.label) for variant in VARIANTS.values()]


def standard() -> Variant:
    """The scoring every reader sees outside an experiment (RECOMMENDATIONS_VARIANT)."""
    return VARIANTS[settings.RECOMMENDATIONS_VARIANT]
