"""Which version keys a public article's arrival or departure touches.

When an article becomes public, stops being public, or moves (a new publication time or
section), every page that lists public articles it belongs to must be rebuilt, although none of
those pages showed it before: the lists (`public:*` keys) and the "You may also like" blocks of
the articles that link to it."""

from pagecache import keys

ARTICLE = "articles.article"


def public_article_keys(article_ids) -> set[str]:
    """The keys of the lists and blocks these articles appear in (as the database has them now)."""
    from articles.models import Article, ArticleFigure, TaggedArticle  # noqa: PLC0415
    from recommendations.models import RelatedLink  # noqa: PLC0415

    ids = sorted(set(article_ids))
    if not ids:
        return set()
    found = {keys.PUBLIC_ARTICLES, keys.ANY_CONTENT}
    found.update(keys.for_object(ARTICLE, pk) for pk in ids)
    sections = Article.objects.filter(pk__in=ids).values_list("section__slug", flat=True)
    found.update(keys.for_public_in("section", slug) for slug in sections)
    tags = TaggedArticle.objects.filter(content_object_id__in=ids)
    tags = tags.values_list("tag__slug", flat=True)
    found.update(keys.for_public_in("tag", slug) for slug in tags)
    featured = Article.featured_artists.through.objects.filter(article_id__in=ids)
    found.update(artist_keys(featured.values_list("artist_id", flat=True)))
    artworks = set(
        Article.featured_artworks.through.objects.filter(article_id__in=ids).values_list(
            "artwork_id", flat=True
        )
    )
    artworks.update(
        ArticleFigure.objects.filter(article_id__in=ids, artwork__isnull=False).values_list(
            "artwork_id", flat=True
        )
    )
    found.update(artwork_keys(artworks))
    sources = RelatedLink.objects.filter(target_id__in=ids).values_list("source_id", flat=True)
    found.update(keys.for_object(ARTICLE, pk) for pk in sources)
    return found


def artwork_keys(artwork_ids) -> set[str]:
    """The lists of articles on these artworks' pages and on their artists' pages."""
    from artworks.models import Artwork, ArtworkArtist  # noqa: PLC0415

    ids = sorted(set(artwork_ids))
    if not ids:
        return set()
    slugs = Artwork.objects.filter(pk__in=ids).values_list("slug", flat=True)
    found = {keys.for_public_in("artwork", slug) for slug in slugs}
    artists = ArtworkArtist.objects.filter(artwork_id__in=ids).values_list("artist_id", flat=True)
    return found | artist_keys(artists)


def artist_keys(artist_ids) -> set[str]:
    """The lists of articles on these artists' pages."""
    from artists.models import Artist  # noqa: PLC0415

    ids = sorted(set(artist_ids))
    if not ids:
        return set()
    slugs = Artist.objects.filter(pk__in=ids).values_list("slug", flat=True)
    return {keys.for_public_in("artist", slug) for slug in slugs}
