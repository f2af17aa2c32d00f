"""The diff between two revisions reads as the page does: rich text as text, lists by name."""

import pytest

from revisions.diff import html_as_text
from tests.revisions.adminpages import admin_save, admin_url, versions_of


def test_rich_text_reads_as_lines_of_text():
    """Paragraphs, headings, list items and line breaks become lines; entities are decoded."""
    html = "<h2>Urns</h2><p>One &amp; two<br>three</p><ul><li>a</li><li>b</li></ul>"

    assert html_as_text(html) == "Urns\nOne & two\nthree\na\nb"


def test_a_link_reads_with_its_address():
    """A changed link target shows in the text diff."""
    html = '<p>See <a href="https://example.org/a" title="x">the film</a>.</p>'

    assert html_as_text(html) == "See the film (https://example.org/a)."


@pytest.mark.django_db
def test_a_formatting_change_shows_as_html(admin_client, artist):
    """When only the formatting changed (words made bold), the diff shows the HTML."""
    admin_save(admin_client, admin_url(artist), bio="<p>Painter of temples.</p>")
    admin_save(admin_client, admin_url(artist), bio="<p>Painter of <strong>temples</strong>.</p>")
    first, second = versions_of(artist)

    response = admin_client.get(
        admin_url(artist, "compare"), {"version_id1": first.pk, "version_id2": second.pk}
    )

    assert "&lt;strong&gt;" in response.content.decode()


@pytest.mark.django_db
def test_artwork_diff_shows_credits_images_and_subjects(admin_client, artwork):
    """An artwork's diff names the credit removed, the image changed and the subjects."""
    admin_save(admin_client, admin_url(artwork))
    admin_save(
        admin_client,
        admin_url(artwork),
        tags=["new:ceramics"],
        **{"artist_credits-0-DELETE": "on", "images-0-alt_text": "Three large photographs"},
    )
    first, second = versions_of(artwork)

    content = admin_client.get(
        admin_url(artwork, "compare"), {"version_id1": first.pk, "version_id2": second.pk}
    ).content.decode()

    assert "<del>- Artist: Ai Weiwei</del>" in content
    assert "<ins>Three large photographs</ins>" in content
    assert "<del>- urns</del>" in content and "<ins>+ ceramics</ins>" in content
