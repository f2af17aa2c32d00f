"""Sections, authors, articles, artists and artworks: an empty slug is made from the name or
title on save, whatever the script; a slug that works is kept."""

import pytest
from django.urls import reverse

from articles.models import Article, Author, Section, SlugRedirect
from artists.models import Artist
from artworks.models import Artwork
from tests.adminforms import article_form_data
from tests.checks import form_overrides
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: Section.objects.create(name="Künste"), "künste"),
        (lambda: Author.objects.create(name="Zoë Ōtani"), "zoë-ōtani"),
        (lambda: ArticleFactory(title="現代美術の夜", slug=""), "現代美術の夜"),
        (lambda: Artist.objects.create(name="艾未未", sort_name="Ai"), "艾未未"),
        (lambda: Artwork.objects.create(title="🎨"), "artist-palette"),
        (lambda: ArtworkFactory(title="???", slug=""), "question-mark"),
        (lambda: ArtistFactory(name="\u200d", slug=""), "artist"),
    ],
)
def test_an_empty_slug_is_made_on_save(make, expected):
    """Saved without a slug (a script, a form left empty): one from the name, never empty."""
    assert make().slug == expected


def test_made_slugs_are_unique():
    """Two artworks called "🎨" get "artist-palette" and "artist-palette-2"."""
    first, second = Artwork.objects.create(title="🎨"), Artwork.objects.create(title="🎨")

    assert (first.slug, second.slug) == ("artist-palette", "artist-palette-2")


def test_a_working_slug_is_kept_when_the_title_changes():
    """Retitling does not move a page."""
    artist = ArtistFactory(name="Hannah Höch", slug="")

    artist.name = "Hanna Höch"
    artist.save()

    artist.refresh_from_db()
    assert artist.slug == "hannah-höch"


@pytest.mark.parametrize(
    ("given", "expected"), [("Café au lait", "café-au-lait"), ("a/b?c", "abc"), ("ﬁne", "fine")]
)
def test_a_slug_that_would_not_work_in_an_address_is_made_to(given, expected):
    """A slug set outside a form with spaces, '/', '?' or a ligature is made into one that
    reads back from an address."""
    assert SectionFactory(slug=given).slug == expected


def test_a_save_of_other_fields_leaves_the_slug_alone():
    """save(update_fields=[...]) without the slug neither changes it nor records a redirect."""
    article = ArticleFactory(slug="")
    Article.objects.filter(pk=article.pk).update(slug="")
    article.refresh_from_db()

    article.status = Article.Status.UNPUBLISHED
    article.save(update_fields=["status"])

    article.refresh_from_db()
    assert article.slug == ""
    assert not SlugRedirect.objects.exists()


def test_the_admin_accepts_an_empty_slug_for_an_emoji_title(admin_client):
    """The admin's slug box is empty for a title with no letters ("🎨"): saving makes one."""
    data = article_form_data(title="🎨", slug="", status="published", **form_overrides())

    response = admin_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "artist-palette"
    assert admin_client.get(article.get_absolute_url()).status_code == 200


def test_the_admin_takes_a_unicode_slug(admin_client):
    """A slug typed with accents or CJK (as the admin's slug script keeps them) is accepted."""
    data = article_form_data(
        title="Künstler", slug="künstler-現代", status="published", **form_overrides()
    )

    response = admin_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get().slug == "künstler-現代"
