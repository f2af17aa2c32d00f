import pytest

from artworks.models import ArtworkArtist
from tests.factories import (
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)

pytestmark = pytest.mark.django_db

AFTER = ArtworkArtist.Role.AFTER
ARTIST = ArtworkArtist.Role.ARTIST
STUDIO = ArtworkArtist.Role.STUDIO_OF

URN = {"title": "Urn", "date_display": "1995", "medium": "Oil", "dimensions_display": "10cm"}


@pytest.mark.parametrize(
    ("credits", "fields", "expected"),
    [
        pytest.param(
            [("Ai Weiwei", ARTIST)],
            {
                "title": "Dropping a Han Dynasty Urn",
                "date_display": "1995",
                "medium": "Three black and white photographs",
                "dimensions_display": "each 148 x 121cm",
            },
            (
                "Ai Weiwei, Dropping a Han Dynasty Urn (1995)",
                "Three black and white photographs, each 148 x 121cm",
            ),
            id="seed-ai-weiwei",
        ),
        pytest.param([("Anna", ARTIST)], URN, ("Anna, Urn (1995)", "Oil, 10cm"), id="one-artist"),
        pytest.param(
            [("Anna", ARTIST), ("Ben", ARTIST)],
            URN,
            ("Anna and Ben, Urn (1995)", "Oil, 10cm"),
            id="two-artists",
        ),
        pytest.param(
            [("Anna", ARTIST), ("Ben", ARTIST), ("Cleo", ARTIST)],
            URN,
            ("Anna, Ben and Cleo, Urn (1995)", "Oil, 10cm"),
            id="three-artists",
        ),
        pytest.param(
            [("Titian", AFTER)], URN, ("After Titian, Urn (1995)", "Oil, 10cm"), id="role-first"
        ),
        pytest.param(
            [("Anna", ARTIST), ("Titian", AFTER)],
            URN,
            ("Anna and after Titian, Urn (1995)", "Oil, 10cm"),
            id="role-second-lowercased",
        ),
        pytest.param(
            [("Rubens", STUDIO), ("Titian", AFTER)],
            URN,
            ("Studio of Rubens and after Titian, Urn (1995)", "Oil, 10cm"),
            id="two-roles",
        ),
        pytest.param(
            [("Reynolds", ArtworkArtist.Role.AND_STUDIO), ("Titian", AFTER)],
            URN,
            ("Reynolds and studio and after Titian, Urn (1995)", "Oil, 10cm"),
            id="role-after-the-name",
        ),
        pytest.param(
            [("Anna", ARTIST)],
            {**URN, "date_display": ""},
            ("Anna, Urn", "Oil, 10cm"),
            id="no-date",
        ),
        pytest.param(
            [("Anna", ARTIST)],
            {**URN, "medium": ""},
            ("Anna, Urn (1995)", "10cm"),
            id="no-medium",
        ),
        pytest.param(
            [("Anna", ARTIST)],
            {**URN, "dimensions_display": ""},
            ("Anna, Urn (1995)", "Oil"),
            id="no-dimensions",
        ),
        pytest.param(
            [("Anna", ARTIST)],
            {**URN, "medium": "", "dimensions_display": ""},
            ("Anna, Urn (1995)", ""),
            id="no-medium-no-dimensions",
        ),
        pytest.param([], URN, ("Urn (1995)", "Oil, 10cm"), id="no-artists"),
        pytest.param(
            [],
            {"title": "Urn", "date_display": "", "medium": "", "dimensions_display": ""},
            ("Urn", ""),
            id="title-only",
        ),
        pytest.param(
            [("Anna", ARTIST)],
            {**URN, "date_display": "  ", "medium": " Oil ", "dimensions_display": " "},
            ("Anna, Urn", "Oil"),
            id="blank-parts-are-missing",
        ),
    ],
)
def test_caption_lines(credits, fields, expected):
    """An artwork's caption reads 'Artists, Title (date)' / 'medium, dimensions', minus gaps."""
    artwork = ArtworkFactory(**fields)
    for position, (name, role) in enumerate(credits):
        ArtworkArtistFactory(
            artwork=artwork, artist=ArtistFactory(name=name), role=role, position=position
        )

    assert tuple(artwork.caption) == expected


def test_caption_follows_credit_positions_not_creation_order():
    """Credits print in their position order, whatever order they were entered in."""
    artwork = ArtworkFactory(title="Urn")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ben"), position=2)
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Anna"), position=1)

    assert artwork.caption.line1 == "Anna and Ben, Urn"


def test_caption_str_skips_empty_line():
    """A caption with no second line prints as one line, without a trailing newline."""
    artwork = ArtworkFactory(title="Urn", date_display="1995")

    assert str(artwork.caption) == "Urn (1995)"


def test_figure_caption_lines_come_from_the_artwork():
    """A figure of an artwork with no override shows the artwork's composed lines."""
    artwork = ArtworkFactory(title="Urn", date_display="1995", medium="Oil")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Anna"))
    figure = ArticleFigureFactory(artwork=artwork)

    assert figure.caption_lines() == ["Anna, Urn (1995)", "Oil"]


def test_figure_caption_override_replaces_composed_lines():
    """A caption override replaces the composed caption, one line per text line."""
    artwork = ArtworkFactory(title="Urn", date_display="1995", medium="Oil")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Anna"))
    figure = ArticleFigureFactory(
        artwork=artwork, caption="First line\r\n\n  Second line  \nThird line"
    )

    assert figure.caption_lines() == ["First line", "Second line", "Third line"]


def test_figure_caption_override_of_blanks_falls_back_to_artwork():
    """An override of only whitespace counts as empty."""
    artwork = ArtworkFactory(title="Urn", date_display="", medium="")
    figure = ArticleFigureFactory(artwork=artwork, caption="  \n ")

    assert figure.caption_lines() == ["Urn"]


def test_standalone_figure_without_override_has_no_caption():
    """An uploaded image with no caption shows no caption lines."""
    figure = ArticleFigureFactory(artwork=None, image=None, alt_text="A view")

    assert figure.caption_lines() == []
