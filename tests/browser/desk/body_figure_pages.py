"""What the browser tests of figures in the body share (test_body_figures.py,
test_body_figure_placement.py): the editor's selectors, the article that names *Remembering*,
and the steps an editor takes in the page. Their fixtures are in conftest.py."""

from playwright.sync_api import expect

EDITABLE = "[contenteditable=true].ProseMirror"
FIGURE = f"{EDITABLE} figure.body-figure"
NAMING = "<p>For <em>Remembering</em> (2009), 9,000 backpacks covered the façade.</p>"
BODY = f"<p>Ai Weiwei came to Munich in 2009.</p>{NAMING}<p>A year later, the seeds.</p>"


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
    # As an editor does: Down until the option is highlighted (a slow search answering late
    # redraws the list, which drops the highlight), then Enter chooses it.
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        if option.get_attribute("aria-selected") == "true":
            break
        page.wait_for_timeout(200)
    expect(option).to_have_attribute("aria-selected", "true")
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
