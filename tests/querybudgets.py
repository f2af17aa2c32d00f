"""Content for the query-budget tests: rows with everything a page shows, made n at a time, so
that a page's queries can be compared between a little content and more of it."""

from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)

# Every page's budget includes the SAVEPOINT / RELEASE pair of ATOMIC_REQUESTS (a savepoint
# because the test itself runs in a transaction).
ATOMIC_REQUEST = 2


def artwork_with_everything(*artists, tags=(), **fields):
    """An artwork credited to the given artists and one more, with two images and subjects."""
    artwork = ArtworkFactory(tags=list(tags), **fields)
    for artist in [*artists, ArtistFactory()]:
        ArtworkArtistFactory(artwork=artwork, artist=artist)
    ArtworkImageFactory(artwork=artwork, position=0)
    ArtworkImageFactory(artwork=artwork, position=1)
    return artwork


def article_with_everything(*, artwork=None, **fields):
    """A public article with two authors and two figures (the first of `artwork` if given),
    each an artwork with images and two credited artists."""
    article = ArticleFactory(**fields)
    ArticleAuthorFactory(article=article)
    ArticleAuthorFactory(article=article)
    ArticleFigureFactory(article=article, artwork=artwork or artwork_with_everything(), position=0)
    ArticleFigureFactory(article=article, artwork=artwork_with_everything(), position=1)
    return article


def site_settings_exist():
    """The site-settings row is made by the very first request of a new site: make it, so
    that its one-off INSERT is not counted."""
    SiteSettings.current()
