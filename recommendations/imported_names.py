"""Names an import changed, told anew in the links' reasons. The import (imports/) writes artists
and artworks in bulk, without post_save, so renames.py never sees an artist renamed or an
artwork retitled by Tate; it says when it is done (`imports.signals.collection_imported`), with
a summary that counts the rows it updated but names neither them nor their old names.

So, after the import commits, a task reads the links whose source features an artist, or has
an artwork (featured or in a figure), that the import updated (`updated_at` from the import's
start), and compares the names their reasons tell with the current names of the artists and
artworks both articles have (what the reasons were computed from: features.py). A told name
that is no current one is stale; the names of the shared artists or artworks the import updated
that are not told are the new ones. When there are as many of each (a rename changes a name, not
how many there are), the stale names are replaced, the list kept sorted as names.py keeps it;
otherwise the link is left as it is (what the articles share changed, and the engine's
recompute after that change tells it). The pages showing a rewritten link are invalidated.

Queries: the links in chunks of CHUNK, and for each chunk one read of the artists and one of the
artworks of its articles; then one bulk update. Nothing per link."""

from collections import Counter, defaultdict
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.tasks import task

from articles.models import Article, ArticleFigure
from artists.models import Artist
from artworks.models import Artwork
from imports.signals import collection_imported
from pagecache import invalidate as pages
from recommendations.models import RelatedLink

CHUNK = 1000
FeaturedArtist = Article.featured_artists.through
FeaturedArtwork = Article.featured_artworks.through


def connect():
    collection_imported.connect(_imported, dispatch_uid="recommendations-imported-names")


def _imported(sender, summary=None, **kwargs):
    """Without a summary that says when the import started (a sender that tells no more),
    which rows it wrote is not known: nothing is compared."""
    started_at = getattr(summary, "started_at", None)
    if summary is None or getattr(summary, "dry_run", False) or not started_at:
        return
    transaction.on_commit(lambda: names_after_import.enqueue(started_at))


@task
def names_after_import(started_at: str):
    """An import that started at `started_at` (ISO 8601) is done: tell its new names."""
    refresh_imported_names(since=datetime.fromisoformat(started_at))


def refresh_imported_names(*, since: datetime) -> int:
    """Replace the names of artists and artworks updated since `since` in the reasons of the
    links that tell their old names; how many links changed."""
    artists = Artist.objects.filter(tate_id__isnull=False, updated_at__gte=since).values("pk")
    artworks = Artwork.objects.filter(tate_id__isnull=False, updated_at__gte=since).values("pk")
    sources = (
        Q(source__in=FeaturedArtist.objects.filter(artist__in=artists).values("article_id"))
        | Q(source__in=FeaturedArtwork.objects.filter(artwork__in=artworks).values("article_id"))
        | Q(source__in=ArticleFigure.objects.filter(artwork__in=artworks).values("article_id"))
    )
    links = RelatedLink.objects.filter(sources).only("source_id", "target_id", "reasons")
    changed: list[RelatedLink] = []
    chunk: list[RelatedLink] = []
    for link in links.order_by("pk").iterator(chunk_size=CHUNK):
        chunk.append(link)
        if len(chunk) == CHUNK:
            changed += _rewritten(chunk, since)
            chunk = []
    changed += _rewritten(chunk, since)
    RelatedLink.objects.bulk_update(changed, ["reasons"], batch_size=CHUNK)
    # bulk_update sends no signal: the pages whose blocks tell the names are told here.
    pages.pages_showing(Article, {link.source_id for link in changed})
    return len(changed)


def _rewritten(links: list[RelatedLink], since: datetime) -> list[RelatedLink]:
    """The links of `links` whose reasons were rewritten (in place)."""
    if not links:
        return []
    ids = {link.source_id for link in links} | {link.target_id for link in links}
    named = {"artists": _artists_of(ids, since), "artworks": _artworks_of(ids, since)}
    changed = []
    for link in links:
        reasons = dict(link.reasons or {})
        touched = False
        for key, (names, updated) in named.items():
            told = reasons.get(key)
            if not isinstance(told, list) or not told:
                continue
            shared = names[link.source_id].keys() & names[link.target_id].keys()
            now = _renamed(told, {pk: names[link.source_id][pk] for pk in shared}, updated)
            if now is not None:
                reasons[key] = now
                touched = True
        if touched:
            link.reasons = reasons
            changed.append(link)
    return changed


def _renamed(told: list, shared: dict[int, str], updated: set[int]) -> list[str] | None:
    """`told` with its stale names replaced by the names of the shared rows the import updated
    that it does not tell; None when nothing is stale or the two do not pair up."""
    current = Counter(shared.values())
    stale = Counter(told) - current
    if not stale:
        return None
    fresh = Counter(name for pk, name in shared.items() if pk in updated) - Counter(told)
    if fresh.total() != stale.total():
        return None
    return sorted((Counter(told) - stale + fresh).elements())


def _artists_of(ids: set[int], since: datetime):
    """({article id: {artist id: name}} for its featured artists, the artists updated since)."""
    names: dict[int, dict[int, str]] = defaultdict(dict)
    updated = set()
    rows = (
        FeaturedArtist.objects.filter(article_id__in=ids)
        .order_by()
        .values_list("article_id", "artist_id", "artist__name", "artist__updated_at")
    )
    for article_id, artist_id, name, updated_at in rows:
        names[article_id][artist_id] = name
        if updated_at >= since:
            updated.add(artist_id)
    return names, updated


def _artworks_of(ids: set[int], since: datetime):
    """({article id: {artwork id: title}} for its featured artworks and its figures' artworks,
    the artworks updated since)."""
    names: dict[int, dict[int, str]] = defaultdict(dict)
    updated = set()
    featured = (
        FeaturedArtwork.objects.filter(article_id__in=ids)
        .order_by()
        .values_list("article_id", "artwork_id", "artwork__title", "artwork__updated_at")
    )
    figures = ArticleFigure.objects.filter(article_id__in=ids, artwork__isnull=False).order_by()
    in_figures = figures.values_list(
        "article_id", "artwork_id", "artwork__title", "artwork__updated_at"
    )
    for article_id, artwork_id, title, updated_at in featured.union(in_figures, all=True):
        names[article_id][artwork_id] = title
        if updated_at >= since:
            updated.add(artwork_id)
    return names, updated
