"""A kept card is named with the version of the card's markup (recommendations/cards.py): after
a deploy that changes the card's template or the picture's markup, the cards kept before it are
not shown; the same markup finds its cards again."""

import pytest
from django.core.cache import cache

from pagecache import keys
from recommendations import cards
from recommendations.cards import card_version, markup_version, related_cards
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    source = ArticleFactory(title="The source")
    target = ArticleFactory(title="The target")
    RelatedLink.objects.create(source=source, target=target, score=1)
    return source


@pytest.fixture
def fresh_version():
    """card_version() computed again for the test, and again after it."""
    card_version.cache_clear()
    yield
    card_version.cache_clear()


def test_the_version_follows_the_template_the_picture_markup_and_the_constant(monkeypatch):
    template = "<li>{{ card.title }}</li>"
    picture = "def picture_html(): ..."
    one = markup_version(template, picture)
    assert one == markup_version(template, picture)  # the same markup, the same name
    assert markup_version("<li class=x>{{ card.title }}</li>", picture) != one
    assert markup_version(template, picture + "\n# changed") != one
    monkeypatch.setattr(cards, "CARD_VERSION", cards.CARD_VERSION + 1)
    assert markup_version(template, picture) != one
    assert one.isascii() and len(one) == 12


def test_the_version_is_of_the_real_template(fresh_version):
    source = cards.get_template(cards.TEMPLATE).template.source
    assert 'class="card__link"' in source
    assert card_version() == markup_version(source, cards.inspect.getsource(cards.markup))


def test_a_changed_version_misses_the_old_fragment(source, fresh_version, monkeypatch):
    """A card kept under the old version is marked in the cache: under the same version it is
    what the block shows; under a new one it is not, and the card is built again."""
    built = related_cards(source)
    target = RelatedLink.objects.get(source=source).target_id
    name = keys.FRAGMENT + f"related-card:{card_version()}:{target}"
    entry = cache.get(name)
    entry["value"] = entry["value"].replace("The target", "The OLD markup")
    cache.set(name, entry)
    assert "The OLD markup" in related_cards(source)[0]  # same version: the kept card is used

    monkeypatch.setattr(cards, "card_version", lambda: "a-new-version")
    shown = related_cards(source)
    assert "The OLD markup" not in shown[0] and shown == built
    assert cache.get(keys.FRAGMENT + f"related-card:a-new-version:{target}") is not None
