"""Rows written before text was cleaned on save: the data migrations clean them, in chunks,
writing only what changes, and never stop a deploy on a value they cannot clean."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import Article, Section
from artists.models import Artist
from artworks.models import ArtworkImage
from plaintext import rows
from plaintext.rows import clean_existing_rows
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

MIGRATIONS = [
    "articles.migrations.0006_clean_plain_text",
    "artists.migrations.0005_clean_plain_text",
    "artworks.migrations.0006_clean_plain_text",
    "sitesettings.migrations.0003_clean_plain_text",
    "plaintext.migrations.0001_clean_tag_names",
]


def written_rows(queries) -> int:
    return sum(query["sql"].startswith("UPDATE") for query in queries)


def test_only_rows_that_change_are_written_chunk_by_chunk(monkeypatch):
    """Five articles read two at a time; the two with a pasted control character are written."""
    monkeypatch.setattr(rows, "CHUNK", 2)
    articles = [ArticleFactory(title=f"Article {n}") for n in range(5)]
    Article.objects.filter(pk__in=[articles[1].pk, articles[4].pk]).update(
        title="Dirty\x0b title ", standfirst="Ca\u0301fe\u0301\x0c"
    )

    with CaptureQueriesContext(connection) as queries:
        changed = clean_existing_rows(Article, using="default")

    assert changed == 2
    assert written_rows(queries) == 2  # one per chunk that had a dirty row
    stored = dict(Article.objects.values_list("pk", "title"))
    assert stored == {
        a.pk: "Dirty title" if a in (articles[1], articles[4]) else a.title for a in articles
    }
    assert Article.objects.get(pk=articles[4].pk).standfirst == "Cáfé"


def test_clean_rows_are_not_written():
    """A second run finds nothing to do and writes nothing."""
    ArticleFactory()

    with CaptureQueriesContext(connection) as queries:
        assert clean_existing_rows(Article, using="default") == 0

    assert written_rows(queries) == 0


def test_a_clean_name_that_another_row_holds_is_left_as_it_is():
    """Two sections "Reviews" and "Reviews\\x0b": the second keeps its name rather than stopping
    the migration on the unique name (an editor's next save shows the duplicate)."""
    SectionFactory(name="Reviews")
    dirty = SectionFactory(name="Other")
    twin = SectionFactory(name="Another")
    Section.objects.filter(pk=dirty.pk).update(name="Reviews\x0b")
    Section.objects.filter(pk=twin.pk).update(name="Reviews\x0c")
    Tag.objects.create(name="Glass")
    Tag.objects.bulk_create(
        [Tag(name="Glass\x0b", slug="glass-2"), Tag(name="Ceramics\x0c", slug="c")]
    )

    clean_existing_rows(Section, using="default")
    clean_existing_rows(Tag, using="default")

    assert sorted(Section.objects.values_list("name", flat=True)) == [
        "Reviews",
        "Reviews\x0b",
        "Reviews\x0c",
    ]
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Ceramics", "Glass", "Glass\x0b"]


def test_two_rows_that_clean_to_one_unique_name_keep_one_apart():
    """Neither exists clean yet: the first gets the clean name, the second keeps its own."""
    first, second = SectionFactory(), SectionFactory()
    Section.objects.filter(pk=first.pk).update(name="News\x0b")
    Section.objects.filter(pk=second.pk).update(name="News\x0c")

    clean_existing_rows(Section, using="default")

    assert Section.objects.get(pk=first.pk).name == "News"
    assert Section.objects.get(pk=second.pk).name == "News\x0c"


def test_a_value_that_would_outgrow_its_field_is_left_as_it_is():
    """NFC writes a few characters as two ("\\u0958" is "\\u0915\\u093c"): not past max_length."""
    section = SectionFactory()
    Section.objects.filter(pk=section.pk).update(name="\u0958" * 60)

    clean_existing_rows(Section, using="default")

    assert Section.objects.get(pk=section.pk).name == "\u0958" * 60


def test_it_works_on_the_historical_models_of_a_migration():
    """Migrations hand it their own models, built from the migration state."""
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(title="Title\x0b", body="<p>a\x0bb</p>")
    state = MigrationLoader(connection).project_state(("articles", "0006_clean_plain_text"))

    changed = clean_existing_rows(state.apps.get_model("articles", "Article"), using="default")

    assert changed == 1
    article.refresh_from_db()
    assert article.title == "Title"
    assert article.body == "<p>a\x0bb</p>"  # rich text is the sanitizer's, on the next save


def test_each_app_migration_cleans_its_models():
    """Articles, artists, artworks, site settings and tag names, each by its app's migration."""
    article = ArticleFactory(tags=["Porcelain"])
    artist = ArtistFactory()
    image = ArtworkImageFactory()
    site = SiteSettings.current()
    Article.objects.update(title="Urn\x0b")
    Section.objects.update(name="Reviews\x0c")
    Artist.objects.update(name="Ai\x1b Weiwei")
    ArtworkImage.objects.update(alt_text="An urn\x85")
    SiteSettings.objects.update(tagline=" Art\x0b news ")
    Tag.objects.update(name="Porcelain\x0b")
    editor = SimpleNamespace(connection=connection)

    for module in MIGRATIONS:
        importlib.import_module(module).clean_plain_text(apps, editor)

    article.refresh_from_db()
    assert (article.title, article.section.name) == ("Urn", "Reviews")
    assert Artist.objects.get(pk=artist.pk).name == "Ai Weiwei"
    assert ArtworkImage.objects.get(pk=image.pk).alt_text == "An urn"
    assert SiteSettings.objects.get(pk=site.pk).tagline == "Art news"
    assert Tag.objects.get().name == "Porcelain"
