"""The public artist pages: the A-Z list and each artist's page."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)

pytestmark = pytest.mark.django_db

ARTISTS_URL = reverse("artists:artist-list")


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def artists():
    return {
        "ai": ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei", birth_year=1957),
        "anni": ArtistFactory(name="Anni Albers", sort_name="Albers, Anni"),
        "riley": ArtistFactory(name="Bridget Riley", sort_name="Riley, Bridget"),
        "hands": ArtistFactory(name="1000 Hands Collective", sort_name="1000 Hands Collective"),
    }


def test_artist_list_shows_everyone_in_sort_order(client, artists):
    """The A-Z list shows every artist, filed by sort name."""
    content = text_of(client.get(ARTISTS_URL))

    names = ["Ai Weiwei", "Anni Albers", "Bridget Riley"]
    assert all(name in content for name in names)
    assert content.index("Ai Weiwei") < content.index("Anni Albers") < content.index("Bridget")
    assert "1000 Hands Collective" in content


@pytest.mark.parametrize("letter", ["A", "a"])
def test_artist_list_filters_by_letter(client, artists, letter):
    """?letter=A shows only the artists filed under A (Anni Albers as 'Albers, Anni')."""
    content = text_of(client.get(ARTISTS_URL, {"letter": letter}))

    assert "Ai Weiwei" in content
    assert "Anni Albers" in content
    assert "Bridget Riley" not in content
    assert "1000 Hands Collective" not in content


def test_artist_list_filters_by_sort_name_not_display_name(client, artists):
    """Bridget Riley is under R, not B."""
    under_r = text_of(client.get(ARTISTS_URL, {"letter": "R"}))
    under_b = text_of(client.get(ARTISTS_URL, {"letter": "B"}))

    assert "Bridget Riley" in under_r
    assert "Bridget Riley" not in under_b


def test_artist_list_other_letter_holds_non_alphabetic_names(client, artists):
    """?letter=# lists names that do not start with a letter."""
    content = text_of(client.get(ARTISTS_URL, {"letter": "#"}))

    assert "1000 Hands Collective" in content
    assert "Ai Weiwei" not in content


@pytest.mark.parametrize("letter", ["", "AB", "<script>", "9"])
def test_artist_list_ignores_unknown_letters(client, artists, letter):
    """A letter that is not A-Z or # shows everyone rather than an error."""
    content = text_of(client.get(ARTISTS_URL, {"letter": letter}))

    assert "Ai Weiwei" in content
    assert "Bridget Riley" in content


def test_artist_list_letter_with_nobody_renders(client, artists):
    """A letter nobody is filed under renders an empty list."""
    content = text_of(client.get(ARTISTS_URL, {"letter": "Q"}))

    assert "Ai Weiwei" not in content


@pytest.mark.parametrize(
    ("birth_year", "death_year", "shown"),
    [(1881, 1973, "1881–1973"), (1957, None, "born 1957"), (None, 1610, "died 1610")],
)
def test_artist_page_shows_name_and_life_dates(client, birth_year, death_year, shown):
    """The artist page shows the name, life dates, nationality and biography."""
    artist = ArtistFactory(
        name="Pablo Picasso",
        birth_year=birth_year,
        death_year=death_year,
        nationality="Spanish",
        birth_place="Málaga",
        bio="<p>A painter and sculptor.</p>",
    )

    content = text_of(client.get(artist.get_absolute_url()))

    assert "Pablo Picasso" in content
    assert shown in content
    assert "Spanish" in content
    assert "Málaga" in content
    assert "<p>A painter and sculptor.</p>" in content


def test_artist_page_lists_artworks_and_featuring_articles(client):
    """The artist page lists their works and the published articles featuring them."""
    artist = ArtistFactory(name="Ai Weiwei")
    other_artist = ArtistFactory(name="Someone Else")
    urn = ArtworkFactory(title="Dropping a Han Dynasty Urn")
    seeds = ArtworkFactory(title="Sunflower Seeds")
    elsewhere = ArtworkFactory(title="Not His Work")
    ArtworkArtistFactory(artwork=urn, artist=artist)
    ArtworkArtistFactory(artwork=seeds, artist=artist)
    ArtworkArtistFactory(artwork=elsewhere, artist=other_artist)
    by_name = ArticleFactory(title="Named in an interview")
    by_name.featured_artists.add(artist)
    by_figure = ArticleFigureFactory(
        artwork=urn, article=ArticleFactory(title="Shown in a figure")
    ).article
    by_work = ArticleFactory(title="About his seeds")
    by_work.featured_artworks.add(seeds)
    unrelated = ArticleFactory(title="About someone else")
    unrelated.featured_artists.add(other_artist)

    content = text_of(client.get(artist.get_absolute_url()))

    assert "Dropping a Han Dynasty Urn" in content
    assert "Sunflower Seeds" in content
    assert "Not His Work" not in content
    for article in (by_name, by_figure, by_work):
        assert article.title in content
        assert article.get_absolute_url() in content
    assert unrelated.title not in content


def test_artist_with_nothing_renders(client):
    """An artist with no dates, works or articles still has a page."""
    artist = ArtistFactory(name="Anonymous")

    content = text_of(client.get(artist.get_absolute_url()))

    assert "Anonymous" in content


@pytest.mark.parametrize("page_cache", [False, True])
def test_artist_list_pages_follow_artists_coming_going_and_moving_letter(
    client, settings, monkeypatch, django_capture_on_commit_callbacks, artists, page_cache
):
    """The totals behind the pages (kept between pages, pagecache/counts.py) move at once: two
    artists a page, A has two (one page), a third makes a page 2, moved to K it leaves one;
    six artists in all make three pages, two deleted two."""
    from artists.views import ArtistListView  # noqa: PLC0415

    settings.PAGE_CACHE = page_cache
    monkeypatch.setattr(ArtistListView, "paginate_by", 2)
    assert 'rel="next"' not in text_of(client.get(ARTISTS_URL, {"letter": "A"}))
    with django_capture_on_commit_callbacks(execute=True):
        ArtistFactory(name="Agnes Martin", sort_name="Martin, Agnes")  # under M
        third = ArtistFactory(name="Anish Kapoor", sort_name="Anish Kapoor")
    assert "Page 1 of 2" in text_of(client.get(ARTISTS_URL, {"letter": "A"}))
    assert "Page 1 of 3" in text_of(client.get(ARTISTS_URL))
    with django_capture_on_commit_callbacks(execute=True):
        third.sort_name = "Kapoor, Anish"
        third.save()
    assert 'rel="next"' not in text_of(client.get(ARTISTS_URL, {"letter": "A"}))
    with django_capture_on_commit_callbacks(execute=True):
        artists["hands"].delete()
        artists["riley"].delete()
    assert "Page 1 of 2" in text_of(client.get(ARTISTS_URL))
    assert "Page 3" not in text_of(client.get(ARTISTS_URL))
