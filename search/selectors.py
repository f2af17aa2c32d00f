"""Search reads: the hits of a query (from the database's backend), and the page's results with
what their cards show, in a fixed number of queries however many there are: the cards are read
as plain rows (articles/cards.py, artists/cards.py, artworks/cards.py), as the lists read
theirs, and written by search/markup.py."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from articles.cards import ArticleCard, published_cards
from articles.models import Article
from artists.cards import ArtistCard
from artists.cards import cards_by_id as artist_cards
from artworks.cards import ArtworkCard
from artworks.cards import cards_by_id as artwork_cards
from search.backends import current_backend
from search.models import SearchDocument
from search.params import SearchParams
from search.snippets import highlight

Kind = SearchDocument.Kind

# Each kind's cards by id, as plain rows: articles only those the public may see now.
_CARDS = {Kind.ARTICLE: published_cards, Kind.ARTIST: artist_cards, Kind.ARTWORK: artwork_cards}


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str
    card: ArticleCard | ArtistCard | ArtworkCard
    snippet: SafeString


def search_hits(params: SearchParams) -> QuerySet:
    """What matches the query, best first: dicts with kind, object_id and rank. Only what the
    public may see (articles from published()); empty for an empty query."""
    if not params.terms:
        return Article.objects.none().values()
    return current_backend().find(params)


def search_results(hits: list[dict], params: SearchParams) -> list[SearchResult]:
    """The cards of a page of hits, in the hits' order, each with its snippet. An article
    unpublished since it was counted is left out."""
    backend = current_backend()
    ids = {kind: [hit["object_id"] for hit in hits if hit["kind"] == kind] for kind in Kind}
    cards = {kind: _CARDS[kind](kind_ids) if kind_ids else {} for kind, kind_ids in ids.items()}
    results = []
    for hit in hits:
        card = cards[hit["kind"]].get(hit["object_id"])
        if card is not None:
            snippet = highlight(backend.snippet(hit, card, params))
            results.append(SearchResult(hit["kind"], card, snippet))
    return results
