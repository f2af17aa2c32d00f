"""The public article pages show what readers came for."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from artworks.models import ArtworkArtist
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

NOT_FOUND_PHRASE = "We can’t find that page"


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def article():
    """A full article: figures of an artwork and an upload, byline, tags, links, an artist."""
    artwork = ArtworkFactory(
        title="Dropping a Han Dynasty Urn",
        date_display="1995",
        medium="Three black and white photographs",
        dimensions_display="each 148 x 121cm",
    )
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"))
    ArtworkImageFactory(artwork=artwork, alt_text="A man drops an urn", credit="Photo: Tate")
    article = ArticleFactory(
        title="The Urn and the Hammer",
        standfirst="A standfirst about destruction as art.",
        body="<p>The body paragraph of the review.</p><h2>A subheading</h2>",
        section=SectionFactory(name="Reviews", slug="reviews"),
        tags=["Conceptual art", "Photography"],
    )
    ArticleFigureFactory(article=article, artwork=artwork, position=0)
    ArticleFigureFactory(
        article=article,
        artwork=None,
        image=ImageFactory(),
        alt_text="The gallery seen from the street",
        caption="Installation view\nLisson Gallery, London",
        position=1,
    )
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Jane Critic"), position=0)
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="John Writer"), position=1)
    ArticleLinkFactory(article=article, title="Watch the preview", url="https://example.com/v")
    ArticleLinkFactory(article=article, title="Read the interview", url="https://example.com/i")
    article.featured_artists.add(ArtistFactory(name="Sol LeWitt", birth_year=1928))
    return article


def test_home_lists_published_article(client, article):
    """The home page shows the newest published article's title and standfirst."""
    content = text_of(client.get(reverse("articles:home")))

    assert article.title in content
    assert article.standfirst in content
    assert article.get_absolute_url() in content


def test_home_without_articles_renders(client):
    """An empty site still has a home page."""
    assert client.get(reverse("articles:home")).status_code == 200


def test_article_list_lists_published_article(client, article):
    """The list of all articles shows the article."""
    content = text_of(client.get(reverse("articles:article-list")))

    assert article.title in content


def test_article_page_shows_title_standfirst_and_body(client, article):
    """The article page shows its headline, standfirst and the body HTML as HTML."""
    content = text_of(client.get(article.get_absolute_url()))

    assert "<h1" in content
    assert article.title in content
    assert article.standfirst in content
    assert "<p>The body paragraph of the review.</p>" in content
    assert "<h2>A subheading</h2>" in content


def test_article_page_shows_figure_caption_lines(client, article):
    """Each figure shows its caption lines and image; artwork captions are composed."""
    content = text_of(client.get(article.get_absolute_url()))

    assert "Ai Weiwei, Dropping a Han Dynasty Urn (1995)" in content
    assert "Three black and white photographs, each 148 x 121cm" in content
    assert "Photo: Tate" in content
    assert 'alt="A man drops an urn"' in content
    assert "Installation view" in content
    assert "Lisson Gallery, London" in content
    assert 'alt="The gallery seen from the street"' in content


def test_article_page_shows_byline_in_order(client, article):
    """The byline names every author, in their byline order."""
    content = text_of(client.get(article.get_absolute_url()))

    assert content.index("Jane Critic") < content.index("John Writer")
    assert "By " in content


def test_article_page_shows_tags_links_and_featured_artists(client, article):
    """Tags link to their pages; outbound links and featured artists are listed."""
    content = text_of(client.get(article.get_absolute_url()))

    assert "Conceptual art" in content
    assert reverse("articles:tag-detail", args=["conceptual-art"]) in content
    assert "Photography" in content
    assert "Watch the preview" in content
    assert 'href="https://example.com/v"' in content
    assert "Read the interview" in content
    assert "Sol LeWitt" in content


def test_article_page_shows_section_and_footer_blurb(client, article):
    """The page names its section and ends with the publisher's footer from the settings."""
    site = SiteSettings.current()
    site.publisher_name = "Lisson Review"
    site.footer_blurb = "Independent writing on contemporary art since 1967."
    site.save()

    content = text_of(client.get(article.get_absolute_url()))

    assert "Reviews" in content
    assert "Lisson Review" in content
    assert "Independent writing on contemporary art since 1967." in content


