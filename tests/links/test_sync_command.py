"""manage.py sync_links rebuilds the inventory from every source (with a progress bar), drops
uses of objects that no longer exist, and changes nothing when run again; existing content is
inventoried after the migration that brings the inventory."""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from articles.models import Article
from links.migrating import MARKER, inventory_after_migrate
from links.models import Link, LinkUse
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, LinkUseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    ArticleFactory(body='<p><a href="https://a.example/">a</a></p>')
    ArtistFactory(website="https://b.example/")
    ArtworkFactory(source_url="https://www.tate.org.uk/art/artworks/c")
    row = SiteSettings.current()
    row.footer_blurb = "Shop: https://d.example/shop"
    row.save()
    expected = set(LinkUse.objects.values_list("link__url", "field"))
    Link.objects.all().delete()  # as before the inventory existed
    return expected


def test_sync_links_rebuilds_the_inventory(content):
    out = io.StringIO()

    call_command("sync_links", stdout=out)

    assert set(LinkUse.objects.values_list("link__url", "field")) == content
    assert "Articles [" in out.getvalue() and "4 addresses, 4 uses." in out.getvalue()


def test_uses_of_objects_gone_are_dropped_and_a_second_run_changes_nothing(content):
    article = ArticleFactory(body="<p>No links.</p>")
    LinkUseFactory(used_by=article, link__url="https://orphan.example/")
    Article.objects.filter(pk=article.pk).update(body="<p>Still none.</p>")  # no signal
    gone = LinkUseFactory(
        used_by=ArtistFactory(), field="website", link__url="https://gone.example/"
    )
    LinkUse.objects.filter(pk=gone.pk).update(object_id=999_999)  # an artist deleted unheard
    call_command("sync_links", stdout=io.StringIO())
    first = set(LinkUse.objects.values_list("pk", "link__url"))

    call_command("sync_links", stdout=io.StringIO())

    assert set(LinkUse.objects.values_list("pk", "link__url")) == first
    assert not Link.objects.filter(
        url__in=["https://orphan.example/", "https://gone.example/"]
    ).exists()


def test_existing_content_is_inventoried_after_the_migration_that_brings_it(content):
    applied = [(SimpleNamespace(app_label=MARKER[0], name=MARKER[1]), False)]

    inventory_after_migrate(sender=None, plan=[])  # another migration: nothing read
    assert not LinkUse.objects.exists()

    inventory_after_migrate(sender=None, plan=applied)
    assert set(LinkUse.objects.values_list("link__url", "field")) == content
