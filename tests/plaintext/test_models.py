"""Plain text cleaned on every save through the ORM, for every content model and tag names."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from taggit.models import Tag

from articles.models import Article, ArticleFigure, ArticleLink, Author, Section
from artists.models import Artist
from artworks.models import Artwork, ArtworkImage
from plaintext.apps import CLEANED_THIRD_PARTY_MODELS
from plaintext.models import CleanTextModel, plain_text_fields
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

DIRTY = "  Cafe\u0301\x0b \x0cTitle\x00\x1b\x85\ufffe \r\n"
CLEAN = "Café Title"


def test_every_model_of_ours_with_plain_text_is_cleaned():
    """A new content model with a text field is cleaned on save, or this fails: it must
    inherit CleanTextModel (plaintext/models.py)."""
    base = Path(settings.BASE_DIR).resolve()
    ours = [
        model
        for model in apps.get_models()
        if Path(model._meta.app_config.path).resolve().parent == base
        # Written by PostgreSQL triggers from text already cleaned.
        and model._meta.label not in {"search.SearchDocument", "search.NameWord", "search.WordRank"}
        # A form as it was posted, kept until a real save cleans it; its other text is keys.
        and model._meta.label != "workingcopies.WorkingCopy"
        # Written in bulk by the links inventory from addresses read out of text already cleaned
        # (links/inventory.py), and by the checker with update() (whoever writes `detail`
        # from a server's answer cleans it, as bulk writers do).
        and model._meta.label not in {"links.Link", "links.LinkUse"}
    ]
    missing = [
        model._meta.label
        for model in ours
        if plain_text_fields(model) and not issubclass(model, CleanTextModel)
    ]

    assert {model._meta.label for model in ours} >= {
        "articles.Article",
        "sitesettings.SiteSettings",
    }
    assert missing == []
    assert CLEANED_THIRD_PARTY_MODELS == ["taggit.Tag"]


def test_plain_text_fields_leave_out_rich_text_slugs_and_choices():
    """The body is HTML (richtext.sanitize cleans it), the slug an address, the status a code."""
    fields = plain_text_fields(Article)

    assert {"title", "standfirst", "meta_description"} <= set(fields)
    assert not {"body", "slug", "status"} & set(fields)
    assert {"url", "title"} <= set(plain_text_fields(ArticleLink))


@pytest.mark.parametrize(
    ("factory", "fields"),
    [
        (SectionFactory, ["name"]),
        (AuthorFactory, ["name", "bio"]),
        (ArticleFactory, ["title", "standfirst", "meta_description"]),
        (ArticleLinkFactory, ["title"]),
        (ArtistFactory, ["name", "sort_name", "birth_place", "nationality", "death_place"]),
        (ArtworkFactory, ["title", "date_display", "medium", "credit_line", "copyright_line"]),
        (ArtworkImageFactory, ["alt_text", "credit"]),
        (ArticleFigureFactory, ["alt_text", "credit", "caption"]),
    ],
)
def test_saving_cleans_every_plain_text_field(factory, fields):
    """Pasted control characters, decomposed accents and stray space do not reach the rows."""
    obj = factory(**dict.fromkeys(fields, DIRTY))

    stored = type(obj).objects.filter(pk=obj.pk).values(*fields).get()
    assert stored == dict.fromkeys(fields, CLEAN)
    assert [getattr(obj, field) for field in fields] == [CLEAN] * len(fields)


def test_site_settings_are_cleaned_on_save():
    """The publisher's name, tagline and footer that every page and feed shows."""
    site = SiteSettings.current()
    site.publisher_name, site.tagline = DIRTY, DIRTY
    site.footer_blurb = "First\x0b paragraph.\r\n\r\nSecond.\x0c "
    site.save()

    site.refresh_from_db()
    assert (site.publisher_name, site.tagline) == (CLEAN, CLEAN)
    assert site.footer_blurb == "First paragraph.\n\nSecond."


def test_saving_with_update_fields_cleans_those_fields():
    """A save of a few fields stores them clean too."""
    article = ArticleFactory()
    article.title = DIRTY
    article.save(update_fields=["title"])

    assert Article.objects.get(pk=article.pk).title == CLEAN


def test_an_artist_is_filed_under_the_letter_of_the_clean_name():
    """A control character pasted before the sort name does not file the artist under "#"."""
    artist = ArtistFactory(name="\x01Zhang Huan", sort_name="\x0b\u200bZhang, Huan")

    assert artist.sort_name == "\u200bZhang, Huan"
    artist = ArtistFactory(name="Émile", sort_name="\x01E\u0301mile")

    assert artist.initial == "E"


def test_a_url_loses_control_characters_and_javascript_stays_refused():
    """Outbound link addresses are plain text too; a script address is still cleared."""
    link = ArticleLinkFactory(url=" https://example.com/\x0bpath\r\n")
    script = ArticleLinkFactory(url="java\x0bscript:alert(1)")

    assert link.url == "https://example.com/path"
    assert script.url == ""


def test_rich_text_is_left_to_its_sanitizer():
    """The body keeps its markup; the sanitizer drops the same characters."""
    article = ArticleFactory(body="<p>A\x0b <em>body</em></p>")

    assert article.body == "<p>A <em>body</em></p>"


def test_loading_a_fixture_cleans_too():
    """Raw saves (fixtures, revisions restored) go through the same pre_save cleaning."""
    section = SectionFactory(name="Before")
    data = serializers.serialize("json", [section]).replace("Before", "After\\u000b ")

    for restored in serializers.deserialize("json", data):
        restored.save()

    assert Section.objects.get(pk=section.pk).name == "After"


@pytest.mark.parametrize(
    "add",
    [
        lambda obj: obj.tags.add("Cafe\u0301\x0b "),
        lambda obj: obj.tags.set(["\x0cCafé"]),
    ],
)
@pytest.mark.parametrize("factory", [ArticleFactory, ArtistFactory, ArtworkFactory])
def test_tag_names_are_cleaned_and_find_the_tag_they_mean(factory, add):
    """A tag pasted with a control character or decomposed accents finds the tag it means,
    rather than making a second one or failing on the unique name."""
    cafe = Tag.objects.create(name="Café")
    obj = factory()

    add(obj)

    assert list(obj.tags.all()) == [cafe]
    assert Tag.objects.count() == 1


def test_a_new_tag_is_stored_clean():
    """A tag made through the ORM or by hand is stored clean, whichever way it was made."""
    article = ArticleFactory(tags=["\x0bPorcelain\x00 "])
    Tag.objects.create(name="Glass\x0c")

    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Glass", "Porcelain"]
    assert article.tags.get().name == "Porcelain"


def test_a_tag_name_of_nothing_but_control_characters_is_no_tag():
    """Nothing is left of it: no tag without a name is made."""
    article = ArticleFactory(tags=["\x0b\x0c", "Ceramics"])

    assert list(article.tags.values_list("name", flat=True)) == ["Ceramics"]
    assert not Tag.objects.filter(name="").exists()


def test_update_bypasses_the_cleaning():
    """update() saves nothing: why the feeds strip at output too (tests/feeds)."""
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(title="a\x0bb")

    assert Article.objects.get(pk=article.pk).title == "a\x0bb"


def test_models_are_all_in_scope():
    """The models the issue names are all cleaned."""
    for model in (Article, Section, Author, ArticleFigure, ArticleLink, Artist, Artwork):
        assert issubclass(model, CleanTextModel)
    assert issubclass(ArtworkImage, CleanTextModel)
    assert issubclass(SiteSettings, CleanTextModel)
