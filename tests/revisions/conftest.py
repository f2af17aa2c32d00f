import pytest

from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)


@pytest.fixture
def article():
    """A published article with every part: byline, an artwork figure, a standalone figure, an
    outbound link, two tags and a featured artist."""
    article = ArticleFactory(
        title="The Urn", body="<p>First body.</p>", tags=["photography", "urns"]
    )
    ArticleAuthorFactory(article=article, author__name="Ada Writer")
    ArticleFigureFactory(article=article, position=0, artwork__title="Dropping a Han Dynasty Urn")
    ArticleFigureFactory(
        article=article, position=1, artwork=None, image=ImageFactory(), alt_text="A gallery"
    )
    ArticleLinkFactory(article=article, position=0, title="Watch the trailer")
    article.featured_artists.add(ArtistFactory(name="Ai Weiwei"))
    return article


@pytest.fixture
def artwork():
    """An artwork with a credited artist, an image and a subject."""
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn", tags=["urns"])
    ArtworkArtistFactory(artwork=artwork, artist__name="Ai Weiwei")
    ArtworkImageFactory(artwork=artwork, alt_text="Three photographs")
    return artwork


@pytest.fixture
def artist():
    return ArtistFactory(name="Hilma af Klint", tags=["abstraction"])
