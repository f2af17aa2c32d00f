"""Figures inside the article's body, in Chromium (static/articles/body-figure.js and
body-figure-dialog.js, articles/admin_body_figures.py): an editor places an artwork after the
paragraph that names it through the dialog (found by its artist's name), sees it in the text,
moves it, deletes it, undoes, and saves; uploads a picture through the dialog, and a bad file
is answered in the dialog; the dialog passes axe; the artist's bio has no "Insert figure"."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.desk.body_figure_pages import (
    BODY,
    EDITABLE,
    FIGURE,
    NAMING,
    body_html,
    insert_remembering,
    open_article,
    top_level,
)
from tests.browser.page_checks import accessibility_violations
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]


def test_insert_move_delete_undo_and_save(live_server, editor_page, remembering):
    """The figure goes after the paragraph that names the artwork, shows its caption, moves
    up and down, goes with Delete and comes back with undo; saved, the public page shows it
    there with the caption composed from the artwork."""
    article = ArticleFactory(body=BODY)  # published
    page = editor_page
    open_article(page, live_server.url, article)
    insert_remembering(page)

    figure = page.locator(FIGURE)
    expect(figure).to_contain_text("Ai Weiwei, Remembering (2009)")
    expect(figure).to_contain_text("Backpacks on the façade (the image's own)")
    expect(figure).to_contain_text("© Ai Weiwei")
    expect(figure.locator("img")).to_have_attribute("src", re.compile(r"\.png$"))
    assert top_level(page) == ["p", "p", "figure", "p"]
    stored = (
        f'<figure data-artwork="{remembering.pk}" data-size="wide" data-credit="© Ai Weiwei">'
        "</figure>"
    )
    assert body_html(page) == f"<p>Ai Weiwei came to Munich in 2009.</p>{NAMING}{stored}" + (
        "<p>A year later, the seeds.</p>"
    )

    # Moved by its buttons, the keyboard staying on them.
    figure.get_by_role("button", name="Move up").click()
    assert top_level(page) == ["p", "figure", "p", "p"]
    expect(page.locator(FIGURE).get_by_role("button", name="Move up")).to_be_focused()
    page.keyboard.press("Enter")
    assert top_level(page) == ["figure", "p", "p", "p"]
    expect(page.locator(FIGURE).get_by_role("button", name="Move up")).to_be_disabled()
    page.locator(FIGURE).get_by_role("button", name="Move down").click()
    page.locator(FIGURE).get_by_role("button", name="Move down").click()
    assert top_level(page) == ["p", "p", "figure", "p"]
    assert body_html(page).index("<figure") > body_html(page).index("backpacks covered")

    # Selected by a click and deleted with the key; undo brings it back. (A pause first, as a
    # person makes: the editor's history takes changes within half a second as one step.)
    page.wait_for_timeout(600)
    page.locator(FIGURE).locator(".body-figure__facts").click()
    expect(page.locator(FIGURE)).to_have_class(re.compile("ProseMirror-selectednode"))
    page.keyboard.press("Delete")
    expect(page.locator(FIGURE)).to_have_count(0)
    assert "<figure" not in body_html(page)
    page.keyboard.press("Control+z")
    expect(page.locator(FIGURE)).to_have_count(1)
    assert stored in body_html(page)

    # Removed by its button, back with the editor's undo.
    page.locator(FIGURE).get_by_role("button", name="Remove").click()
    expect(page.locator(FIGURE)).to_have_count(0)
    page.keyboard.press("Control+z")
    expect(page.locator(FIGURE)).to_have_count(1)

    # Edited: the dialog opens on it, and its answers change it.
    page.locator(FIGURE).get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit figure")
    expect(dialog.get_by_label("Credit")).to_have_value("© Ai Weiwei")
    expect(dialog.get_by_label("Wide")).to_be_checked()
    dialog.get_by_label("Full width").check()
    dialog.get_by_role("button", name="Save figure").click()
    expect(page.locator(FIGURE).get_by_role("button", name="Edit")).to_be_focused()
    expect(page.locator(FIGURE)).to_contain_text("Full width")
    assert 'data-size="full"' in body_html(page)

    bar = page.get_by_role("region", name="Publishing", exact=True)
    with page.expect_navigation():
        bar.get_by_role("button", name="Save", exact=True).click()
    article.refresh_from_db()
    assert article.body == (
        f"<p>Ai Weiwei came to Munich in 2009.</p>{NAMING}"
        f'<figure data-artwork="{remembering.pk}" data-size="full" data-credit="© Ai Weiwei">'
        "</figure><p>A year later, the seeds.</p>"
    )
    (row,) = article.body_figures()
    assert (row.artwork, row.size, row.position) == (remembering, "full", 0)

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    shown = page.locator("article figure.figure--full")
    expect(shown.locator("figcaption")).to_contain_text("Ai Weiwei, Remembering (2009)")
    expect(shown.locator("figcaption")).to_contain_text("© Ai Weiwei")
    expect(shown.locator("img")).to_have_attribute("alt", "Backpacks on the façade")
    after_naming = page.locator("p", has_text="backpacks covered").locator(
        "xpath=following-sibling::*[1]"
    )
    expect(after_naming).to_have_class(re.compile(r"\bfigure--full\b"))


def test_dialog_is_accessible_and_esc_gives_the_focus_back(live_server, editor_page, remembering):
    """axe finds nothing serious in the open dialog; Esc closes it and nothing is inserted."""
    article = ArticleFactory(body=BODY, draft=True)
    page = editor_page
    open_article(page, live_server.url, article)
    page.locator(f"{EDITABLE} p", has_text="backpacks covered").click()
    page.get_by_role("button", name="Insert figure").click()
    dialog = page.get_by_role("dialog", name="Insert figure")
    dialog.get_by_role("combobox", name="Artwork (search by artist or title)").fill("Remem")
    found = dialog.get_by_role("listbox", name="Artworks found").get_by_role("option")
    expect(found).to_have_count(1)
    assert accessibility_violations(page, [".body-figure-dialog"]) == []

    page.keyboard.press("Escape")  # the list closes first
    expect(found).to_have_count(0)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(EDITABLE)).to_be_focused()
    assert "<figure" not in body_html(page)

    # Inserting without an artwork is refused in the dialog.
    page.get_by_role("button", name="Insert figure").click()
    dialog.get_by_role("button", name="Insert figure").click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "Choose an artwork: search by artist or title."
    )
    expect(dialog.get_by_label("Artwork (search by artist or title)")).to_be_focused()


def test_upload_through_the_dialog(live_server, editor_page, remembering, tmp_path):
    """A bad file is refused with the images app's message; a good one becomes the figure,
    which needs its alt text."""
    article = ArticleFactory(body=BODY, draft=True)
    page = editor_page
    open_article(page, live_server.url, article)
    page.locator(f"{EDITABLE} p", has_text="the seeds").click()
    page.keyboard.press("Home")  # at the start of a paragraph: the figure goes before it
    page.get_by_role("button", name="Insert figure").click()
    dialog = page.get_by_role("dialog", name="Insert figure")
    dialog.get_by_label("An uploaded image").check()

    fake = tmp_path / "notes.png"
    fake.write_text("not a picture at all")
    dialog.get_by_label("Image file (JPEG, PNG, WebP or GIF)").set_input_files(fake)
    expect(dialog.get_by_role("alert")).to_have_text(
        "This file is a text file, not a photo. "
        "The site accepts JPEG, PNG, WebP and GIF images only."
    )

    good = tmp_path / "studio.png"
    Image.new("RGB", (240, 160), "royalblue").save(good)
    dialog.get_by_label("Image file (JPEG, PNG, WebP or GIF)").set_input_files(good)
    expect(dialog.locator(".body-figure-dialog__uploaded")).to_have_text("Uploaded: studio.png")
    dialog.get_by_role("button", name="Insert figure").click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "Describe the image (alt text), or tick “decorative”."
    )
    dialog.get_by_role("textbox", name="Alt text").fill("The artist's studio")
    dialog.get_by_role("textbox", name="Caption").fill("The studio, 1978")
    dialog.get_by_role("button", name="Insert figure").click()

    figure = page.locator(FIGURE)
    expect(figure).to_contain_text("The studio, 1978")
    expect(figure).to_contain_text("The artist's studio")
    html = body_html(page)
    assert re.search(
        r'<figure data-image="\d+" data-size="inline" data-alt="The artist\'s studio" '
        r'data-caption="The studio, 1978"></figure><p>A year later, the seeds.</p>$',
        html,
    ), html

    bar = page.get_by_role("region", name="Publishing", exact=True)
    with page.expect_navigation():
        bar.get_by_role("button", name="Save draft", exact=True).click()
    article.refresh_from_db()
    (row,) = article.body_figures()
    assert (row.alt_text, row.caption) == ("The artist's studio", "The studio, 1978")
    assert row.image.original_name == "studio.png"


def test_only_the_article_body_offers_figures(live_server, editor_page):
    """The artist's bio is rich text too, without figures."""
    artist = ArtistFactory(bio="<p>Born in Beijing.</p>")
    page = editor_page
    article = ArticleFactory(body=BODY, draft=True)
    open_article(page, live_server.url, article)
    expect(page.get_by_role("button", name="Insert figure")).to_have_count(1)
    page.goto(f"{live_server.url}/admin/artists/artist/{artist.pk}/change/")
    page.locator(".writing-tools").wait_for()
    expect(page.get_by_role("button", name="Insert figure")).to_have_count(0)


