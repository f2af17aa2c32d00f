"""Every tag gets a readable, unique, stable slug that works in an address, however it is made."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from slugs.converters import is_slug
from tagging import slugs as tag_slugs
from tests.adminforms import article_form_data, management_form
from tests.factories import ArticleFactory, ArtistFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "Künstler": "künstler",
    "現代美術": "現代美術",
    "🎨": "artist-palette",
    "🎨🎨": "artist-palette-2",
    "🇫🇷": "flag-fr",
    "?!": "question-mark-exclamation-mark",
}


def slugs_by_name() -> dict[str, str]:
    return dict(Tag.objects.values_list("name", "slug"))


def test_tags_added_through_the_orm(client):
    """`article.tags.add()` with accents, CJK, emoji and punctuation gives readable slugs."""
    article = ArticleFactory()
    for name in NAMES:
        article.tags.add(name)

    assert slugs_by_name() == NAMES


def test_tags_set_through_the_orm():
    """`tags.set()` on an artist makes its new tags the same way."""
    artist = ArtistFactory()
    artist.tags.set(list(NAMES))

    assert slugs_by_name() == NAMES


def test_tags_made_by_the_admin_autocomplete_get_the_same_slugs(admin_client):
    """Tags typed as new in the admin's tag field get the slugs the ORM gives them."""
    data = article_form_data(
        title="Tagged in the admin", slug="", tags=[f"new:{name}" for name in NAMES]
    )

    response = admin_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert slugs_by_name() == NAMES
    assert Article.objects.get().slug == "tagged-in-the-admin"


def test_a_renamed_tag_keeps_its_slug():
    """Renaming a tag does not move its page: links and feeds keep working."""
    tag = Tag.objects.create(name="Künstler")

    tag.name = "Künstlerinnen und Künstler"
    tag.save()

    tag.refresh_from_db()
    assert tag.slug == "künstler"


def test_a_slug_given_on_purpose_is_kept_when_it_works():
    """A slug chosen by hand (taggit's admin, a script) is kept."""
    assert Tag.objects.create(name="Modern art", slug="modern").slug == "modern"


@pytest.mark.parametrize("given", ["", "a b/c", "🎨", "_1", "cafe\u0301"])
def test_a_slug_that_cannot_be_in_an_address_is_replaced(given):
    """An empty slug, or one with spaces, '/', an emoji, taggit's "_1" or decomposed accents, is
    made again, so that the tag's page can be linked."""
    tag = Tag.objects.create(name="Café crème", slug=given)

    assert is_slug(tag.slug)
    assert tag.slug in {"café-crème", "a-bc", "café"}


def test_an_existing_tag_with_a_broken_slug_gets_one_when_saved():
    """A tag whose slug was emptied outside a form gets a working one on its next save."""
    tag = Tag.objects.create(name="🎨")
    Tag.objects.filter(pk=tag.pk).update(slug="")

    tag.refresh_from_db()
    tag.save()

    assert tag.slug == "artist-palette"


def test_a_slug_taken_at_the_same_moment_is_made_again(monkeypatch):
    """When another save takes the slug between the check and the insert, taggit's retry gets
    our slug again ("artist-palette-2"), not taggit's "_1"."""
    Tag.objects.create(name="🎨")
    real = tag_slugs.unique_slug
    calls = []

    def taken_the_first_time(instance, text, **kwargs):
        calls.append(text)
        return "artist-palette" if len(calls) == 1 else real(instance, text, **kwargs)

    monkeypatch.setattr(tag_slugs, "unique_slug", taken_the_first_time)

    tag = Tag.objects.create(name="🎨🎨")

    assert len(calls) == 2
    assert tag.slug == "artist-palette-2"


def test_many_emoji_tags_are_numbered():
    """Names that spell the same ("🎨", "🎨🎨", "🎨 🎨") are numbered in turn."""
    for name in ("🎨", "🎨🎨", "🎨 🎨", "🎨!"):
        Tag.objects.create(name=name)

    assert sorted(slugs_by_name().values()) == [
        "artist-palette",
        "artist-palette-2",
        "artist-palette-3",
        "artist-palette-exclamation-mark",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "🎨" * 100,
        "🖼️🎭🎨✨" * 25,
        "!!!",
        "...",
        "–—",
        "AC/DC",
        "What?",
        "#art",
        "100%",
        "%2F",
        "a/b?c#d%e",
        "/",
        "?",
        "#",
        "%",
        "\u200d",
        "x" * 100,
        "Ǆemal Bijedić " * 7,
    ],
)
def test_any_name_gives_a_working_page(client, name):
    """Long emoji names, punctuation only, '/', '?', '#', '%': the tag's page, its feeds and the
    article's page answer, and the tags sitemap lists the tag."""
    article = ArticleFactory(tags=[name[:100]])
    tag = article.tags.get()
    tag_url = reverse("articles:tag-detail", args=[tag.slug])

    assert is_slug(tag.slug)
    assert len(tag.slug) <= 100
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(tag_url).status_code == 200
    assert client.get(reverse("feeds:tag-rss", args=[tag.slug])).status_code == 200
    assert client.get(reverse("feeds:tag-atom", args=[tag.slug])).status_code == 200
    sitemap = client.get("/sitemap-tags.xml")
    assert sitemap.status_code == 200
    assert f"http://testserver{tag_url}" in sitemap.content.decode()


def test_the_tag_admin_makes_the_slug_when_left_empty(admin_client):
    """In the tags admin, a tag named "🎨" (the slug box stays empty) saves with its slug."""
    add_url = reverse("admin:taggit_tag_add")
    inline = admin_client.get(add_url).context["inline_admin_formsets"][0].formset.prefix

    response = admin_client.post(add_url, {"name": "🎨", "slug": "", **management_form(inline)})

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert slugs_by_name() == {"🎨": "artist-palette"}
