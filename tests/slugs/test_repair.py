"""The data migrations: rows saved before with an empty or unusable slug get a readable one;
every slug that worked stays."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from taggit.models import Tag

from articles.models import Article, Section
from artworks.models import Artwork
from tests.factories import ArticleFactory, ArtworkFactory, SectionFactory

pytestmark = pytest.mark.django_db


class _SchemaEditor:
    connection = connection


def run(migration: str):
    importlib.import_module(migration).repair(apps, _SchemaEditor())


def test_tags_with_taggit_slugs_get_readable_ones():
    """ "🎨" (slug "") and "🎨🎨" (taggit's "_1") become "artist-palette" and "-2"; "Künstler"
    keeps its slug."""
    kept = Tag.objects.create(name="Künstler")
    empty = Tag.objects.create(name="🎨")
    numbered = Tag.objects.create(name="🎨🎨")
    Tag.objects.filter(pk=empty.pk).update(slug="")
    Tag.objects.filter(pk=numbered.pk).update(slug="_1")

    run("tagging.migrations.0001_tag_slugs")

    assert dict(Tag.objects.values_list("name", "slug")) == {
        "Künstler": kept.slug,
        "🎨": "artist-palette",
        "🎨🎨": "artist-palette-2",
    }


def test_content_rows_with_broken_slugs_are_repaired():
    """A slug with spaces is made from itself, an empty or emoji one from the title; a slug
    that worked is untouched."""
    good = ArticleFactory(slug="the-urn")
    spaced, empty = ArticleFactory(), ArticleFactory(title="現代美術")
    Article.objects.filter(pk=spaced.pk).update(slug="Café au lait")
    Article.objects.filter(pk=empty.pk).update(slug="")
    section = SectionFactory(name="🎨")
    Section.objects.filter(pk=section.pk).update(slug="🎨")
    artwork = ArtworkFactory(title="Ohne Titel")
    Artwork.objects.filter(pk=artwork.pk).update(slug="ohne titel")

    run("articles.migrations.0005_unicode_slugs")
    run("artworks.migrations.0005_unicode_slugs")

    slugs = dict(Article.objects.values_list("pk", "slug"))
    assert slugs == {good.pk: "the-urn", spaced.pk: "café-au-lait", empty.pk: "現代美術"}
    assert Section.objects.get(pk=section.pk).slug == "artist-palette"
    assert Artwork.objects.get(pk=artwork.pk).slug == "ohne-titel"
