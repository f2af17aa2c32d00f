"""The block's cards are kept in the cache (recommendations/cards.py) and a change to anything
a card shows shows on the source's next page: its article, its section, its figures, the
artwork's image and the image's renditions; a target leaving the public set leaves the block."""

import pytest
from django.core.cache import cache

import pagecache
from articles import services as publishing
from articles.models import Article, Section
from artworks.models import Artwork
from images.models import Image
from images.signals import renditions_changed
from pagecache import keys
from pagecache.tracking import Recorder
from recommendations.cards import card_version, related_cards
from recommendations.models import RelatedLink
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def pair():
    source = ArticleFactory(title="The source")
    target = ArticleFactory(title="The target", section=SectionFactory(name="Reviews"))
    figure = ArticleFigureFactory(article=target, position=0)
    RelatedLink.objects.create(source=source, target=target, score=1)
    return source, target, figure


def block(client, source) -> str:
    page = client.get(source.get_absolute_url()).content.decode()
    start = page.find('<section class="related')
    return "" if start < 0 else page[start : page.index("</section>", start)]


def test_a_kept_card_is_the_card_built(pair):
    """A card read from the cache is the same HTML as the card built."""
    source, _, _ = pair
    assert related_cards(source) == related_cards(Article.objects.get(pk=source.pk))


def test_the_target_edited_shows_on_the_next_page(client, pair, page_cache):
    source, target, _ = pair
    assert ">The target</a>" in block(client, source)
    target.title = "Renamed <target> & co"
    target.save()
    assert ">Renamed &lt;target&gt; &amp; co</a>" in block(client, source)


def test_its_section_renamed_shows_on_the_next_page(client, pair, page_cache):
    source, target, _ = pair
    assert ">Reviews</p>" in block(client, source)
    target.section.name = "Critique"
    target.section.save()
    assert ">Critique</p>" in block(client, source)


def test_its_artworks_image_changed_shows_on_the_next_page(client, pair, page_cache):
    source, _, figure = pair
    assert "card__media" in block(client, source)
    shown = figure.artwork.images.get()
    shown.alt_text = "A new description"
    shown.save()
    assert 'alt="A new description"' in block(client, source)


def test_its_lead_figure_changed_shows_on_the_next_page(client, pair, page_cache):
    source, target, figure = pair
    other = ArtworkImageFactory(alt_text="The other picture")
    figure.artwork, figure.artwork_image = other.artwork, other
    figure.save()
    assert 'alt="The other picture"' in block(client, source)
    figure.delete()
    assert "related__item--text-only" in block(client, source)


def test_new_renditions_show_on_the_next_page(client, pair, page_cache):
    source, _, figure = pair
    shown = figure.artwork.images.get()
    before = block(client, source)
    image = shown.image
    type(image).objects.filter(pk=image.pk).update(file="elsewhere/new.png")
    renditions_changed.send(sender=type(image), image=image, uses=[shown])
    after = block(client, source)
    assert "elsewhere/new.png" in after
    assert after != before


def test_a_target_unpublished_leaves_the_block(client, pair, page_cache, committed):
    source, target, _ = pair
    assert ">The target</a>" in block(client, source)
    with committed():
        publishing.article_unpublish(article=target, user=None)
    assert block(client, source) == ""


def test_a_card_depends_on_all_its_build_loaded(pair):
    """A card is kept with the version keys of what it shows: its article, the sections (a
    set), the artworks of all its figures and the picture it shows; the page is told of them
    all. A card of a target with two figures, two artworks."""
    source, target, figure = pair
    second = ArticleFigureFactory(article=target, position=1)
    with Recorder() as page:
        related_cards(source)

    kept = set(cache.get(keys.FRAGMENT + f"related-card:{card_version()}:{target.pk}")["versions"])
    lead = figure.artwork.images.first().image_id
    assert {
        pagecache.object_key(Article, target.pk),
        pagecache.all_key(Section),
        pagecache.object_key(Artwork, figure.artwork_id),
        pagecache.object_key(Artwork, second.artwork_id),
        pagecache.object_key(Image, lead),
    } <= kept
    assert kept <= page
