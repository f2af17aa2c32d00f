"""For each kind of change, every cached page that shows the changed thing is fresh on the next
request, and a page that does not show it is still served from the cache."""

import pytest
from django.urls import reverse

from articles import services as publishing
from articles.models import Section
from recommendations import services
from recommendations.models import RelatedLink
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    RelatedLinkFactory,
    SectionFactory,
)
from tests.pagecache.pages import fresh, served, still_cached, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(committed):
    """Two unrelated stories: an article featuring Ai Weiwei (by name and through a figure of
    his work), and another with nothing in common; committed, with what follows a commit done
    (recommendations computed)."""
    with committed():
        return _site()


def _site():
    reviews, news = SectionFactory(name="Reviews", slug="reviews"), SectionFactory(slug="news")
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn", slug="urn")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    featuring = ArticleFactory(
        title="Urn Story", slug="urn-story", section=reviews, tags=["Ceramics"]
    )
    featuring.featured_artists.add(artist)
    ArticleFigureFactory(article=featuring, artwork=artwork)
    by_figure = ArticleFactory(title="Figure Story", slug="figure-story", section=reviews)
    ArticleFigureFactory(article=by_figure, artwork=artwork)
    other = ArticleFactory(title="Other Story", slug="other-story", section=news, tags=["Video"])
    loner = ArtistFactory(name="Somebody Else", slug="somebody-else")
    return {
        "artist": artist,
        "artwork": artwork,
        "featuring": featuring,
        "by_figure": by_figure,
        "other": other,
        "loner": loner,
    }


def test_editing_an_article_refreshes_its_page_and_every_list_showing_it(client, site, committed):
    article, other = site["featuring"], site["other"]
    urls = ["/", article.get_absolute_url(), reverse("articles:section-detail", args=["reviews"])]
    warm(client, *urls, other.get_absolute_url(), site["loner"].get_absolute_url())
    with committed():
        article.title = "Urn Story, Revised"
        article.save()
    for url in urls:
        fresh(client, url, shows=["Urn Story, Revised"])
    still_cached(client, other.get_absolute_url(), site["loner"].get_absolute_url())


def test_renaming_an_artist_refreshes_every_article_that_features_them(client, site, committed):
    featuring, by_figure, other = site["featuring"], site["by_figure"], site["other"]
    warm(client, featuring.get_absolute_url(), by_figure.get_absolute_url())
    warm(client, other.get_absolute_url(), site["artist"].get_absolute_url())
    with committed():
        site["artist"].name = "Ai Wei Wei"
        site["artist"].save()
    fresh(client, featuring.get_absolute_url(), shows=["Ai Wei Wei"])
    fresh(client, by_figure.get_absolute_url(), shows=["Ai Wei Wei"])  # in the figure caption
    fresh(client, site["artist"].get_absolute_url(), shows=["Ai Wei Wei"])
    still_cached(client, other.get_absolute_url())


def test_changing_a_figure_refreshes_the_article(client, site, committed):
    article = site["featuring"]
    warm(client, article.get_absolute_url(), site["other"].get_absolute_url())
    figure = article.figures.get()
    with committed():
        figure.caption = "A new caption\nOver two lines"
        figure.save()
    fresh(client, article.get_absolute_url(), shows=["A new caption"])
    still_cached(client, site["other"].get_absolute_url())


def test_changing_an_artwork_refreshes_the_captions_that_show_it(client, site, committed):
    article = site["featuring"]
    warm(client, article.get_absolute_url(), site["other"].get_absolute_url())
    with committed():
        site["artwork"].title = "Urn, Dropped"
        site["artwork"].save()
    fresh(client, article.get_absolute_url(), shows=["Urn, Dropped"])
    still_cached(client, site["other"].get_absolute_url())


def test_renaming_a_tag_refreshes_the_articles_that_carry_it(client, site, committed):
    article = site["featuring"]
    warm(client, article.get_absolute_url(), site["other"].get_absolute_url())
    tag = article.tags.get()
    with committed():
        tag.name = "Porcelain"
        tag.save()
    fresh(client, article.get_absolute_url(), shows=["Porcelain"])
    still_cached(client, site["other"].get_absolute_url())


def test_tagging_a_public_article_adds_it_to_the_tag_page(client, site, committed):
    tag_url = reverse("articles:tag-detail", args=["video"])
    warm(client, tag_url)
    with committed():
        site["featuring"].tags.add("Video")
    fresh(client, tag_url, shows=["Urn Story"])


