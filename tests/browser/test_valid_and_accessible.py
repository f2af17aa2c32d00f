"""Every public page type passes the Nu HTML Checker with no errors, and axe-core in Chromium
with no serious or critical violations."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse

from articles import previews
from articles.models import Article
from links.archive import record_for_article
from links.models import Link
from tests.browser.page_checks import accessibility_violations, html_errors
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ExhibitionFactory,
    ImageFactory,
    SectionFactory,
    SeriesFactory,
    VenueFactory,
)
from tests.images.samples import photo_like, save

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]


@pytest.fixture
def pages(settings, tmp_path) -> list[str]:
    """One page of every public type, over content that fills every part of them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = ContentFile(save(photo_like((1200, 800)), "JPEG"), "photo.jpg")
    section = SectionFactory(name="Reviews", slug="reviews")
    artist = ArtistFactory(
        name="Ai Weiwei", birth_year=1957, birth_place="Beijing", bio="<p>An <em>artist</em>.</p>"
    )
    artist.portrait = ImageFactory(file=photo)
    artist.portrait_alt_text = "Ai Weiwei in his studio"
    artist.save()
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn", date_display="1995")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    ArtworkImageFactory(
        artwork=artwork, image__file=ContentFile(photo.read(), "urn.jpg"), credit="© Ai"
    )
    remembering = ArtworkFactory(title="Remembering", date_display="2009")
    ArtworkArtistFactory(artwork=remembering, artist=artist)
    ArtworkImageFactory(
        artwork=remembering, image__file=ContentFile(photo.read(), "backpacks.jpg"), credit="© Ai"
    )
    # The article is part 2 of a series, between a public part 1 and part 3 (its navigation).
    series = SeriesFactory(title="Letters from Beijing", description="A column.", planned_parts=4)
    ArticleFactory(title="The first letter", section=section, series=series, series_part=1)
    ArticleFactory(title="The third letter", section=section, series=series, series_part=3)
    article = ArticleFactory(
        title="Never Sorry",
        series=series,
        series_part=2,
        section=section,
        tags=["Photography", "China"],
        # A figure placed in the body (issue 18), as the demo's seed article has one.
        body="<h2>A heading</h2><p>Text with a <a href='https://example.org'>link</a>.</p>"
        f'<figure data-artwork="{remembering.pk}" data-size="wide"></figure><p>More text.</p>',
    )
    ArticleFigureFactory(article=article, artwork=artwork, position=0)
    ArticleFigureFactory(article=article, artwork=ArtworkFactory(), position=1)
    ArticleAuthorFactory(article=article)
    ArticleLinkFactory(article=article)
    article.featured_artists.add(artist)
    # Both links dead, with their archived copies offered after them (links/readers.py).
    # (The inventory recorded both uses when the article and its further link were saved.)
    Link.objects.filter(uses__article=article).update(dead=True, status=Link.Status.GONE)
    record_for_article(article)
    for _ in range(3):  # the engine links them to the article (shared tag and artwork)
        other = ArticleFactory(section=section, tags=["Photography"])
        ArticleFigureFactory(article=other, artwork=artwork)
    draft = ArticleFactory(status=Article.Status.DRAFT, section=section)
    # A show with everything its page and the index show (on now, upcoming and past lists).
    seeds = ExhibitionFactory(
        title="Sunflower Seeds",
        venue=VenueFactory(name="Tate Modern", city="London", url="https://www.tate.org.uk/"),
        image=ImageFactory(file=ContentFile(photo.read(), "seeds.jpg")),
        image_alt_text="Porcelain seeds on the floor",
        image_credit="© Tate",
        description="One hundred million porcelain seeds.",
        url="https://www.tate.org.uk/whats-on",
        artists=[artist],
        artworks=[artwork, remembering],
    )
    article.featured_exhibitions.add(seeds)
    ExhibitionFactory(title="So Sorry", opens_on=date(2009, 10, 12), closes_on=date(2010, 1, 17))
    ExhibitionFactory(title="Later", opens_on=date(2098, 1, 1), closes_on=date(2098, 3, 1))
    assert article.related_links.exists(), "the page shows a You May Also Like block"
    assert article.body_figures()[0].shown_image().picture.src, "the body shows a figure"
    assert article.link_uses.exclude(archive_url="").count() == 2, "archived copies are shown"
    urls = [
        reverse("articles:home"),
        reverse("articles:article-list"),
        article.get_absolute_url(),
        section.get_absolute_url(),
        reverse("articles:tag-detail", args=["photography"]),
        reverse("artists:artist-list"),
        artist.get_absolute_url(),
        reverse("artworks:artwork-list"),
        artwork.get_absolute_url(),
        reverse("exhibitions:exhibition-list"),
        seeds.get_absolute_url(),
        previews.preview_path(draft),
        series.get_absolute_url(),
        reverse("articles:series-list"),
        "/no-such-page/",
    ]
    try:
        urls.append(reverse("search:search") + "?q=urn")
    except NoReverseMatch:
        pass  # search arrives with its own issue
    return urls


def test_every_page_type_is_valid_html(client, pages, tmp_path):
    html = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html[url] = response.content.decode()

    errors = html_errors(html, tmp_path)
    assert errors == [], "\n".join(errors)


def test_every_page_type_has_no_serious_accessibility_violations(live_server, new_page, pages):
    page = new_page()
    violations = []
    for url in pages:
        page.goto(f"{live_server.url}{url}")
        violations += accessibility_violations(page)

    assert violations == []
