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
