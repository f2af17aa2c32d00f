"""Read-side queries shared by views and template tags; all start from published()."""

from articles.models import Article, ArticleFigure, SlugRedirect
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist


def articles_featuring(obj: Artist | Artwork):
    """Published articles that feature an artist or an artwork, in a figure or by name.

    The ids come from a UNION of one indexed lookup per way of featuring: an OR across the
    three joins made PostgreSQL join every figure and credit first (an artist page took a second
    on 100,000 articles)."""
    featured_artworks = Article.featured_artworks.through.objects
    if isinstance(obj, Artist):
        works = ArtworkArtist.objects.filter(artist=obj).values("artwork_id")
        ids = Article.featured_artists.through.objects.filter(artist=obj).values("article_id")
        ids = ids.union(
            ArticleFigure.objects.filter(artwork__in=works).values("article_id"),
            featured_artworks.filter(artwork__in=works).values("article_id"),
        )
    else:
        ids = featured_artworks.filter(artwork=obj).values("article_id")
        ids = ids.union(ArticleFigure.objects.filter(artwork=obj).values("article_id"))
    return Article.objects.published().filter(pk__in=ids).newest_first()


def articles_about_exhibition(exhibition):
    """Published articles that feature an exhibition, newest first."""
    ids = Article.featured_exhibitions.through.objects.filter(exhibition=exhibition)
    return Article.objects.published().filter(pk__in=ids.values("article_id")).newest_first()


def tag_has_public_content(tag) -> bool:
    return (
        Article.objects.published().filter(tags__slug=tag.slug).exists()
        or Artist.objects.filter(tags__slug=tag.slug).exists()
        or Artwork.objects.filter(tags__slug=tag.slug).exists()
    )


def public_article_formerly_at(slug: str) -> Article | None:
    """The public article that used to have this slug, if any."""
    redirect = (
        SlugRedirect.objects.filter(old_slug=slug, article__in=Article.objects.published())
        .select_related("article")
        .first()
    )
    return redirect.article if redirect else None