def test_unpublishing_an_article_removes_it_everywhere_at_once(client, site, committed):
    article, by_figure = site["featuring"], site["by_figure"]
    # The engine links the two stories (they show the same artwork).
    assert RelatedLink.objects.filter(source=by_figure, target=article).exists()
    lists = [
        "/",
        reverse("articles:section-detail", args=["reviews"]),
        site["artist"].get_absolute_url(),
        site["artwork"].get_absolute_url(),
        by_figure.get_absolute_url(),  # its "You may also like" block links to the article
    ]
    only_tagged = reverse("articles:tag-detail", args=["ceramics"])
    warm(client, *lists, only_tagged, article.get_absolute_url(), site["other"].get_absolute_url())
    assert "Urn Story" in served(client, by_figure.get_absolute_url())[1]
    with committed():
        publishing.article_unpublish(article=article, user=None)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(only_tagged).status_code == 404  # nothing public carries the tag now
    for url in lists:
        fresh(client, url, hides=["Urn Story"])
    still_cached(client, site["other"].get_absolute_url())


def test_publishing_a_draft_lists_it_at_once(client, site, committed):
    draft = ArticleFactory(
        title="Fresh Draft", slug="fresh-draft", section=site["other"].section, draft=True
    )
    news = reverse("articles:section-detail", args=["news"])
    reviews = reverse("articles:section-detail", args=["reviews"])
    warm(client, "/", news, reviews, reverse("feeds:latest-rss"))
    with committed():
        publishing.article_publish(article=draft, user=None)
    for url in ["/", news, reverse("feeds:latest-rss")]:
        fresh(client, url, shows=["Fresh Draft"])
    still_cached(client, reviews)


def test_moving_an_article_to_another_section_refreshes_both(client, site, committed):
    article = site["other"]
    news = reverse("articles:section-detail", args=["news"])
    reviews = reverse("articles:section-detail", args=["reviews"])
    warm(client, news, reviews)
    with committed():
        article.section = Section.objects.get(slug="reviews")
        publishing.article_save(article=article, user=None)
    fresh(client, news, hides=["Other Story"])
    fresh(client, reviews, shows=["Other Story"])


def test_featuring_an_artist_lists_the_article_on_their_page(client, site, committed):
    loner = site["loner"]
    warm(client, loner.get_absolute_url(), site["artist"].get_absolute_url())
    with committed():
        site["other"].featured_artists.add(loner)
    fresh(client, loner.get_absolute_url(), shows=["Other Story"])
    still_cached(client, site["artist"].get_absolute_url())


def test_a_new_figure_lists_the_article_on_the_artwork_and_artist_pages(client, site, committed):
    artwork = ArtworkFactory(title="Sunflower Seeds", slug="seeds")
    ArtworkArtistFactory(artwork=artwork, artist=site["loner"])
    warm(client, artwork.get_absolute_url(), site["loner"].get_absolute_url())
    with committed():
        ArticleFigureFactory(article=site["other"], artwork=artwork)
    fresh(client, artwork.get_absolute_url(), shows=["Other Story"])
    fresh(client, site["loner"].get_absolute_url(), shows=["Other Story"])


def test_a_related_links_target_unpublished_leaves_the_block(client, site, committed):
    source, target = site["other"], site["by_figure"]
    RelatedLinkFactory(source=source, target=target)
    warm(client, source.get_absolute_url())
    assert "Figure Story" in served(client, source.get_absolute_url())[1]
    with committed():
        publishing.article_unpublish(article=target, user=None)
    fresh(client, source.get_absolute_url(), hides=["Figure Story"])


def test_a_moderator_rejecting_a_link_refreshes_its_source(client, site, committed, admin_user):
    source = site["other"]
    link = RelatedLinkFactory(source=source, target=site["by_figure"])
    warm(client, source.get_absolute_url(), site["featuring"].get_absolute_url())
    with committed():
        services.related_links_set_status(
            links=RelatedLink.objects.filter(pk=link.pk),
            status=RelatedLink.Status.REJECTED,
            user=admin_user,
        )
    fresh(client, source.get_absolute_url(), hides=["Figure Story"])
    still_cached(client, site["featuring"].get_absolute_url())


def test_renaming_a_section_refreshes_every_page_with_the_navigation(client, site, committed):
    urls = ["/", site["other"].get_absolute_url(), site["loner"].get_absolute_url()]
    warm(client, *urls)
    section = Section.objects.get(slug="news")
    with committed():
        section.name = "Dispatches"
        section.save()
    for url in urls:
        fresh(client, url, shows=["Dispatches"])


def test_the_site_settings_refresh_every_page(client, site, committed):
    warm(client, "/", site["other"].get_absolute_url())
    settings_row = SiteSettings.current()
    with committed():
        settings_row.publisher_name = "Phaidon Press"
        settings_row.save()
    fresh(client, "/", shows=["Phaidon Press"])
    fresh(client, site["other"].get_absolute_url(), shows=["Phaidon Press"])


