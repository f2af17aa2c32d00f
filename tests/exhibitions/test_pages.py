"""The exhibition page and the index: what they show, and what they never show."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

INDEX = reverse("exhibitions:exhibition-list")


def text_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def seeds():
    ai = ArtistFactory(name="Ai Weiwei")
    work = ArtworkFactory(title="Sunflower Seeds (the work)")
    ArtworkArtistFactory(artwork=work, artist=ai)
    return ExhibitionFactory(
        title="The Unilever Series: Ai Weiwei",
        venue=VenueFactory(name="Tate Modern", city="London", url="https://www.tate.org.uk/"),
        opens_on=datetime.date(2010, 10, 12),
        closes_on=datetime.date(2011, 5, 2),
        description="One hundred million porcelain seeds.",
        url="https://www.tate.org.uk/whats-on/tate-modern/ai-weiwei",
        artists=[ai],
        artworks=[work],
    )


def test_exhibition_page_shows_its_details(client, seeds):
    """Title, venue with its link, dates, the on-view sentence, description, outside link,
    artists and works shown."""
    content = text_of(client.get(seeds.get_absolute_url()))

    assert '<h1 class="page-title">The Unilever Series: Ai Weiwei</h1>' in content
    assert '<a href="https://www.tate.org.uk/" rel="noopener">Tate Modern</a>' in content
    assert "12 October 2010 – 2 May 2011" in content
    assert "Closed 2 May 2011" in content
    assert "One hundred million porcelain seeds." in content
    assert 'href="https://www.tate.org.uk/whats-on/tate-modern/ai-weiwei"' in content
    assert f'<a href="{seeds.artists.get().get_absolute_url()}">Ai Weiwei</a>' in content
    assert "Sunflower Seeds (the work)" in content


def test_articles_about_it_are_the_public_ones_newest_first(client, seeds):
    """A draft or a scheduled article featuring the show is not listed."""
    now = datetime.datetime.now(datetime.UTC)
    older = ArticleFactory(title="First review", published_at=now - datetime.timedelta(days=9))
    newer = ArticleFactory(title="Second look", published_at=now - datetime.timedelta(days=1))
    draft = ArticleFactory(title="Unfinished draft", status=Article.Status.DRAFT)
    scheduled = ArticleFactory(
        title="Tomorrow's piece", published_at=now + datetime.timedelta(days=1)
    )
    unrelated = ArticleFactory(title="About something else")
    for article in (older, newer, draft, scheduled):
        article.featured_exhibitions.add(seeds)

    content = text_of(client.get(seeds.get_absolute_url()))

    assert "Articles about it" in content
    assert content.index("Second look") < content.index("First review")
    for absent in (draft, scheduled, unrelated):
        assert absent.title not in content


def test_a_private_or_unknown_exhibition_is_a_404(client, seeds):
    hidden = ExhibitionFactory(title="Not announced", is_public=False)

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("exhibitions:exhibition-detail", args=["nope"])).status_code == 404


def test_an_artist_page_lists_their_shows_current_first(client):
    """By name or with a work of theirs; on now and upcoming before past; private ones never."""
    ai = ArtistFactory(name="Ai Weiwei")
    work = ArtworkFactory(title="Remembering")
    ArtworkArtistFactory(artwork=work, artist=ai)
    ExhibitionFactory(
        title="So Sorry",
        opens_on=datetime.date(2009, 10, 12),
        closes_on=datetime.date(2010, 1, 17),
        artists=[ai],
    )
    ExhibitionFactory(title="Showing his work", artworks=[work])
    ExhibitionFactory(title="Someone else's show", artists=[ArtistFactory()])
    ExhibitionFactory(title="Secret show", artists=[ai], is_public=False)

    content = text_of(client.get(ai.get_absolute_url()))

    assert content.index("Showing his work") < content.index("So Sorry")
    assert "Someone else" not in content
    assert "Secret show" not in content
    assert ">On now</span>" in content and ">Past</span>" in content


def test_an_artwork_page_lists_the_shows_that_showed_it(client):
    work = ArtworkFactory(title="Remembering")
    ExhibitionFactory(title="So Sorry", artworks=[work])
    ExhibitionFactory(title="Secret show", artworks=[work], is_public=False)

    content = text_of(client.get(work.get_absolute_url()))

    assert "So Sorry" in content
    assert "Secret show" not in content


def test_pages_without_shows_have_no_exhibitions_section(client):
    artist = ArtistFactory()

    content = text_of(client.get(artist.get_absolute_url()))

    assert 'id="exhibitions-heading"' not in content


def test_a_show_with_no_dates_image_or_links_still_has_a_page(client):
    bare = ExhibitionFactory(
        title="Collection display",
        opens_on=None,
        closes_on=None,
        venue=VenueFactory(name="A Room", city="", country="", url=""),
    )

    content = text_of(client.get(bare.get_absolute_url()))

    assert "Collection display" in content
    assert "On view at A Room" in content
