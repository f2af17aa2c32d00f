"""The "Featuring suggestions" panel in Chromium: an editor writes a paragraph naming an
artist and an artwork, asks for the names, accepts one (with the mouse) and rejects the other
(with the keyboard), saves; after the reload the artist is featured (and listed on the public
page) and neither is suggested again. The panel is labelled and axe-clean."""

import pytest
from playwright.sync_api import expect

from featuring.models import FeaturingDecision
from tests.browser.desk.staff_pages import log_in
from tests.browser.page_checks import accessibility_violations
from tests.factories import ArticleFactory, ArtistFactory, ArtworkArtistFactory, ArtworkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db(transaction=True)

EDITABLE = "[contenteditable=true].ProseMirror"
PANEL = "#featuring_decisions-group"
PARAGRAPH = (
    "In 1995 Ai Weiwei photographed himself letting go of an urn two thousand years old: "
    "Dropping a Han Dynasty Urn is three pictures."
)


def save(page):
    bar = page.get_by_role("region", name="Publishing", exact=True)
    with page.expect_navigation():
        bar.get_by_role("button", name="Save", exact=True).click()


def test_an_editor_accepts_one_name_and_rejects_the_other(live_server, new_page):
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
    urn = ArtworkFactory(title="Dropping a Han Dynasty Urn")
    ArtworkArtistFactory(artwork=urn, artist=artist)
    article = ArticleFactory(title="Breaking things", body="<p>An introduction.</p>")
    editor = staff_in(None, "Editor", username="eddie")
    page = new_page()
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.locator(EDITABLE).click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(PARAGRAPH)

    page.get_by_role("tab", name="Related").click()
    panel = page.locator(PANEL)
    expect(panel.get_by_role("heading", name="Featuring suggestions")).to_be_visible()
    panel.get_by_role("button", name="Find names in the text").click()
    items = panel.locator("li[data-key]")
    expect(items).to_have_count(2)
    expect(panel.get_by_role("status")).to_have_text(
        "2 names found that the article does not feature yet."
    )
    expect(items.nth(0).locator("mark")).to_have_text("Ai Weiwei")
    expect(items.nth(0).get_by_role("link", name="Ai Weiwei")).to_have_attribute(
        "href", f"/admin/artists/artist/{artist.pk}/change/"
    )
    expect(items.nth(1).locator("mark")).to_have_text("Dropping a Han Dynasty Urn")
    assert accessibility_violations(page, within=[PANEL]) == []

    panel.get_by_role("button", name="Accept Ai Weiwei as a featured artist").click()
    expect(page.locator("#id_featured_artists option:checked")).to_have_text(["Ai Weiwei"])
    expect(panel.get_by_role("status")).to_have_text(
        "Ai Weiwei will be featured when you save the article."
    )
    # Focus went on to the next suggestion's Accept: Tab to its Reject, Enter.
    accept_urn = "Accept Dropping a Han Dynasty Urn as a featured artwork"
    expect(panel.get_by_role("button", name=accept_urn)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(items).to_have_count(0)
    expect(panel.get_by_role("button", name="Find names in the text")).to_be_focused()
    assert accessibility_violations(page, within=[PANEL]) == []

    save(page)

    article.refresh_from_db()
    assert PARAGRAPH in article.body
    assert list(article.featured_artists.all()) == [artist]
    assert not article.featured_artworks.exists()
    rejected = FeaturingDecision.objects.get(artwork=urn)
    assert (rejected.decision, rejected.decided_by) == ("rejected", editor)
    page.get_by_role("tab", name="Related").click()
    expect(panel.locator("li[data-key]")).to_have_count(0)
    panel.get_by_role("button", name="Find names in the text").click()
    expect(panel.get_by_role("status")).to_have_text(
        "No new names found: everything the text names is featured or decided on."
    )

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    listed = page.get_by_role("region", name="Artists")
    expect(listed.get_by_role("listitem")).to_have_text(["Ai Weiwei"])
