"""Computing and storing suggestions: the full rebuild and the update after one article changes.

Nothing here runs while a reader waits: the rebuild is a command, the update a task that runs
after the transaction that changed the article commits. Neither ever touches a link a person
decided on (approved, pinned, rejected): only rows with status "suggested" are replaced.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from taggit.models import Tag

from articles.models import Section
from artists.models import Artist
from artworks.models import Artwork
from recommendations.features import (
    candidate_articles,
    load_features,
    scorer_for,
    stored_per_article,
    tag_counts_for,
)
from recommendations.models import RelatedLink
from recommendations.nominate import postings_from_database, postings_in_memory, shortlist
from recommendations.scoring import Features, Match, Scorer

BATCH_SIZE = 5000


@dataclass(frozen=True)
class RebuildSummary:
    articles: int
    suggestions: int
    moderated_kept: int

    def __str__(self):
        return (
            f"Recomputed suggestions for {self.articles:,} articles: "
            f"{self.suggestions:,} suggestions stored, {self.moderated_kept:,} moderated links "
            "kept as they were."
        )


def rebuild(*, on_article: Callable[[], None] | None = None) -> RebuildSummary:
    """Recompute every article's suggestions in one transaction (readers keep seeing the old
    ones until it commits)."""
    features = load_features()
    scorer = scorer_for(
        article_count=len(features),
        tag_counts=Counter(tag for article in features.values() for tag in article.tags),
    )
    by_tag, by_artist, by_artwork = postings_in_memory(features, scorer)
    moderated = set(RelatedLink.objects.moderated().values_list("source_id", "target_id"))
    keep = stored_per_article()
    names = Names()
    stored = 0
    with transaction.atomic():
        RelatedLink.objects.suggested().delete()
        batch: list[RelatedLink] = []
        for source in features.values():
            ids = shortlist(
                source, scorer=scorer, by_tag=by_tag, by_artist=by_artist, by_artwork=by_artwork
            )
            matches = scorer.best(source, [features[i] for i in ids], keep + len(ids))
            fresh = [m for m in matches if (source.id, m.target_id) not in moderated][:keep]
            batch.extend(names.link(source, match, scorer.now) for match in fresh)
            if len(batch) >= BATCH_SIZE:
                stored += _insert(batch, names)
            if on_article:
                on_article()
        stored += _insert(batch, names)
    return RebuildSummary(len(features), stored, len(moderated))


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
    by_tag, by_artist, by_artwork = postings
    return {"by_tag": by_tag, "by_artist": by_artist, "by_artwork": by_artwork}


def _scorer_around(source: Features) -> Scorer:
    return scorer_for(
        article_count=candidate_articles().count(), tag_counts=tag_counts_for(source.tags)
    )


def _store_own_list(source: Features, scorer: Scorer, candidates: list[Features]):
    keep = stored_per_article()
    moderated = set(
        RelatedLink.objects.moderated()
        .filter(source_id=source.id)
        .values_list("target_id", flat=True)
    )
    matches = scorer.best(source, candidates, keep + len(moderated))
    fresh = [match for match in matches if match.target_id not in moderated][:keep]
    names = Names()
    with transaction.atomic():
        RelatedLink.objects.suggested().filter(source_id=source.id).delete()
        _insert([names.link(source, match, scorer.now) for match in fresh], names)


def _enter_lists(article: Features, scorer: Scorer, others: dict[int, Features]):
    """Offer the article to each related article's list, where it beats the weakest stored
    suggestion (or the list has room); withdraw it from lists it no longer belongs in."""
    keep = stored_per_article()
    recency = scorer.recency(article.published_at)
    existing: dict[int, list[RelatedLink]] = {}
    inbound = RelatedLink.objects.filter(target_id=article.id)
    for link in RelatedLink.objects.filter(source_id__in=list(others)).only(
        "source_id", "target_id", "status", "score"
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
                current.reasons = names.raw_reasons(match, other.section_id)
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
        match.target_id, score, match.tags, match.artists, match.artworks, match.same_section
    )


def _insert(batch: list[RelatedLink], names: "Names") -> int:
    """Store a batch of new links (filling in their reasons' names first) and empty it."""
    count = len(batch)
    if batch:
        names.fill(batch)
        RelatedLink.objects.bulk_create(batch, batch_size=1000)
        batch.clear()
    return count


class Names:
    """Turns the ids in a match into the names stored as its reasons, loading names in bulk."""

    def __init__(self):
        self.tags: dict[int, str] = {}
        self.artists: dict[int, str] = {}
        self.artworks: dict[int, str] = {}
        self.sections: dict[int, str] = {}

    @staticmethod
    def link(source: Features, match: Match, now) -> RelatedLink:
        """A new suggested link; its reasons hold ids until fill() names them."""
        return RelatedLink(
            source_id=source.id,
            target_id=match.target_id,
            score=round(match.score, 4),
            reasons=Names.raw_reasons(match, source.section_id),
            computed_at=now,
        )

    @staticmethod
    def raw_reasons(match: Match, section_id: int) -> dict:
        return {
            "tags": list(match.tags),
            "artists": list(match.artists),
            "artworks": list(match.artworks),
            "section": section_id if match.same_section else None,
        }

    def fill(self, links: Iterable[RelatedLink]):
        """Replace the ids in each link's reasons by names."""
        links = list(links)
        self._load(Tag, "name", self.tags, (t for link in links for t in link.reasons["tags"]))
        self._load(
            Artist, "name", self.artists, (a for link in links for a in link.reasons["artists"])
        )
        self._load(
            Artwork, "title", self.artworks, (w for link in links for w in link.reasons["artworks"])
        )
        self._load(
            Section,
            "name",
            self.sections,
            (link.reasons["section"] for link in links if link.reasons["section"]),
        )
        for link in links:
            reasons = link.reasons
            link.reasons = {
                "tags": sorted(self.tags.get(t, "") for t in reasons["tags"]),
                "artists": sorted(self.artists.get(a, "") for a in reasons["artists"]),
                "artworks": sorted(self.artworks.get(w, "") for w in reasons["artworks"]),
                "section": self.sections.get(reasons["section"]) if reasons["section"] else None,
            }

    @staticmethod
    def _load(model, field: str, cache: dict[int, str], ids: Iterable[int]):
        missing = {i for i in ids if i not in cache}
        if missing:
            cache.update(model.objects.filter(pk__in=missing).values_list("pk", field))
