"""Read-side queries shared by views and template tags; all start from published()."""

from django.db.models import Q

from articles.models import Article, SlugRedirect
from artists.models import Artist
from artworks.models import Artwork


def articles_featuring(obj: Artist | Artwork):
    """Published articles that feature an artist or an artwork, in a figure or by name."""
    if isinstance(obj, Artist):
        features = (
            Q(featured_artists=obj)
            | Q(figures__artwork__artist_credits__artist=obj)
            | Q(featured_artworks__artist_credits__artist=obj)
        )
    else:
        features = Q(featured_artworks=obj) | Q(figures__artwork=obj)
    matching = Article.objects.published().filter(features).values("pk")
    return Article.objects.filter(pk__in=matching).for_listing().newest_first()


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
