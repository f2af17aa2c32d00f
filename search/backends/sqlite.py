"""The fallback on SQLite (development, tests): every word must appear, in any case, in the
title, the standfirst or the body of an article (an artist's names, nationality, birth place or
bio; an artwork's title, artists, medium, classification or date). Matches in the title rank
first, then those in the standfirst. No stemming; accents must be typed as they are stored
(SQLite folds the case of ASCII letters only). Articles come from Article.objects.published().
"""

from collections.abc import Callable

from django.db.models import Case, F, Q, QuerySet, Value, When

from articles.models import Article
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from search.models import SearchDocument
from search.params import SearchParams
from search.snippets import excerpt, plain_text

Kind = SearchDocument.Kind
Match = Callable[[str], Q]

IN_TITLE = 4
IN_LEAD = 1


def find(params: SearchParams) -> QuerySet:
    words = params.terms.words
    kinds = params.kinds
    parts = []
    if words and Kind.ARTICLE in kinds:
        articles = Article.objects.published()
        if params.section:
            articles = articles.filter(section__slug=params.section)
        parts.append(
            _matching(
                articles,
                Kind.ARTICLE,
                words,
                title=_containing("title"),
                lead=_containing("standfirst"),
                rest=_containing("body"),
            )
        )
    if words and Kind.ARTIST in kinds:
        parts.append(
            _matching(
                Artist.objects.all(),
                Kind.ARTIST,
                words,
                title=_containing("name", "sort_name"),
                lead=_containing("nationality", "birth_place"),
                rest=_containing("bio"),
            )
        )
    if words and Kind.ARTWORK in kinds:
        parts.append(
            _matching(
                Artwork.objects.all(),
                Kind.ARTWORK,
                words,
                title=_containing("title"),
                lead=_credited,
                rest=_containing("medium", "classification", "date_display"),
            )
        )
    if not parts:
        return Article.objects.none().values()
    first, *others = parts
    hits = first.union(*others, all=True) if others else first
    return hits.order_by("-rank", "kind", "-object_id")


def snippet(hit: dict, obj, params: SearchParams) -> str:
    if hit["kind"] == Kind.ARTICLE:
        text = f"{obj.standfirst} {plain_text(obj.body)}"
    elif hit["kind"] == Kind.ARTIST:
        text = plain_text(obj.bio)
    else:
        text = " · ".join(part for part in (obj.date_display, obj.medium) if part)
    return excerpt(text, params.terms.words)


def _matching(queryset, kind: str, words: list[str], *, title: Match, lead: Match, rest: Match):
    """The rows of queryset that hold every word somewhere, ranked by where they hold them."""
    for word in words:
        queryset = queryset.filter(title(word) | lead(word) | rest(word))
    rank = sum(
        (
            Case(
                When(title(word), then=Value(IN_TITLE)),
                When(lead(word), then=Value(IN_LEAD)),
                default=Value(0),
            )
            for word in words
        ),
        start=Value(0),
    )
    return (
        queryset.order_by()
        .annotate(kind=Value(kind), object_id=F("pk"), rank=rank)
        .values("kind", "object_id", "rank")
    )


def _containing(*fields: str) -> Match:
    def match(word: str) -> Q:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        return condition

    return match


def _credited(word: str) -> Q:
    """Artworks credited to an artist with the word in their name."""
    return Q(pk__in=ArtworkArtist.objects.filter(artist__name__icontains=word).values("artwork_id"))