def test_a_new_artist_joins_the_a_to_z(client, site, committed):
    artists = reverse("artists:artist-list")
    warm(client, artists, site["featuring"].get_absolute_url())
    with committed():
        ArtistFactory(name="Zanele Muholi", slug="zanele-muholi")
    fresh(client, artists, shows=["Zanele Muholi"])
    still_cached(client, site["featuring"].get_absolute_url())


def test_deleting_a_public_article_removes_it_from_the_lists(client, site, committed):
    reviews = reverse("articles:section-detail", args=["reviews"])
    warm(client, "/", reviews, site["artist"].get_absolute_url())
    with committed():
        site["featuring"].delete()
    fresh(client, "/", hides=["Urn Story"])
    fresh(client, reviews, hides=["Urn Story"])
    fresh(client, site["artist"].get_absolute_url(), hides=["Urn Story"])


def test_search_results_follow_the_content(client, site, committed):
    url = reverse("search:search") + "?q=teapot"
    warm(client, url)
    with committed():
        site["other"].title = "The Teapot"
        site["other"].save()
    fresh(client, url, shows=["The Teapot"])


def test_renaming_an_author_refreshes_the_cards_of_their_articles(client, site, committed):
    """Cards are read as plain rows (articles/cards.py), which tell the cache what they show."""
    article = site["featuring"]
    author = ArticleAuthorFactory(article=article).author
    lists = [
        "/",
        reverse("articles:article-list"),
        reverse("articles:section-detail", args=["reviews"]),
    ]
    warm(client, *lists, reverse("articles:section-detail", args=["news"]))
    with committed():
        author.name = "Renamed Writer"
        author.save()
    for url in lists:
        fresh(client, url, shows=["Renamed Writer"])
    still_cached(client, reverse("articles:section-detail", args=["news"]))


def test_a_new_first_image_of_an_artwork_refreshes_the_cards_it_leads(client, site, committed):
    warm(client, "/", reverse("articles:section-detail", args=["news"]))
    with committed():
        for image in site["artwork"].images.all():
            image.position = 5
            image.save()
        ArtworkImageFactory(artwork=site["artwork"], position=0, alt_text="A new first image")
    fresh(client, "/", shows=['alt="A new first image"'])
    still_cached(client, reverse("articles:section-detail", args=["news"]))


def test_the_artist_artwork_and_tag_pages_show_each_edit_of_what_they_read(client, site, committed):
    """The artist, artwork and tag pages read their objects and cards with SQL written once
    (artists/page_parts.py, artworks/page_parts.py, artworks/card_reads.py, artists/index.py):
    an edit of each record they show is on the next page."""
    artist, artwork = site["artist"], site["artwork"]
    with committed():
        artwork.images.update(position=5)
        image = ArtworkImageFactory(artwork=artwork, position=0, alt_text="An urn")
        artist.tags.add("Conceptual art")
        artwork.tags.add("Ceramics")
        other = ArtworkFactory(title="Sunflower Seeds", slug="seeds")
        ArtworkArtistFactory(artwork=other, artist=artist)
    ceramics = reverse("articles:tag-detail", args=["ceramics"])
    conceptual = reverse("articles:tag-detail", args=["conceptual-art"])
    pages = [artist.get_absolute_url(), artwork.get_absolute_url(), ceramics, conceptual]
    warm(client, *pages, site["loner"].get_absolute_url())

    with committed():
        artist.name = "Ai Weiwei (renamed)"
        artist.save()
    for url in (artist.get_absolute_url(), artwork.get_absolute_url(), conceptual):
        fresh(client, url, shows=["Ai Weiwei (renamed)"])
    still_cached(client, site["loner"].get_absolute_url())

    warm(client, *pages)
    with committed():
        image.alt_text = "A broken urn"
        image.save()
    fresh(client, artwork.get_absolute_url(), shows=['alt="A broken urn"'])
    fresh(client, ceramics, shows=['alt="A broken urn"'])

    warm(client, *pages)
    with committed():
        other.title = "Seeds, Renamed"
        other.save()
    fresh(client, artist.get_absolute_url(), shows=["Seeds, Renamed"])
    fresh(client, artwork.get_absolute_url(), shows=["Seeds, Renamed"])

    warm(client, *pages)
    with committed():
        tag = artwork.tags.get()
        tag.name = "Ceramics & Clay"
        tag.save()
    fresh(client, artwork.get_absolute_url(), shows=["Ceramics &amp; Clay"])
    fresh(client, ceramics, shows=["Ceramics &amp; Clay"])
    movement = artist.tags.get()
    warm(client, artist.get_absolute_url())
    with committed():
        movement.name = "Conceptualism"
        movement.save()
    fresh(client, artist.get_absolute_url(), shows=["Conceptualism"])
