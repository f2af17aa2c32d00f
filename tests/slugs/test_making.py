"""One way to make a slug from any name: readable in every script, never empty, fits, unique."""

import pytest
from taggit.models import Tag

from slugs.converters import is_slug
from slugs.making import SUFFIX_ROOM, slug_for, unique_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Künstler", "künstler"),
        ("Café", "café"),
        ("現代美術", "現代美術"),
        ("Bauhaus-Künstler", "bauhaus-künstler"),
        ("Ai Weiwei 艾未未", "ai-weiwei-艾未未"),
        ("cafe\u0301", "café"),  # decomposed accent: the same slug as the composed one
        ("ﬁn de siècle", "fin-de-siècle"),  # the ligature as two letters, as an address reads it
        ("🎨", "artist-palette"),
        ("🎨🎨", "artist-palette"),  # repeated: once; unique_slug numbers it
        ("👩‍🎨", "woman-artist-palette"),  # the joiner spells nothing
        ("👍🏽", "thumbs-up-sign"),  # nor the skin tone
        ("🇫🇷", "flag-fr"),
        ("?!", "question-mark-exclamation-mark"),
        ("AC/DC", "acdc"),
        ("100%", "100"),
        ("a?b#c%d/e", "abcde"),
        (" ", "tag"),
        ("\u200d\ufe0f", "tag"),
        ("", "tag"),
    ],
)
def test_slug_for_names(name, slug):
    """Letters of every script kept; symbols spelled by their Unicode names; else the fallback."""
    assert slug_for(name, max_length=100, fallback="tag") == slug


@pytest.mark.parametrize("name", ["🎨" * 100, "x" * 300, "word " * 60, "🖼️🎭🎨✨" * 25])
def test_long_names_leave_room_for_a_number(name):
    """A long name's slug fits the field with room for "-2", cut after a whole word if it can."""
    slug = slug_for(name, max_length=100, fallback="tag")

    assert is_slug(slug)
    assert 0 < len(slug) <= 100 - SUFFIX_ROOM
    assert not slug.endswith(("-", "_"))


def test_cut_after_a_whole_word():
    """ "word word word…" is cut between words, not inside one."""
    assert slug_for("word " * 60, max_length=100, fallback="tag").split("-")[-1] == "word"


@pytest.mark.django_db
def test_unique_slug_numbers_taken_slugs():
    """Taken slugs are numbered "-2", "-3"; the row's own slug is not "taken"."""
    first = Tag.objects.create(name="Café", slug="café")
    Tag.objects.create(name="Café!", slug="café-2")

    assert unique_slug(Tag(name="CAFÉ"), "CAFÉ", fallback="tag") == "café-3"
    assert unique_slug(first, "Café", fallback="tag") == "café"


@pytest.mark.django_db
def test_unique_slug_past_the_first_batch():
    """More than one query's worth of numbered slugs taken: it keeps counting."""
    Tag.objects.bulk_create(
        [Tag(name="x", slug="x")] + [Tag(name=f"x{n}", slug=f"x-{n}") for n in range(2, 45)]
    )

    assert unique_slug(Tag(name="X"), "X", fallback="tag") == "x-45"
