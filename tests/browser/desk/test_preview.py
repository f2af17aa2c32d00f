"""The live preview in Chromium: an editor opens a published article, opens the preview beside
the form, types a new title and body text, and sees them in the public page's layout within a
few seconds, at desktop and phone width, while readers still see the article as it was."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.page_checks import AXE_JS, BLOCKING_IMPACTS, require
from tests.browser.test_csp import violations, watched
from tests.browser.test_editorial_flow import log_in, staff
from tests.factories import ArticleFactory, ArticleFigureFactory, SectionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),  # the figures' pictures are served
]

TITLE = "Colour Fields"
NEW_TITLE = "Colour Fields, Seen Again"
BODY = "<p>First words.</p>" + "<p>A long paragraph about colour.</p>" * 30  # to scroll


def published_article() -> Article:
    article = ArticleFactory(title=TITLE, slug="colour-fields", body=BODY)
    ArticleFigureFactory(article=article, position=0)
    return article


def panel_violations(page) -> list[str]:
    """axe-core's serious and critical violations in the preview panel (the rest of the change
    form is swept by the admin's own accessibility tests)."""
    require(AXE_JS, "axe-core")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate(
        "async () => await axe.run('#live-preview', {resultTypes: ['violations']})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def open_change_form(page, server, article):
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")


def test_typing_shows_in_the_preview_without_saving(live_server, new_page):
    server = live_server.url
    article = published_article()
    staff("eddie", "Editor")
    page, console = watched(new_page)
    log_in(page, server, "eddie")
    open_change_form(page, server, article)

    toggle = page.locator(".object-tools [data-live-preview-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    panel = page.locator("#live-preview")
    expect(panel).to_be_visible()
    preview = page.frame_locator("[data-live-preview-frame]")
    expect(preview.locator("h1.article__title")).to_have_text(TITLE)

    # The panel sits beside the form at 1366 px: the form is not covered.
    form_box = page.locator("#content-main").bounding_box()
    panel_box = panel.bounding_box()
    assert form_box["x"] + form_box["width"] <= panel_box["x"] + 1

    # Scroll the preview down a little: an update keeps the reader where they were.
    preview.locator("body").evaluate("body => window.scrollTo(0, 200)")
    page.fill("#id_title", NEW_TITLE)
    # Into the first paragraph itself: a click elsewhere then Ctrl+Home could lose the race with
    # the editor's own handling of the click and type in the paragraph clicked (seen under load).
    page.locator("[contenteditable=true].ProseMirror p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Then the blue came back.")
    expect(preview.locator("h1.article__title")).to_have_text(NEW_TITLE, timeout=5_000)
    expect(preview.locator(".article__body")).to_contain_text(
        "First words. Then the blue came back.", timeout=5_000
    )
    assert preview.locator("body").evaluate("body => window.scrollY") > 0
    expect(page.locator("[data-live-preview-status]")).to_contain_text("not saved")

    # Phone width: the page inside the frame is laid out for 390 CSS px.
    page.get_by_role("button", name=re.compile("^Phone")).click()
    expect(page.get_by_role("button", name=re.compile("^Phone"))).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.get_by_role("button", name=re.compile("^Desktop"))).to_have_attribute(
        "aria-pressed", "false"
    )
    assert preview.locator("body").evaluate("body => window.innerWidth") == 390
    page.get_by_role("button", name=re.compile("^Desktop")).click()
    assert preview.locator("body").evaluate("body => window.innerWidth") == 1280

    assert panel_violations(page) == []
    # The page in the frame needs nothing the admin's policy blocks (its pictures, its styles).
    expect(preview.locator(".article__lead img")).to_have_js_property("complete", True)
    assert preview.locator(".article__lead img").evaluate("img => img.naturalWidth") > 0
    assert violations(page, console) == []

    # Nothing was saved: readers see the article as it was.
    stored = Article.objects.get(pk=article.pk)
    assert (stored.title, stored.body) == (TITLE, BODY)
    reader = new_page()
    reader.goto(f"{server}{article.get_absolute_url()}")
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator(".article__body")).not_to_contain_text("blue came back")


