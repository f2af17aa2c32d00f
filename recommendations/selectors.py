"""Read-side queries for the "You may also like" block: stored links only, never a score.

Whether a target may be shown is decided when the block is read, through
Article.objects.published(): a target unpublished, turned back into a draft or scheduled for
later drops out of every block at once, with no recompute.
"""

from functools import cache

from django.conf import settings
from django.db.models import Subquery
from django.utils import timezone

from articles.models import Article
from articles.querysets import is_live
from recommendations import ranking, variants
from recommendations.interleaving import team_draft
from recommendations.models import Experiment, RelatedLink
from recommendations.slots import Block, Slot
from sqlreads import compiled


def related_links_for(article: Article, *, policy: str | None = None, limit: int | None = None):
    """The links shown under `article`, in block order (pinned by position, then approved, then
    suggestions best first), with each target and its section: one query.

    `policy` defaults to settings.RECOMMENDATIONS_MODERATION ("post" shows suggestions, "pre"
    only approved and pinned links); `limit` to settings.RECOMMENDATIONS_BLOCK_SIZE.
    """
    return _shown_links(article, policy, limit).select_related("target__section")


def _shown_links(article, policy, limit):
    if policy is None:
        policy = settings.RECOMMENDATIONS_MODERATION
    if limit is None:
        limit = settings.RECOMMENDATIONS_BLOCK_SIZE
    return (
        RelatedLink.objects.filter(source=article, target__in=Article.objects.published())
        .shown(policy=policy)
        .in_block_order()[:limit]
    )


def block_for(article: Article, *, policy: str | None = None, size: int | None = None) -> Block:
    """What the block under `article` shows, slot by slot: the pins in their order, then the
    other links as the standard scoring ranks them (ranking.py: freshness, diversity), or,
    while an experiment runs, as its two scorings draft them in turn (interleaving.py).
    Only links a reader may see (the moderation policy) to targets public now. One query: the
    links with what ranking needs of their targets, and the running experiment's id."""
    if policy is None:
        policy = settings.RECOMMENDATIONS_MODERATION
    if size is None:
        size = settings.RECOMMENDATIONS_BLOCK_SIZE
    now = timezone.now()
    candidates: dict[int, ranking.Candidate] = {}
    artists: dict[int, set[int]] = {}
    experiment_id = None
    for row in _candidates_read(policy).rows(source=article.pk):
        (target, status, position, score, reasons, target_status, published_at, evergreen,
         section_id, series_id, artist, experiment_id) = row  # fmt: skip
        if not is_live(target_status, published_at, now):
            continue
        artists.setdefault(target, set())
        if artist is not None:
            artists[target].add(artist)
        if target not in candidates:
            candidates[target] = ranking.Candidate(
                target, status, position, score, published_at, evergreen, section_id,
                frozenset(), reasons or {}, series_id,
            )  # fmt: skip
    pool = [
        ranking.Candidate(**{**_fields(c), "artists": frozenset(artists[c.target_id])})
        for c in candidates.values()
    ]
    pins = ranking.pinned_first(pool)[:size]
    slots = [Slot(n, c.target_id, c.kind, "", c.reasons) for n, c in enumerate(pins, start=1)]
    free = size - len(slots)
    experiment = _experiment_variants(experiment_id) if experiment_id else None
    if free > 0 and experiment is not None:
        first, second = (
            [c.target_id for c in ranking.ranked(pool, variant, now, placed=pins)]
            for variant in experiment
        )
        by_id = {c.target_id: c for c in pool}

        def held_back(target: int, placed: list[int]) -> int:
            return ranking.held_back(by_id[target], [*pins, *(by_id[t] for t in placed)])

        drawn = team_draft(
            first, second, free, seed=f"{experiment_id}:{article.pk}", held_back=held_back
        )
        for target, team in drawn:
            chosen = by_id[target]
            slots.append(Slot(len(slots) + 1, target, chosen.kind, team, chosen.reasons))
        return Block(article.pk, tuple(slots), experiment_id)
    if free > 0:
        for chosen in ranking.ranked(pool, variants.standard(), now, placed=pins)[:free]:
            slots.append(Slot(len(slots) + 1, chosen.target_id, chosen.kind, "", chosen.reasons))
    return Block(article.pk, tuple(slots), None)


def _fields(candidate: ranking.Candidate) -> dict:
    return {name: getattr(candidate, name) for name in ranking.Candidate.__slots__}


@cache
def _candidates_read(policy: str) -> compiled.Read:
    """Every shown link of a source with its target's status, publication time, evergreen
    flag, section, series and featured artists (a row per artist), and the running
    experiment."""
    running = Experiment.objects.filter(running=True).values("pk")[:1]
    return compiled.Read(
        lambda source: (
            RelatedLink.objects.filter(source_id=source)
            .shown(policy=policy)
            .annotate(experiment=Subquery(running))
            .order_by()
            .values_list(
                "target_id",
                "status",
                "position",
                "score",
                "reasons",
                "target__status",
                "target__published_at",
                "target__evergreen",
                "target__section_id",
                "target__series_id",
                "target__featured_artists",
                "experiment",
            )
        ),
        source=int,
    )


# The scorings of each experiment that ran in this process: fixed once an experiment started
# (its admin makes them read-only), so read once.
_experiments: dict[int, tuple[variants.Variant, variants.Variant] | None] = {}


def _experiment_variants(experiment_id: int):
    if experiment_id not in _experiments:
        row = Experiment.objects.filter(pk=experiment_id).values_list("variant_a", "variant_b")
        pair = row.first()
        known = pair and all(key in variants.VARIANTS for key in pair)
        _experiments[experiment_id] = (
            tuple(variants.VARIANTS[key] for key in pair) if known else None
        )
    return _experiments[experiment_id]
