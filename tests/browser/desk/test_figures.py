"""The article form's figures in Chromium (articles/admin_figures.py, static/articles/
figures.js): the form's groups as tabs; an artwork figure and an upload, each with its
thumbnail before saving; the artwork-image picker listing the chosen artwork's images only;
reordering by dragging and by keyboard, with positions that follow; the focal point set on the
chosen file; an upload kept across a validation error."""

import re

import pytest
from PIL import Image

from articles.models import Article
from tests.browser.page_checks import accessibility_violations
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    SectionFactory,
)
from tests.staff import staff_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def desk(live_server, new_page, settings, tmp_path):
    """An editor's page, logged in, on a new article's form (title and section filled)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    SectionFactory(name="Reviews", slug="reviews")
    editor = staff_in(None, "Editor", username="eddie")
    editor.set_password(PASSWORD)
    editor.save()
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "eddie")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "A Field of Blue")
    page.select_option("#id_section", label="Reviews")
    page.fill("#id_standfirst", "Ai Weiwei paints the sky.")
    return page


def picture(tmp_path, name="blue-field.png"):
    path = tmp_path / name
    Image.new("RGB", (240, 160), "royalblue").save(path)
    return path


def pick(page, card: str, field: str, text: str):
    """Choose `text` in a select2 autocomplete of a figure card."""
    page.locator(f"{card} .field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text[:4])
    page.locator(".select2-results__option", has_text=text).click()


def save(page, button="Save draft"):
    """Posts the form with a button of the action bar (articles/admin_publish.py): "Save draft"
    for a draft, "Save" for an article that is public."""
    bar = page.get_by_role("region", name="Publishing", exact=True)
    with page.expect_navigation():
        bar.get_by_role("button", name=button, exact=True).click()


def positions(page) -> list[str]:
    return page.eval_on_selector_all(
        ".figure-card:not(.empty-form)",
        "cards => cards.map(c => c.querySelector('[name$=\"-position\"]').value + ':' + c.id)",
    )


def test_two_figures_with_thumbnails_reordered_by_drag_and_keyboard(desk, tmp_path):
    page = desk
    urn = ArtworkFactory(title="Dropping a Han Dynasty Urn", date_display="1995")
    front = ArtworkImageFactory(artwork=urn, position=0, alt_text="The urn falling")
    ArtworkImageFactory(artwork=urn, position=1, alt_text="The urn in pieces")
    ArtworkImageFactory(alt_text="Someone else's picture")

    # The groups are tabs; the figures have a tab of their own.
    assert page.get_by_role("tab", name="Content").get_attribute("aria-selected") == "true"
    assert not page.locator("#figures-group").is_visible()
    page.get_by_role("tab", name="Figures").click()
    assert page.url.endswith("#tab-figures")
    assert not page.locator("#id_title").is_visible()

    # An artwork figure: its thumbnail and caption as soon as the artwork is chosen.
    page.locator("#figures-group .add-row a").click()
    assert not page.locator("#figures-0 .field-image").is_visible()  # the upload's fields
    pick(page, "#figures-0", "artwork", "Dropping a Han Dynasty Urn")
    thumbnail = page.locator("#figures-0 .figure-card__thumb img")
    thumbnail.wait_for()
    assert thumbnail.get_attribute("src").endswith(front.image.file.url)
    assert "Dropping a Han Dynasty Urn (1995)" in page.locator("#figures-0").inner_text()

    # Its image picker lists that artwork's images only.
    page.locator("#figures-0 .field-artwork_image .select2-selection").click()
    options = page.locator(".select2-results__option:not(.loading-results)")
    options.first.wait_for()
    page.wait_for_timeout(300)
    assert sorted(options.all_inner_texts()) == ["The urn falling", "The urn in pieces"]
    page.keyboard.press("Escape")

    # An upload: the chosen file is shown at once, and a click on it sets the focal point.
    page.locator("#figures-group .add-row a").click()
    page.locator("#figures-1").get_by_label("an uploaded image").check()
    assert not page.locator("#figures-1 .field-artwork").is_visible()
    page.set_input_files("input[name='figures-1-image']", picture(tmp_path))
    assert (
        page.locator("#figures-1 .figure-card__thumb img").get_attribute("src").startswith("blob:")
    )
    page.fill("input[name='figures-1-alt_text']", "A canvas painted evenly blue")
    preview = page.locator("#figures-1 .focal-point__image")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert float(page.input_value("input[name='figures-1-focal_x']")) == pytest.approx(
        0.25, abs=0.01
    )
    assert positions(page) == ["0:figures-0", "1:figures-1"]

    # Dragged by its handle above the first, the upload leads.
    handle = page.locator("#figures-1 .figure-card__handle").bounding_box()
    target = page.locator("#figures-0 .figure-card__head").bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"] + 40, target["y"] + 5, steps=12)
    page.mouse.up()
    assert positions(page) == ["0:figures-1", "1:figures-0"]
    status = page.locator(".figures-desk__status")
    assert status.inner_text() == "Figure moved to position 1 of 2."

    # The keyboard way: "Move down" with Enter, then the arrow key on the handle.
    page.locator("#figures-1").get_by_role("button", name="Move down", exact=True).focus()
    page.keyboard.press("Enter")
    assert positions(page) == ["0:figures-0", "1:figures-1"]
    page.locator("#figures-1 .figure-card__handle").focus()
    page.keyboard.press("ArrowUp")
    assert positions(page) == ["0:figures-1", "1:figures-0"]
    assert page.evaluate("document.activeElement.matches('#figures-1 .figure-card__handle')")
    assert accessibility_violations(page) == []

    save(page)
    assert page.locator(".messagelist").inner_text() == "Draft saved."
    assert re.search(r"/change/$", page.url)
    figures = Article.objects.get().ordered_figures()
    assert [(f.position, f.artwork_id) for f in figures] == [(0, None), (1, urn.pk)]
    assert figures[0].image.original_name == "blue-field.png"
    assert (figures[0].image.focal_x, figures[0].image.focal_y) == pytest.approx(
        (0.25, 0.75), abs=0.01
    )
    # Saved, each figure is a compact card with its thumbnail and caption.
    page.get_by_role("tab", name="Figures").click()
    assert page.locator(".figure-card:not(.empty-form) .figure-card__thumb img").count() == 2
    assert page.locator("#figures-1 details").get_attribute("open") is None


def test_a_validation_error_keeps_the_upload(desk, tmp_path):
    page = desk
    ArticleFactory(slug="taken")
    page.fill("#id_slug", "taken")
    page.get_by_role("tab", name="Figures").click()
    page.locator("#figures-group .add-row a").click()
    page.locator("#figures-0").get_by_label("an uploaded image").check()
    page.set_input_files("input[name='figures-0-image']", picture(tmp_path, "kept.png"))
    page.fill("input[name='figures-0-alt_text']", "A canvas painted evenly blue")

    save(page)

    # The error's group opens; the figure still has its picture.
    assert page.get_by_role("tab", name="Content").get_attribute("aria-selected") == "true"
    assert page.locator("#id_slug").is_visible()
    page.get_by_role("tab", name="Figures").click()
    card = page.locator("#figures-0")
    assert "Kept from your last try: “kept.png”" in card.inner_text()
    assert "/media/figures/" in card.locator(".figure-card__thumb img").get_attribute("src")
    page.get_by_role("tab", name="Content").click()
    page.fill("#id_slug", "a-field-of-blue")
    save(page)
    assert page.locator(".messagelist").inner_text() == "Draft saved."
    figure = Article.objects.get(slug="a-field-of-blue").figures.get()
    assert figure.image.original_name == "kept.png"


def test_the_groups_are_tabs_for_the_keyboard_and_errors_open_theirs(desk, live_server, tmp_path):
    page = desk
    page.goto(f"{live_server.url}/admin/articles/article/add/#tab-related")
    page.reload()  # the same page with another fragment is not loaded again
    related = page.get_by_role("tab", name="Related")
    assert related.get_attribute("aria-selected") == "true"
    assert page.locator("#id_tags").is_visible() or page.locator(".field-tags").is_visible()
    assert not page.locator("#id_title").is_visible()

    related.focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="Search engines").get_attribute("aria-selected") == "true"
    page.keyboard.press("Home")
    content = page.get_by_role("tab", name="Content")
    assert content.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "desk-tab-content"
    assert page.locator("#id_title").is_visible()

    # A figure without alt text comes back with its group open and its tab marked.
    page.fill("#id_title", "A Field of Blue")
    page.select_option("#id_section", label="Reviews")
    page.fill("#id_standfirst", "Ai Weiwei paints the sky.")
    page.locator("[contenteditable=true].ProseMirror").click()
    page.keyboard.type("Twelve canvases of a single blue.")
    page.get_by_role("tab", name="Figures").click()
    page.locator("#figures-group .add-row a").click()
    page.set_input_files("input[name='figures-0-image']", picture(tmp_path))
    save(page)

    figures = page.get_by_role("tab", name="Figures (has errors)")
    assert figures.get_attribute("aria-selected") == "true"
    assert page.locator("#figures-0 .field-alt_text .errorlist").is_visible()
    assert "Kept from your last try" in page.locator("#figures-0").inner_text()
    assert accessibility_violations(page) == []


def test_reordered_new_figures_above_saved_ones_save_once_each(desk, live_server):
    """A new figure moved above a saved one, and another new one removed (Django's inline
    script then renumbers the forms by their order on the page): each figure is saved once,
    in the order shown."""
    page = desk
    article = ArticleFactory(title="Saved already")
    saved = ArtworkImageFactory(alt_text="The saved one").artwork
    ArticleFigureFactory(article=article, artwork=saved, position=0)
    ArtworkFactory(title="Brand New Work")
    new = ArtworkImageFactory(artwork=ArtworkFactory(title="Brand New Work II")).artwork
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/#tab-figures")
    page.reload()

    page.locator("#figures-group .add-row a").click()
    page.locator("#figures-group .add-row a").click()
    pick(page, "#figures-2", "artwork", "Brand New Work II")
    page.locator("#figures-2").get_by_role("button", name="Move up", exact=True).click()
    page.locator("#figures-2").get_by_role("button", name="Move up", exact=True).click()
    page.locator("#figures-1 .inline-deletelink").click()  # the empty new one
    save(page, "Save")
    assert page.locator(".messagelist").inner_text().startswith("Saved. Public since")

    figures = list(article.figures.order_by("position"))
    assert [(f.position, f.artwork_id) for f in figures] == [(0, new.pk), (1, saved.pk)]
