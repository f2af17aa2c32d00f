"""Search reads: the hits of a query (from the database's backend), and the page's results with
what their cards show, in a fixed number of queries however many there are."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch, QuerySet
from django.utils.safestring import SafeString

from articles.models import Article
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from images.picture import Picture
from search.backends import current_backend
from search.models import SearchDocument
from search.params import SearchParams
from search.snippets import highlight

Kind = SearchDocument.Kind


@dataclass(frozen=True)
class SearchResult:
    kind: str
    object: Article | Artist | Artwork
    snippet: SafeString

    @cached_property
    def thumbnail(self) -> tuple[Picture, str] | None:
        """The picture shown beside the result and its alt text, if it has one."""
        if self.kind == Kind.ARTICLE:
            shown = self.object.lead_image()
            return (shown.picture, shown.alt) if shown else None
        if self.kind == Kind.ARTWORK:
            image = self.object.primary_image
            return (image.picture(), image.alt) if image else None
        picture = self.object.portrait_picture()
        return (picture, self.object.portrait_alt_text) if picture else None


def search_hits(params: SearchParams) -> QuerySet:
    """What matches the query, best first: dicts with kind, object_id and rank. Only what the
    public may see (articles from published()); empty for an empty query."""
    if not params.terms:
        return Article.objects.none().values()
    return current_backend().find(params)


def search_results(hits: list[dict], params: SearchParams) -> list[SearchResult]:
    """The objects of a page of hits, in the hits' order, each with its snippet. An article
    unpublished since it was counted is left out."""
    backend = current_backend()
    ids = {kind: [hit["object_id"] for hit in hits if hit["kind"] == kind] for kind in Kind}
    objects = {kind: _load(kind, kind_ids) for kind, kind_ids in ids.items()}
    results = []
    for hit in hits:
        obj = objects[hit["kind"]].get(hit["object_id"])
        if obj is not None:
            snippet = highlight(backend.snippet(hit, obj, params))
            results.append(SearchResult(hit["kind"], obj, snippet))
    return results


def _load(kind: str, ids: list[int]) -> dict:
    if not ids:
        return {}
    if kind == Kind.ARTICLE:
        objects = Article.objects.published().filter(pk__in=ids).for_listing()
    elif kind == Kind.ARTWORK:
        credits = ArtworkArtist.objects.select_related("artist")
        objects = Artwork.objects.filter(pk__in=ids).prefetch_related(
            "images", Prefetch("artist_credits", queryset=credits)
        )
    else:
        objects = Artist.objects.filter(pk__in=ids).select_related("portrait")
    return {obj.pk: obj for obj in objects}
