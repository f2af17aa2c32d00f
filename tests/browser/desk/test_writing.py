"""Writing in the admin, in Chromium: the word count and reading time follow the typing,
full-screen writing goes on and off (Esc leaves, focus stays), the browser's spellcheck is on,
the tag box is as wide as its field, and read-only views show the body rendered."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.desk.staff_pages import log_in, superuser
from tests.factories import ArticleFactory, ArtistFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db(transaction=True)

EDITABLE = "[contenteditable=true].ProseMirror"


def open_article(page, server, article):
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    page.locator(".writing-tools").wait_for()


def test_word_count_and_reading_time_follow_the_typing(live_server, new_page):
    """The count starts from the saved body and changes as the editor types."""
    article = ArticleFactory(body="<p>" + " ".join(["word"] * 1238) + "</p>")
    page = new_page()
    log_in(page, live_server.url, superuser())
    open_article(page, live_server.url, article)
    count = page.locator(".writing-tools__count")
    expect(count).to_have_text("1,238 words · 6 min read")

    page.locator(EDITABLE).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Yves Klein’s blue")

    expect(count).to_have_text("1,241 words · 6 min read")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    expect(count).to_have_text("0 words · 0 min read")
    page.keyboard.type("One blue canvas.")
    expect(count).to_have_text("3 words · 1 min read")


def test_full_screen_on_and_off(live_server, new_page):
    """The button fills the window with the editor and puts the caret in the text; Esc leaves
    it, from the text or from the button, and focus stays where it was."""
    article = ArticleFactory(body="<p>Twelve canvases of a single blue.</p>")
    page = new_page()
    log_in(page, live_server.url, superuser())
    open_article(page, live_server.url, article)
    button = page.locator(".writing-tools__fullscreen")
    editor = page.locator(".prose-editor")
    text = page.locator(EDITABLE)
    full_screen = re.compile(r"\bfullscreen\b")

    page.get_by_role("button", name="Full screen").click()
    expect(editor).to_have_class(full_screen)
    box = editor.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1366, 900)
    expect(button).to_have_accessible_name("Leave full screen (Esc)")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(text).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Blue")
    page.keyboard.press("Escape")
    expect(editor).not_to_have_class(full_screen)
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(text).to_be_focused()
    page.keyboard.type(" again")
    expect(text).to_contain_text("Blue again")

    # In with F11 from the text, out with Esc from the button.
    page.keyboard.press("F11")
    expect(editor).to_have_class(full_screen)
    button.focus()
    page.keyboard.press("Escape")
    expect(editor).not_to_have_class(full_screen)
    expect(button).to_be_focused()
    expect(button).to_have_accessible_name("Full screen")


def test_spellcheck_is_on(live_server, new_page):
    """The browser checks the spelling of the body, the title and the standfirst."""
    article = ArticleFactory()
    page = new_page()
    log_in(page, live_server.url, superuser())
    open_article(page, live_server.url, article)

    expect(page.locator(EDITABLE)).to_have_attribute("spellcheck", "true")
    expect(page.locator("#id_title")).to_have_attribute("spellcheck", "true")
    expect(page.locator("#id_standfirst")).to_have_attribute("spellcheck", "true")


def test_every_rich_text_field_gets_the_tools(live_server, new_page):
    """The artist's bio is edited with the same tools as the article's body."""
    artist = ArtistFactory(bio="<p>Born in Gotha.</p>")
    page = new_page()
    log_in(page, live_server.url, superuser())
    page.goto(f"{live_server.url}/admin/artists/artist/{artist.pk}/change/")

    expect(page.locator(".field-bio .writing-tools__count")).to_have_text("3 words · 1 min read")
    expect(page.locator(f".field-bio {EDITABLE}")).to_have_attribute("spellcheck", "true")


def test_tag_box_is_as_wide_as_its_field(live_server, new_page):
    """Chosen tags are shown whole: the box takes the field's width, not 105px."""
    tags = ["contemporary art in Berlin", "photomontage", "Weimar Republic", "women artists"]
    article = ArticleFactory(tags=tags)
    page = new_page()
    log_in(page, live_server.url, superuser())
    open_article(page, live_server.url, article)
    page.get_by_role("tab", name="Related").click()  # the tags are in the form's Related tab

    box = page.locator(".field-tags .select2-container").bounding_box()
    row = page.locator(".field-tags").bounding_box()
    assert box["width"] >= row["width"] * 0.9
    for tag in tags:
        chosen = page.locator(".field-tags .select2-selection__choice", has_text=tag)
        assert chosen.bounding_box()["x"] + chosen.bounding_box()["width"] <= (
            box["x"] + box["width"]
        )


@pytest.mark.parametrize(
    ("role", "status"),
    [("Moderator", Article.Status.DRAFT), ("Contributor", Article.Status.PUBLISHED)],
)
def test_read_only_views_show_the_body_rendered(live_server, new_page, role, status):
    """A moderator, or a contributor on a published article, reads the body as text with its
    emphasis and headings, not as HTML source."""
    article = ArticleFactory(
        body="<p>A <strong>blue</strong> field.</p><h2>Twelve canvases</h2>", status=status
    )
    page = new_page()
    log_in(page, live_server.url, staff_in(None, role))
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    body = page.locator(".field-body .readonly")
    expect(body.locator("strong")).to_have_text("blue")
    expect(body.get_by_role("heading", name="Twelve canvases")).to_be_visible()
    assert "<p>" not in body.inner_text()
    assert "<" not in page.locator("#content").inner_text()
