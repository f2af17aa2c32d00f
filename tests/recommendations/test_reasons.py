"""Every slot's reasons in words: in full for moderators, in a few words under each card for
readers, escaped like everything else a page prints."""

import pytest

from recommendations.models import RelatedLink
from recommendations.reasons import describe_reasons, reader_note
from tests.factories import ArticleFactory


def test_moderators_read_every_reason_strongest_first():
    reasons = {
        "artists": ["Ai Weiwei"],
        "artworks": ["Dropping a Han Dynasty Urn"],
        "tags": ["China", "porcelain"],
        "rare_tags": ["porcelain"],
        "section": "Art",
    }
    assert describe_reasons(reasons) == (
        "shares the artist Ai Weiwei, the artwork Dropping a Han Dynasty Urn, the rare tag"
        " porcelain and the tag China; same section (Art)"
    )
    assert describe_reasons({"artists": ["A", "B"], "tags": ["x", "y", "z"]}) == (
        "shares the artists A and B and the tags x, y and z"
    )
    assert describe_reasons({"section": "Art", "tags": []}) == "same section (Art)"
    assert describe_reasons({}) == ""


def test_links_stored_before_rare_tags_were_named_still_read():
    assert describe_reasons({"tags": ["ink"], "artists": [], "artworks": [], "section": None}) == (
        "shares the tag ink"
    )


@pytest.mark.parametrize(
    ("kind", "reasons", "note"),
    [
        ("suggested", {"artists": ["Ai Weiwei", "Ai Qing", "X"]}, "Also on Ai Weiwei and Ai Qing"),
        ("suggested", {"artworks": ["Urn"], "tags": ["ink"]}, "Also shows Urn"),
        (
            "suggested",
            {"tags": ["ink", "porcelain"], "rare_tags": ["porcelain"]},
            "Also tagged porcelain",
        ),
        ("suggested", {"tags": ["ink", "clay", "glaze"]}, "Also tagged ink and clay"),
        ("suggested", {"section": "Reviews"}, "More from Reviews"),
        ("pinned", {}, "Chosen by the editors"),
        ("approved", {}, "Chosen by the editors"),
        ("suggested", {}, ""),
    ],
)
def test_readers_get_the_strongest_reason_in_a_few_words(kind, reasons, note):
    assert reader_note(kind, reasons) == note


@pytest.mark.django_db
def test_the_cards_note_is_escaped(client):
    source, target = ArticleFactory(), ArticleFactory()
    RelatedLink.objects.create(
        source=source, target=target, score=2, reasons={"artists": ['<script>alert("x")</script>']}
    )
    page = client.get(source.get_absolute_url()).content.decode()
    escaped = "Also on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert f'<p class="related__why">{escaped}</p>' in page
    assert '<script>alert("x")' not in page


@pytest.mark.django_db
def test_a_link_without_a_note_has_no_empty_paragraph(client):
    source, target = ArticleFactory(), ArticleFactory()
    RelatedLink.objects.create(source=source, target=target, score=2, reasons={})
    page = client.get(source.get_absolute_url()).content.decode()
    assert "card__link" in page
    assert "related__why" not in page
    assert "placeholder-4e1b" not in page