def test_a_tag_picked_shows_in_the_preview(live_server, new_page):
    """The tag picker (select2) sends no input event: the panel sees the change all the same."""
    server = live_server.url
    article = published_article()
    staff("eddie", "Editor")
    page = new_page()
    log_in(page, server, "eddie")
    open_change_form(page, server, article)
    page.locator(".object-tools [data-live-preview-toggle]").click()
    preview = page.frame_locator("[data-live-preview-frame]")
    expect(preview.locator("h1.article__title")).to_have_text(TITLE)
    expect(preview.locator(".tag-list")).to_have_count(0)

    page.get_by_role("tab", name="Related").click()  # the tags are in the form's Related tab
    page.locator("#id_tags + .select2 .select2-selection--multiple").click()
    page.keyboard.type("Chromatic")
    page.locator(".select2-results__option", has_text="Chromatic").first.wait_for()
    page.keyboard.press("Enter")

    expect(preview.locator(".tag-list .tag")).to_have_text(["Chromatic"], timeout=5_000)
    assert not article.tags.exists()


def test_invalid_input_is_said_in_the_panel(live_server, new_page):
    server = live_server.url
    article = published_article()
    staff("eddie", "Editor")
    page = new_page()
    log_in(page, server, "eddie")
    open_change_form(page, server, article)
    page.locator(".object-tools [data-live-preview-toggle]").click()
    preview = page.frame_locator("[data-live-preview-frame]")
    expect(preview.locator("h1.article__title")).to_have_text(TITLE)

    page.fill("#id_title", "")
    status = page.locator("[data-live-preview-status]")
    expect(status).to_contain_text("Title: This field is required.", timeout=5_000)
    expect(preview.locator("h1.article__title")).to_have_text(TITLE)  # the last good one stays
    page.fill("#id_title", "Back Again")
    expect(preview.locator("h1.article__title")).to_have_text("Back Again", timeout=5_000)


def test_a_new_article_previews_before_its_first_save(live_server, new_page):
    """A contributor's new article: the panel says what is missing, then shows the page."""
    server = live_server.url
    SectionFactory(name="Reviews", slug="reviews")
    staff("cora", "Contributor")
    page = new_page()
    log_in(page, server, "cora")
    page.goto(f"{server}/admin/articles/article/add/")
    page.locator(".live-preview-opener [data-live-preview-toggle]").click()
    status = page.locator("[data-live-preview-status]")
    expect(status).to_contain_text("Title: This field is required.")
    expect(status).to_contain_text("Section: This field is required.")

    page.fill("#id_title", "A First Draft")
    page.select_option("#id_section", label="Reviews")
    preview = page.frame_locator("[data-live-preview-frame]")
    expect(preview.locator("h1.article__title")).to_have_text("A First Draft", timeout=5_000)
    expect(preview.locator(".kicker")).to_have_text("Reviews")
    assert not Article.objects.exists()


def test_on_a_tablet_the_preview_covers_the_form_and_escape_closes_it(live_server, browser):
    server = live_server.url
    article = published_article()
    staff("eddie", "Editor")
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        log_in(page, server, "eddie")
        open_change_form(page, server, article)
        toggle = page.locator(".object-tools [data-live-preview-toggle]")
        toggle.click()
        expect(page.locator("#live-preview-heading")).to_be_focused()
        preview = page.frame_locator("[data-live-preview-frame]")
        expect(preview.locator("h1.article__title")).to_have_text(TITLE)
        assert panel_violations(page) == []
        page.keyboard.press("Escape")
        expect(page.locator("#live-preview")).to_be_hidden()
        expect(toggle).to_be_focused()
    finally:
        context.close()
