"""Plain text cleaned through the admin's forms: stored clean, and validated as it is stored (a
title of control characters is blank, a name that differs only by one is a duplicate)."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Section
from artists.models import Artist
from sitesettings.models import SiteSettings
from tests.adminforms import article_form_data, browser_post_data, form_errors, management_form
from tests.factories import ArticleFactory, SectionFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

BLANK = "This field cannot be blank."


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


def page_form(client, url: str, form_id: str, **fields) -> dict:
    """The form of the admin page at `url` as a browser would post it, with `fields` typed in."""
    return {**browser_post_data(client.get(url), form_id), **fields}


def test_a_pasted_title_standfirst_and_figure_are_stored_clean(client, editor):
    """Shift+Enter (a vertical tab), form feeds and decomposed accents do not reach the rows."""
    article = ArticleFactory()
    data = article_form_data(
        article,
        title="Dropping\x0b a Cafe\u0301 urn ",
        standfirst="One\x0c line.\r\nAnother\x1b line.",
        meta_description="\x85For search\x7f engines",
        **management_form("links", total=1),
        **{
            "links-0-title": "Watch\x0b the film\x0c",
            "links-0-url": "https://example.com/\x0b",
            "links-0-position": "0",
        },
    )

    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Dropping a Café urn"
    assert article.standfirst == "One line.\nAnother line."
    assert article.meta_description == "For search engines"
    link = article.links.get()
    assert (link.title, link.url) == ("Watch the film", "https://example.com/")


@pytest.mark.parametrize(
    ("title", "error"),
    [
        ("\x01\x02\x1b", BLANK),
        ("\u0085\ufffe", BLANK),
        ("\x7f", BLANK),
        ("\x0b\x0c", "This field is required."),  # whitespace to Python: the form strips it
    ],
)
def test_a_title_of_control_characters_is_blank(client, editor, title, error):
    """Nothing a reader could see is left: the form says so instead of saving an empty title."""
    article = ArticleFactory(title="Kept")

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, title=title),
    )

    assert form_errors(response) == {"title": [error]}
    article.refresh_from_db()
    assert article.title == "Kept"


def test_a_section_name_that_differs_by_a_control_character_is_a_duplicate(admin_client):
    """Validated as stored: "Reviews" and "Reviews" with pasted control characters are one name."""
    SectionFactory(name="Reviews", slug="reviews")
    url = reverse("admin:articles_section_add")
    data = page_form(admin_client, url, "section_form", name="Re\x01views\x1b", slug="reviews-2")

    response = admin_client.post(url, data)

    assert list(form_errors(response)) == ["name"]
    assert Section.objects.count() == 1


def test_an_artist_is_stored_clean(admin_client):
    """Names and places of an artist, as every page, caption and feed shows them."""
    url = reverse("admin:artists_artist_add")
    data = page_form(
        admin_client,
        url,
        "artist_form",
        name="Ai\x0b Weiwei",
        sort_name="\x1bAi, Weiwei",
        slug="ai-weiwei",
        birth_place="Beijing\x0c",
        nationality="Chinese\x85",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    artist = Artist.objects.get()
    assert (artist.name, artist.sort_name, artist.initial) == ("Ai Weiwei", "Ai, Weiwei", "A")
    assert (artist.birth_place, artist.nationality) == ("Beijing", "Chinese")


def test_site_settings_are_stored_clean(admin_client):
    """The tagline and publisher name the feeds and every page show."""
    site = SiteSettings.current()
    url = reverse("admin:sitesettings_sitesettings_change", args=[site.pk])
    data = page_form(
        admin_client,
        url,
        "sitesettings_form",
        publisher_name="The\x0b Urn Press",
        tagline="Art\x0c news\x1b ",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    site.refresh_from_db()
    assert (site.publisher_name, site.tagline) == ("The Urn Press", "Art news")


def test_a_new_tag_typed_in_the_autocomplete_is_stored_clean(client, editor):
    """A new tag with a pasted control character or decomposed accent is the existing tag."""
    cafe = Tag.objects.create(name="Café")
    article = ArticleFactory()
    data = article_form_data(article, tags=["new:Cafe\u0301\x0b", "new:\x0cPorcelain "])

    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302, form_errors(response)
    assert sorted(Article.objects.get(pk=article.pk).tags.values_list("name", flat=True)) == [
        "Café",
        "Porcelain",
    ]
    assert Tag.objects.filter(name__startswith="Caf").get() == cafe
