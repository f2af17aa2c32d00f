"""An import renames artists and retitles artworks in bulk (no post_save): once it is done
(imports.signals.collection_imported), the links that tell an old name tell the new one
(recommendations/imported_names.py), under the card too, in a fixed number of queries. Tested
with real imports of the fixture's Tate records."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from recommendations import imported_names
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory
from tests.imports.tate_collections import AI_WEIWEI, AI_WEIWEI_WORK, copy_fixture, edit

pytestmark = pytest.mark.django_db

ARTIST_FILE = "artists/a/ai-weiwei-8208.json"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def collection(tmp_path, committed):
    """The fixture's records, imported once."""
    path = copy_fixture(tmp_path / "tate")
    with committed():
        tate_collection_import(path=path)
    return path


@pytest.fixture
def pair(collection, committed):
    """Two articles on Ai Weiwei, each with his Table and Pillar in a figure, and the engine's
    link between them; and an artist of ours both feature too."""
    ai = Artist.objects.get(tate_id=AI_WEIWEI)
    table = Artwork.objects.get(tate_id=93227)
    ours = ArtistFactory(name="Zhang Huan")
    with committed():
        source, target = ArticleFactory(title="The source"), ArticleFactory(title="The target")
        for article in (source, target):
            article.featured_artists.add(ai, ours)
            ArticleFigureFactory(article=article, artwork=table, position=0)
    link = RelatedLink.objects.get(source=source, target=target)
    assert link.reasons["artists"] == ["Ai Weiwei", "Zhang Huan"]
    assert link.reasons["artworks"] == ["Table and Pillar"]
    return source, target


def note_on(client, article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    start = page.find('class="related__why"')
    return page[start : page.index("</p>", start)] if start >= 0 else ""


def test_an_import_that_renames_is_told_in_the_reasons_and_under_the_card(
    client, settings, collection, pair, committed
):
    settings.PAGE_CACHE = True
    source, target = pair
    assert "Also on Ai Weiwei" in note_on(client, source)  # the page is kept
    edit(collection, ARTIST_FILE, fc="Ai Wei Wei")
    edit(collection, AI_WEIWEI_WORK, title="Table and Pillar (revised)")

    with committed():
        summary = tate_collection_import(path=collection)

    assert (summary.artists.updated, summary.artworks.updated) == (1, 1)
    reasons = RelatedLink.objects.get(source=source, target=target).reasons
    assert reasons["artists"] == ["Ai Wei Wei", "Zhang Huan"]
    assert reasons["artworks"] == ["Table and Pillar (revised)"]
    assert "Also on Ai Wei Wei" in note_on(client, source)
    back = RelatedLink.objects.get(source=target, target=source).reasons
    assert back["artists"] == ["Ai Wei Wei", "Zhang Huan"]


def test_a_moderated_link_is_rewritten_too_and_keeps_its_decision(collection, pair, committed):
    source, target = pair
    RelatedLink.objects.filter(source=source, target=target).update(status="approved")
    edit(collection, ARTIST_FILE, fc="Ai Wei Wei")
    with committed():
        tate_collection_import(path=collection)
    link = RelatedLink.objects.get(source=source, target=target)
    assert link.status == "approved" and link.reasons["artists"] == ["Ai Wei Wei", "Zhang Huan"]


def test_an_import_that_renames_nothing_rewrites_nothing(collection, pair, committed):
    source, target = pair
    before = RelatedLink.objects.get(source=source, target=target).reasons
    edit(collection, ARTIST_FILE, mda="Ai, Wei-wei")  # the sort name: not told in reasons
    with committed():
        summary = tate_collection_import(path=collection)
    assert summary.artists.updated == 1
    assert RelatedLink.objects.get(source=source, target=target).reasons == before


def test_a_dry_run_rewrites_nothing(collection, pair, committed):
    source, target = pair
    edit(collection, ARTIST_FILE, fc="Ai Wei Wei")
    with committed():
        tate_collection_import(path=collection, dry_run=True)
    assert RelatedLink.objects.get(source=source, target=target).reasons["artists"] == [
        "Ai Weiwei",
        "Zhang Huan",
    ]


def test_a_name_that_no_longer_pairs_up_is_left_to_the_engine(collection, pair):
    """Reasons that tell more names than the articles share (what they share changed behind
    the engine's back) are not guessed at."""
    source, target = pair
    RelatedLink.objects.filter(source=source, target=target).update(
        reasons={"artists": ["Someone Else", "Another", "Zhang Huan"], "artworks": []}
    )
    Artist.objects.filter(tate_id=AI_WEIWEI).update(name="Ai Wei Wei")
    since = timezone.now() - datetime.timedelta(minutes=1)
    imported_names.refresh_imported_names(since=since)
    link = RelatedLink.objects.get(source=source, target=target)
    assert link.reasons["artists"] == ["Someone Else", "Another", "Zhang Huan"]


def test_fixed_queries_whatever_the_number_of_links(collection, pair, monkeypatch):
    """The links read once, two reads of names per chunk of links, one update per chunk."""
    source, _ = pair
    ai = Artist.objects.get(tate_id=AI_WEIWEI)
    for n in range(12):
        other = ArticleFactory(title=f"Other {n}")
        other.featured_artists.add(ai)
        RelatedLink.objects.create(
            source=source, target=other, score=1, reasons={"artists": ["Ai Weiwei"]}
        )
    Artist.objects.filter(pk=ai.pk).update(name="Ai Wei Wei", updated_at=timezone.now())
    monkeypatch.setattr(imported_names, "CHUNK", 5)
    since = timezone.now() - datetime.timedelta(minutes=1)
    with CaptureQueriesContext(connection) as queries:
        changed = imported_names.refresh_imported_names(since=since)
    assert changed == 13 + 1  # the twelve, the pair's link, and its way back
    # The links read once (PostgreSQL declares a cursor for them and fetches by chunk), each
    # chunk's artists and artworks (14 links in chunks of 5: three), one update per chunk.
    statements = [q["sql"].lstrip("( ").split()[0].upper() for q in queries]
    links = "DECLARE" if connection.vendor == "postgresql" else "SELECT"
    assert statements == [links] + ["SELECT"] * (2 * 3) + ["UPDATE"] * 3
    assert all(
        link.reasons["artists"][0] == "Ai Wei Wei"
        for link in RelatedLink.objects.filter(source=source)
    )
