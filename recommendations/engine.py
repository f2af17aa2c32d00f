"""Updating suggestions after one article changes (the full rebuild is in rebuild.py).

Nothing here runs while a reader waits: the update is a task that runs after the transaction
that changed the article commits. It never touches a link a person decided on (approved,
pinned, rejected): only rows with status "suggested" are replaced.
"""

from django.db import transaction

from recommendations.features import (
    load_features,
    scorer_for,
    site_counts,
    stored_per_article,
)
from recommendations.models import RelatedLink
from recommendations.names import Names
from recommendations.nominate import postings_from_database, shortlist
from recommendations.rebuild import RebuildSummary, rebuild  # noqa: F401 (the engine's API)
from recommendations.scoring import Features, Match, Scorer


def refresh_article(article_id: int):
    """After an article was published, changed, unpublished or deleted: recompute its own
    suggestions, and put it into (or take it out of) the lists of the articles it relates to."""
    source = load_features([article_id]).get(article_id)
    if source is None:
        _leave_everywhere(article_id)
        return
    scorer = _scorer_around(source)
    ids = shortlist(source, scorer=scorer, **_named(postings_from_database(source, scorer)))
    candidates = load_features(ids)
    _store_own_list(source, scorer, list(candidates.values()))
    _enter_lists(source, scorer, candidates)


def refresh_own_list(article_id: int):
    """Recompute one article's own suggestions only."""
    source = load_features([article_id]).get(article_id)
    if source is None:
        RelatedLink.objects.suggested().filter(source_id=article_id).delete()
        return
    scorer = _scorer_around(source)
    ids = shortlist(source, scorer=scorer, **_named(postings_from_database(source, scorer)))
    _store_own_list(source, scorer, list(load_features(ids).values()))


def _named(postings):
    by_tag, by_artist, by_artwork, by_series = postings
    return {
        "by_tag": by_tag,
        "by_artist": by_artist,
        "by_artwork": by_artwork,
        "by_series": by_series,
    }


def _scorer_around(source: Features) -> Scorer:
    article_count, tag_counts = site_counts()
    return scorer_for(article_count=article_count, tag_counts=tag_counts)


def _store_own_list(source: Features, scorer: Scorer, candidates: list[Features]):
    keep = stored_per_article()
    moderated = set(
        RelatedLink.objects.moderated()
        .filter(source_id=source.id)
        .values_list("target_id", flat=True)
    )
    fresh = scorer.best(source, candidates, keep, excluding=moderated)
    names = Names()
    with transaction.atomic():
        RelatedLink.objects.suggested().filter(source_id=source.id).delete()
        _insert([names.link(source, match, scorer.now) for match in fresh], names)


def _enter_lists(article: Features, scorer: Scorer, others: dict[int, Features]):
    """Offer the article to each related article's list, where it beats the weakest stored
    suggestion (or the list has room); withdraw it from lists it no longer belongs in."""
    keep = stored_per_article()
    recency = scorer.recency(article.published_at, article.evergreen)
    existing: dict[int, list[RelatedLink]] = {}
    inbound = RelatedLink.objects.filter(target_id=article.id)
    for link in (
        RelatedLink.objects.filter(source_id__in=list(others))
        .order_by()
        .only("source_id", "target_id", "status", "score")
    ):
        existing.setdefault(link.source_id, []).append(link)
    names = Names()
    created, dropped, updated = [], [], []
    for other in others.values():
        links = existing.get(other.id, [])
        current = next((link for link in links if link.target_id == article.id), None)
        if current is not None and current.status != RelatedLink.Status.SUGGESTED:
            continue  # a person decided on this pair
        match = scorer.relatedness(other, article)
        score = match.score * recency
        suggestions = [
            link
            for link in links
            if link.status == RelatedLink.Status.SUGGESTED and link is not current
        ]
        weakest = min(suggestions, key=lambda link: link.score, default=None)
        fits = match.score >= scorer.floor and (
            len(suggestions) < keep or (weakest is not None and score > weakest.score)
        )
        if current is not None:
            if fits:
                current.score = round(score, 4)
                current.reasons = names.raw_reasons(match, other.section_id, other.series_id)
                current.computed_at = scorer.now
                updated.append(current)
            else:
                dropped.append(current.pk)
        elif fits:
            created.append(names.link(other, _directed(match, score), scorer.now))
            if len(suggestions) >= keep:
                dropped.append(weakest.pk)
    stale_sources = list(
        inbound.suggested().exclude(source_id__in=list(others)).values_list("source_id", flat=True)
    )
    with transaction.atomic():
        RelatedLink.objects.filter(pk__in=dropped).delete()
        names.fill(updated)
        RelatedLink.objects.bulk_update(updated, ["score", "reasons", "computed_at"])
        _insert(created, names)
        RelatedLink.objects.suggested().filter(
            target_id=article.id, source_id__in=stale_sources
        ).delete()
    for source_id in stale_sources:
        refresh_own_list(source_id)


def _leave_everywhere(article_id: int):
    """The article is no longer public: drop every suggestion to and from it, and refill the
    lists it leaves. Moderated links stay (hidden while the article is not public)."""
    sources = list(
        RelatedLink.objects.suggested()
        .filter(target_id=article_id)
        .values_list("source_id", flat=True)
    )
    RelatedLink.objects.suggested().filter(source_id=article_id).delete()
    RelatedLink.objects.suggested().filter(target_id=article_id).delete()
    for source_id in sources:
        refresh_own_list(source_id)


def _directed(match: Match, score: float) -> Match:
    return Match(
        match.target_id,
        score,
        match.tags,
        match.artists,
        match.artworks,
        match.same_section,
        match.rare_tags,
        match.same_series,
    )


def _insert(batch: list[RelatedLink], names: Names) -> int:
    """Store a batch of new links (filling in their reasons' names first) and empty it."""
    count = len(batch)
    if batch:
        names.fill(batch)
        RelatedLink.objects.bulk_create(batch, batch_size=1000)
        batch.clear()
    return count
