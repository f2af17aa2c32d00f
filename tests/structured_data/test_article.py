"""The article page's JSON-LD: a schema.org Article, readable by json.loads, on public pages."""

import datetime

import pytest

from articles import previews
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    AuthorFactory,
    ExhibitionFactory,
    SectionFactory,
    VenueFactory,
)
from tests.renditions import renditions_of
from tests.structured_data.head import read_head

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert(1)</script><!-- & "quoted"'


def test_an_article_is_described_in_full(client):
    site = SiteSettings.current()
    site.publisher_name = "Thames & Ink"
    site.save()
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
    article = ArticleFactory(
        title="Dropping a Han Dynasty Urn, again",
        standfirst="A second look.",
        section=SectionFactory(name="Reviews"),
        tags=["Ceramics"],
    )
    article.featured_artists.add(artist)
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Ada Byline"), position=0)
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Bea Second"), position=1)
    image = ArticleFigureFactory(article=article).artwork.primary_image
    image.image.renditions = renditions_of(image.image.file)
    image.image.save()
    url = f"http://testserver{article.get_absolute_url()}"

    [data] = read_head(client, article.get_absolute_url()).json_ld

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Dropping a Han Dynasty Urn, again"
    assert data["description"] == "A second look."
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Byline"},
        {"@type": "Person", "name": "Bea Second"},
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Thames & Ink",
        "url": "http://testserver/",
    }
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.modified_at.isoformat()
    assert data["articleSection"] == "Reviews"
    assert data["keywords"] == ["Ceramics"]
    [social, shown] = data["image"]
    assert social.startswith("http://testserver/media/renditions/")
    assert social.endswith("/social-500-500.jpg")
    assert shown.endswith("/w960.jpg")
    assert data["about"] == [
        {"@type": "Person", "name": "Ai Weiwei", "url": "http://testserver/artists/ai-weiwei/"}
    ]


def test_what_an_article_lacks_is_left_out(client):
    """No byline, picture or tags: no empty author, image or keywords."""
    article = ArticleFactory(meta_description="For search engines.")

    [data] = read_head(client, article.get_absolute_url()).json_ld

    assert data["description"] == "For search engines."
    assert not {"author", "image", "keywords", "about", "mentions"} & set(data)


def test_the_shows_it_features_are_mentioned_the_hidden_ones_not(client):
    """Each public show the article features, as an ExhibitionEvent it `mentions` (its dates
    as much as they are known, its venue); a show kept off the site is not named."""
    tate = VenueFactory(name="Tate Modern", city="London")
    seeds = ExhibitionFactory(
        title="Sunflower Seeds",
        slug="sunflower-seeds",
        venue=tate,
        opens_on=datetime.date(2010, 10, 12),
        closes_on=datetime.date(2011, 5, 2),
    )
    later = ExhibitionFactory(
        title="Salt Roads",
        slug="salt-roads",
        venue=tate,
        opens_on=datetime.date(2027, 5, 1),
        opens_precision="month",
        closes_on=None,
    )
    hidden = ExhibitionFactory(title="Not Announced", is_public=False)
    article = ArticleFactory()
    article.featured_exhibitions.add(seeds, later, hidden)

    [data] = read_head(client, article.get_absolute_url()).json_ld

    place = {"@type": "Place", "name": "Tate Modern"}
    assert sorted(data["mentions"], key=lambda show: show["name"]) == [
        {
            "@type": "ExhibitionEvent",
            "name": "Salt Roads",
            "url": "http://testserver/exhibitions/salt-roads/",
            "startDate": "2027-05",
            "location": place,
        },
        {
            "@type": "ExhibitionEvent",
            "name": "Sunflower Seeds",
            "url": "http://testserver/exhibitions/sunflower-seeds/",
            "startDate": "2010-10-12",
            "endDate": "2011-05-02",
            "location": place,
        },
    ]
    assert "Not Announced" not in client.get(article.get_absolute_url()).content.decode()


def test_a_hostile_title_cannot_leave_the_script_element(client):
    """The JSON is escaped as json_script escapes it: the title comes back whole."""
    article = ArticleFactory(title=HOSTILE)

    response = client.get(article.get_absolute_url())
    [data] = read_head(client, article.get_absolute_url()).json_ld

    assert data["headline"] == HOSTILE
    assert "<script>alert(1)" not in response.content.decode()
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in response.content.decode()


def test_a_draft_has_no_public_page_and_so_no_structured_data(client):
    draft = ArticleFactory(draft=True)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_preview_shows_the_structured_data_the_page_will_have(client):
    """A preview is the page as it will be (and is kept out of search engines)."""
    draft = ArticleFactory(draft=True, published_at=None, title="Coming soon")

    [data] = read_head(client, previews.preview_path(draft)).json_ld

    assert data["headline"] == "Coming soon"
    assert "datePublished" not in data
