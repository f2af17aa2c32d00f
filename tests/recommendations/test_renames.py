"""A renamed artist, artwork, tag or section is told by its new name in the links' reasons (the
moderators' words and the readers' notes), and the pages showing them are rebuilt."""

import pytest
from taggit.models import Tag

from articles.models import Section
from recommendations.models import RelatedLink
from recommendations.renames import rewrite
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def note_on(client, article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    start = page.find('class="related__why"')
    return page[start : page.index("</p>", start)] if start >= 0 else ""


def test_a_renamed_artist_is_named_anew_under_the_card(client, committed, settings):
    settings.PAGE_CACHE = True
    artist = ArtistFactory(name="Ai Weiwei")
    with committed():
        source, target = ArticleFactory(), ArticleFactory()
        source.featured_artists.add(artist)
        target.featured_artists.add(artist)
    assert RelatedLink.objects.get(source=source, target=target).reasons["artists"] == ["Ai Weiwei"]
    assert "Also on Ai Weiwei" in note_on(client, source)

    with committed():
        artist.name = "Ai Wei Wei"
        artist.save()

    link = RelatedLink.objects.get(source=source, target=target)
    assert link.reasons["artists"] == ["Ai Wei Wei"]
    assert "Also on Ai Wei Wei" in note_on(client, source)


def test_a_retitled_artwork_and_a_renamed_tag_and_section(committed):
    section = SectionFactory(name="Reviews")
    artwork = ArtworkFactory(title="Urn")
    with committed():
        source = ArticleFactory(section=section, tags=["porcelain"])
        target = ArticleFactory(section=section, tags=["porcelain"])
        ArticleFigureFactory(article=source, artwork=artwork)
        ArticleFigureFactory(article=target, artwork=artwork)
    link = RelatedLink.objects.get(source=source, target=target)
    assert link.reasons["artworks"] == ["Urn"] and link.reasons["section"] == "Reviews"
    assert link.reasons["tags"] == ["porcelain"]

    with committed():
        artwork.title = "Han Dynasty Urn"
        artwork.save()
        tag = Tag.objects.get(name="porcelain")
        tag.name = "ceramics"
        tag.save()
        renamed = Section.objects.get(pk=section.pk)
        renamed.name = "Critique"
        renamed.save()

    link.refresh_from_db()
    assert link.reasons["artworks"] == ["Han Dynasty Urn"]
    assert link.reasons["tags"] == ["ceramics"]
    assert link.reasons["section"] == "Critique"


def test_only_the_links_telling_the_old_name_change():
    artist, other = ArtistFactory(name="A"), ArtistFactory(name="B")
    source, target = ArticleFactory(), ArticleFactory()
    source.featured_artists.add(artist)
    telling = RelatedLink.objects.create(
        source=source, target=target, reasons={"artists": ["A", "B"], "tags": []}
    )
    silent = RelatedLink.objects.create(
        source=source, target=ArticleFactory(), reasons={"artists": ["B"]}
    )
    unrelated = RelatedLink.objects.create(
        source=ArticleFactory(), target=ArticleFactory(), reasons={"artists": ["A"]}
    )

    assert rewrite("artists.Artist", artist.pk, "A", "Z") == 1

    telling.refresh_from_db(), silent.refresh_from_db(), unrelated.refresh_from_db()
    assert telling.reasons == {"artists": ["B", "Z"], "tags": []}
    assert silent.reasons == {"artists": ["B"]}
    assert unrelated.reasons == {"artists": ["A"]}  # its source does not feature the artist
    assert other.name == "B"


def test_saving_without_renaming_queues_nothing(django_capture_on_commit_callbacks):
    artist = ArtistFactory(name="A")
    with django_capture_on_commit_callbacks() as callbacks:
        artist.bio = "<p>More.</p>"
        artist.save()
    assert not any("rename" in repr(callback) for callback in callbacks)
