"""The reasons behind a link: ids while computing, names once stored."""

import json
from collections.abc import Iterable

from taggit.models import Tag

from articles.models import Section, Series
from artists.models import Artist
from artworks.models import Artwork
from recommendations.models import RelatedLink
from recommendations.scoring import Features, Match


class Names:
    """Turns the ids in a match into the names stored as its reasons, loading names in bulk."""

    def __init__(self):
        self.tags: dict[int, str] = {}
        self.artists: dict[int, str] = {}
        self.artworks: dict[int, str] = {}
        self.sections: dict[int, str] = {}
        self.series: dict[int, str] = {}

    @staticmethod
    def link(source: Features, match: Match, now) -> RelatedLink:
        """A new suggested link; its reasons hold ids until fill() names them."""
        return RelatedLink(
            source_id=source.id,
            target_id=match.target_id,
            score=round(match.score, 4),
            reasons=Names.raw_reasons(match, source.section_id, source.series_id),
            computed_at=now,
        )

    @staticmethod
    def raw_reasons(match: Match, section_id: int, series_id: int | None = None) -> dict:
        return {
            "series": series_id if match.same_series else None,
            "tags": list(match.tags),
            "artists": list(match.artists),
            "artworks": list(match.artworks),
            "section": section_id if match.same_section else None,
            "rare_tags": list(match.rare_tags),
        }

    def fill(self, links: Iterable[RelatedLink]):
        """Replace the ids in each link's reasons by names."""
        links = list(links)
        self._load_ids(
            tags=(t for link in links for t in link.reasons["tags"]),
            artists=(a for link in links for a in link.reasons["artists"]),
            artworks=(w for link in links for w in link.reasons["artworks"]),
            sections=(link.reasons["section"] for link in links if link.reasons["section"]),
            series=(link.reasons["series"] for link in links if link.reasons.get("series")),
        )
        for link in links:
            link.reasons = self.named(link.reasons)

    def load_for(self, features: Iterable[Features]):
        """Load every name the given articles' links could need (before a rebuild's workers
        start, so that they never query the database)."""
        features = list(features)
        self._load_ids(
            tags=(t for article in features for t in article.tags),
            artists=(a for article in features for a in article.artists),
            artworks=(w for article in features for w in article.artworks),
            sections=(article.section_id for article in features),
            series=(article.series_id for article in features if article.series_id),
        )

    def named(self, reasons: dict) -> dict:
        """Raw reasons (ids) as names; the ids must have been loaded by fill() or load_for()."""
        tags, artists, artworks = self.tags, self.artists, self.artworks
        series = reasons.get("series")
        return {
            "series": self.series.get(series) if series else None,
            "tags": sorted([tags.get(t, "") for t in reasons["tags"]]),
            "artists": sorted([artists.get(a, "") for a in reasons["artists"]]),
            "artworks": sorted([artworks.get(w, "") for w in reasons["artworks"]]),
            "section": self.sections.get(reasons["section"]) if reasons["section"] else None,
            "rare_tags": sorted([tags.get(t, "") for t in reasons.get("rare_tags", ())]),
        }

    def reasons_json(self, match: Match, section_id: int, series_id: int | None = None) -> str:
        """The stored reasons of a match, as JSON text (for the rebuild's bulk insert)."""
        reasons = self.raw_reasons(match, section_id, series_id)
        return json.dumps(self.named(reasons), ensure_ascii=False)

    def _load_ids(self, *, tags, artists, artworks, sections, series=()):
        """Load, in one query per kind, the names not loaded yet."""
        for model, field, cache, ids in (
            (Tag, "name", self.tags, tags),
            (Artist, "name", self.artists, artists),
            (Artwork, "title", self.artworks, artworks),
            (Section, "name", self.sections, sections),
            (Series, "title", self.series, series),
        ):
            missing = {pk for pk in ids if pk not in cache}
            if missing:
                cache.update(model.objects.filter(pk__in=missing).values_list("pk", field))