def test_names_from_the_records_are_shown_as_text(live_server, editor_page, settings, tmp_path):
    """An artwork whose title holds markup is listed, chosen and shown as those characters."""
    settings.MEDIA_ROOT = tmp_path / "media"
    hostile = '<img src=x onerror="document.title=1">Urn & "Vase"'
    artwork = ArtworkFactory(title=hostile)
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="<b>Ai</b> Weiwei"))
    ArtworkImageFactory(artwork=artwork, alt_text="<script>document.title=2</script>")
    article = ArticleFactory(body=BODY, draft=True)
    page = editor_page
    open_article(page, live_server.url, article)
    title = page.title()
    page.locator(f"{EDITABLE} p", has_text="the seeds").click()
    page.get_by_role("button", name="Insert figure").click()
    dialog = page.get_by_role("dialog", name="Insert figure")
    dialog.get_by_role("combobox", name="Artwork (search by artist or title)").fill("weiwei")
    option = dialog.get_by_role("listbox").get_by_role("option")
    expect(option).to_have_text(f"<b>Ai</b> Weiwei, {hostile}")
    option.click()
    dialog.get_by_role("button", name="Insert figure").click()

    figure = page.locator(FIGURE)
    expect(figure).to_contain_text(f"<b>Ai</b> Weiwei, {hostile}")
    expect(figure).to_contain_text("<script>document.title=2</script> (the image's own)")
    assert figure.locator("b, script, img[src=x]").count() == 0
    assert page.title() == title
