"""Code that writes with update() or bulk_create() sends no model signals; each such writer
invalidates the pages itself."""

from pathlib import Path

import factory
import pytest
from django.core.management import call_command

from images import tasks
from images.models import Image
from imports.services import tate_collection_import
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtworkImageFactory
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db

TATE = Path(__file__).resolve().parent.parent / "fixtures" / "tate"


def test_new_renditions_refresh_the_pages_showing_the_image(client, committed):
    with committed():
        article = ArticleFactory(slug="figured")
        shown = ArtworkImageFactory(
            image__file=factory.django.ImageField(
                filename="a.jpg", format="JPEG", width=1200, height=800
            )
        )
        ArticleFigureFactory(article=article, artwork=shown.artwork)
    image = shown.image
    Image.objects.filter(pk=image.pk).update(renditions={})  # as before the task ran
    warm(client, article.get_absolute_url())
    assert ".webp" not in served(client, article.get_absolute_url())[1]  # the original only
    assert tasks.make_image_renditions.call(image.pk) == "made"
    how, page = served(client, article.get_absolute_url())
    assert how == MISS and ".webp" in page


def test_an_import_refreshes_every_page(client):
    article = ArticleFactory(slug="before-import")
    warm(client, article.get_absolute_url())
    tate_collection_import(path=TATE)
    assert served(client, article.get_absolute_url())[0] == MISS


def test_a_dry_run_import_changes_nothing(client):
    article = ArticleFactory(slug="before-import")
    warm(client, article.get_absolute_url())
    tate_collection_import(path=TATE, dry_run=True)
    assert served(client, article.get_absolute_url())[0] == HIT


def test_recomputing_recommendations_refreshes_every_page(client):
    article = ArticleFactory(slug="before-rebuild")
    warm(client, article.get_absolute_url())
    call_command("recompute_recommendations", stdout=open("/dev/null", "w"))
    assert served(client, article.get_absolute_url())[0] == MISS


def test_invalidate_pages_command_refreshes_every_page(client):
    article = ArticleFactory(slug="any")
    warm(client, article.get_absolute_url())
    call_command("invalidate_pages", stdout=open("/dev/null", "w"))
    assert served(client, article.get_absolute_url())[0] == MISS