def test_section_page_lists_its_articles_only(client, article):
    """A section page shows its name and its own articles, not other sections'."""
    other = ArticleFactory(title="A story from elsewhere")

    content = text_of(client.get(article.section.get_absolute_url()))

    assert "Reviews" in content
    assert article.title in content
    assert other.title not in content


def test_tag_page_lists_tagged_articles_artists_and_artworks(client, article):
    """A tag page shows its name and everything public that carries it."""
    untagged = ArticleFactory(title="An untagged story")
    ArtistFactory(name="Cindy Sherman", tags=["Photography"])
    ArtworkFactory(title="Untitled Film Still", tags=["Photography"])

    content = text_of(client.get(reverse("articles:tag-detail", args=["photography"])))

    assert "Photography" in content
    assert article.title in content
    assert untagged.title not in content
    assert "Cindy Sherman" in content
    assert "Untitled Film Still" in content


def test_tag_page_of_artist_tag_without_articles_renders(client):
    """A tag that only an artist carries still has a page."""
    ArtistFactory(name="Bridget Riley", tags=["Op art"])

    content = text_of(client.get(reverse("articles:tag-detail", args=["op-art"])))

    assert "Bridget Riley" in content


@pytest.fixture
def many_articles():
    """Thirteen published articles in one section with one tag: more than one page of twelve."""
    section = SectionFactory(name="News", slug="news")
    now = timezone.now()
    return [
        ArticleFactory(
            title=f"Story number {n:02d}",
            section=section,
            tags=["Paged"],
            published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(1, 14)
    ]


PAGED_URLS = [
    reverse("articles:article-list"),
    reverse("articles:section-detail", args=["news"]),
    reverse("articles:tag-detail", args=["paged"]),
]


def test_home_shows_the_newest_thirteen_and_links_to_all_articles(client, many_articles):
    """The home page is the lead story and twelve more; older ones are under "All articles"."""
    extra = ArticleFactory(
        title="Story number 14", published_at=timezone.now() - datetime.timedelta(days=30)
    )
    html = text_of(client.get(reverse("articles:home")))

    assert all(article.title in html for article in many_articles)
    assert extra.title not in html
    assert f'href="{reverse("articles:article-list")}"' in html


@pytest.mark.parametrize("url", PAGED_URLS)
def test_second_page_shows_the_oldest_article(client, many_articles, url):
    """With more than twelve articles, page 2 shows the thirteenth, newest first."""
    first = text_of(client.get(url))
    second = text_of(client.get(url, {"page": "2"}))

    assert "Story number 01" in first
    assert "Story number 13" not in first
    assert "Story number 13" in second
    assert "Story number 01" not in second


@pytest.mark.parametrize("url", PAGED_URLS)
@pytest.mark.parametrize("page", ["999", "abc", "0", "-1"])
def test_bad_page_number_is_404(client, many_articles, url, page):
    """A page number out of range or not a number is a friendly 404, not a 500."""
    response = client.get(url, {"page": page})

    assert response.status_code == 404
    assert NOT_FOUND_PHRASE in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        reverse("articles:article-detail", args=["no-such-article"]),
        reverse("articles:section-detail", args=["no-such-section"]),
        reverse("articles:tag-detail", args=["no-such-tag"]),
        reverse("artists:artist-detail", args=["no-such-artist"]),
        reverse("artworks:artwork-detail", args=["no-such-artwork"]),
        "/no/such/page/",
    ],
)
def test_unknown_address_is_friendly_404(client, url):
    """An unknown slug or address gives the site's own 404 page."""
    response = client.get(url)

    assert response.status_code == 404
    content = response.content.decode()
    assert NOT_FOUND_PHRASE in content
    assert reverse("articles:home") in content


def test_artwork_role_credit_reads_in_caption(client):
    """A figure of an artwork 'after' an artist is captioned with the role."""
    artwork = ArtworkFactory(title="Venus", date_display="c.1600")
    ArtworkArtistFactory(
        artwork=artwork, artist=ArtistFactory(name="Titian"), role=ArtworkArtist.Role.AFTER
    )
    figure = ArticleFigureFactory(artwork=artwork)

    content = text_of(client.get(figure.article.get_absolute_url()))

    assert "After Titian, Venus (c.1600)" in content
