"""Figures inside the article's body, in Chromium (static/articles/body-figure.js and
body-figure-dialog.js, articles/admin_body_figures.py): an editor places an artwork after the
paragraph that names it through the dialog (found by its artist's name), sees it in the text,
moves it, deletes it, undoes, and saves; uploads a picture through the dialog, and a bad file
is answered in the dialog; the dialog passes axe; the artist's bio has no "Insert figure"."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.desk.staff_pages import log_in
from tests.browser.page_checks import accessibility_violations
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)
from tests.staff import staff_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

EDITABLE = "[contenteditable=true].ProseMirror"
FIGURE = f"{EDITABLE} figure.body-figure"
NAMING = "<p>For <em>Remembering</em> (2009), 9,000 backpacks covered the façade.</p>"
BODY = f"<p>Ai Weiwei came to Munich in 2009.</p>{NAMING}<p>A year later, the seeds.</p>"


@pytest.fixture
def remembering(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    artist = ArtistFactory(name="Ai Weiwei")
    artwork = ArtworkFactory(title="Remembering", date_display="2009", medium="Backpacks")
    ArtworkArtistFactory(artwork=artwork, artist=artist, position=0)
    ArtworkImageFactory(artwork=artwork, position=0, alt_text="Backpacks on the façade")
    return artwork


@pytest.fixture
def editor_page(live_server, new_page):
    page = new_page()
    log_in(page, live_server.url, staff_in(None, "Editor", username="eddie"))
    return page


def open_article(page, server, article):
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    page.locator(".writing-tools").wait_for()


def body_html(page) -> str:
    return page.input_value("textarea#id_body")


def insert_remembering(page):
    """Through the dialog, with the cursor at the end of the paragraph that names it."""
    page.locator(f"{EDITABLE} p", has_text="backpacks covered").click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Insert figure").click()
    dialog = page.get_by_role("dialog", name="Insert figure")
    expect(dialog).to_be_visible()
    search = dialog.get_by_role("combobox", name="Artwork (search by artist or title)")
    expect(search).to_be_focused()
    search.fill("weiwei")
    option = dialog.get_by_role("option", name="Ai Weiwei, Remembering (2009)")
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(dialog.locator(".body-figure-dialog__status")).to_have_text(
        "Chosen: Ai Weiwei, Remembering (2009)"
    )
    dialog.get_by_label("Wide").check()
    dialog.get_by_label("Credit").fill("© Ai Weiwei")
    dialog.get_by_role("button", name="Insert figure").click()
    expect(dialog).to_be_hidden()


def top_level(page) -> list[str]:
    return page.eval_on_selector(
        EDITABLE, "root => [...root.children].map(c => c.tagName.toLowerCase())"
    )


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


def test_a_figure_is_dragged_to_another_place(live_server, editor_page, remembering):
    """Dragged above the first paragraph, the figure leads the text; undo puts it back."""
    placed = f'<figure data-artwork="{remembering.pk}" data-size="inline"></figure>'
    article = ArticleFactory(body=BODY.replace(NAMING, NAMING + placed), draft=True)
    page = editor_page
    open_article(page, live_server.url, article)
    assert top_level(page) == ["p", "p", "figure", "p"]

    figure = page.locator(FIGURE)
    expect(figure).to_contain_text("Ai Weiwei, Remembering (2009)")
    figure.drag_to(
        page.locator(f"{EDITABLE} p", has_text="came to Munich"), target_position={"x": 4, "y": 2}
    )
    assert top_level(page) == ["figure", "p", "p", "p"]
    assert body_html(page).startswith(placed)
    page.keyboard.press("Control+z")
    assert top_level(page) == ["p", "p", "figure", "p"]


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


def test_the_editor_writes_the_node_format_and_nothing_else(live_server, editor_page, remembering):
    """Figures as the shared format has them come out as they went in; what else a figure
    carries (handlers, a style, children, a bad key) is not written, whatever the row held."""
    image = remembering.images.get()
    full = (
        f'<figure data-artwork="{remembering.pk}" data-artwork-image="{image.pk}" '
        'data-size="wide" data-alt="Three photographs" data-credit="© Ai Weiwei" '
        'data-caption="Line one\nLine two" data-decorative="true"></figure>'
    )
    upload = (
        '<figure data-image="67" data-size="inline" data-alt="The artist in her studio" '
        'data-credit="Photo: J. Doe" data-caption="The artist in her studio, 1978"></figure>'
    )
    hostile = (
        f'<figure data-artwork="{remembering.pk}" data-image="3" data-size="huge" '
        'onclick="document.title=1" style="width:9999px" class="evil">'
        "<img src=x onerror=\"document.title='img'\"><figcaption>Stolen</figcaption></figure>"
        '<figure data-artwork="0"></figure><figure data-image="-1"></figure>'
    )
    article = ArticleFactory(body="<p>Start.</p>", draft=True)
    # Written around the field, as an old row or an import might hold it.
    Article.objects.filter(pk=article.pk).update(body=f"<p>Start.</p>{full}{upload}{hostile}")
    page = editor_page
    open_article(page, live_server.url, article)
    title = page.title()
    page.locator(f"{EDITABLE} p", has_text="Start.").click()
    page.keyboard.press("End")
    page.keyboard.type("!")  # the textarea is written from the editor's document

    assert body_html(page) == (
        f"<p>Start.!</p>{full}{upload}"
        f'<figure data-artwork="{remembering.pk}" data-size="inline"></figure>'
    )
    assert page.title() == title
    expect(page.locator(FIGURE).nth(0)).to_contain_text("Line one")
    expect(page.locator(FIGURE).nth(0)).to_contain_text("decorative, none")
    expect(page.locator(FIGURE).nth(1)).to_contain_text("There is no such image.")


def insert_quickly(page):
    page.get_by_role("button", name="Insert figure").click()
    dialog = page.get_by_role("dialog", name="Insert figure")
    dialog.get_by_role("combobox", name="Artwork (search by artist or title)").fill("Remem")
    dialog.get_by_role("listbox").get_by_role("option").click()
    dialog.get_by_role("button", name="Insert figure").click()
    expect(dialog).to_be_hidden()


_CARET_AT = """([text, offset]) => {
    const selection = getSelection();
    return Boolean(selection.anchorNode) && selection.anchorNode.textContent === text
        && selection.anchorOffset === offset && selection.isCollapsed;
}"""
_TWO_FRAMES = """() => new Promise(
    (done) => requestAnimationFrame(() => requestAnimationFrame(done))
)"""


def put_caret(page, text: str, offset: int) -> None:
    """The caret `offset` characters into the paragraph `text`, by a click and the keyboard,
    checked: a click while the editor is still being set up can be lost (the caret stays at the
    end of the text), so it is clicked again until the caret stays where the keys put it."""
    for _attempt in range(5):
        page.locator(f"{EDITABLE} p", has_text=text).click()
        expect(page.locator(EDITABLE)).to_be_focused()
        page.keyboard.press("Home")
        for _ in range(offset):
            page.keyboard.press("ArrowRight")
        page.evaluate(_TWO_FRAMES)
        if page.evaluate(_CARET_AT, [text, offset]):
            return
    where = page.evaluate(
        "() => [String(getSelection().anchorNode && getSelection().anchorNode.textContent),"
        " getSelection().anchorOffset, document.activeElement.outerHTML.slice(0, 80)]"
    )
    raise AssertionError(f"the caret did not stay {offset} characters into {text!r}: {where}")


def test_a_figure_is_placed_at_the_top_level_of_the_text(live_server, editor_page, remembering):
    """In the middle of a paragraph it splits it; in a list it follows the list; with a figure
    chosen it follows that figure."""
    article = ArticleFactory(body="<p>Before the seeds.</p><ul><li>One</li></ul>", draft=True)
    page = editor_page
    open_article(page, live_server.url, article)

    put_caret(page, "Before the seeds.", len("Before "))
    insert_quickly(page)
    assert top_level(page) == ["p", "figure", "p", "ul"]
    assert body_html(page).startswith("<p>Before </p><figure")

    page.locator(f"{EDITABLE} li", has_text="One").click()
    insert_quickly(page)
    assert top_level(page) == ["p", "figure", "p", "ul", "figure"]

    page.locator(FIGURE).first.locator(".body-figure__facts").click()
    insert_quickly(page)
    assert top_level(page) == ["p", "figure", "figure", "p", "ul", "figure"]
