"""Where a figure goes in the body's editor, in Chromium (static/articles/body-figure.js): at the
top level of the text wherever the caret is, dragged to another place, and written as the node
format and nothing else."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.desk.body_figure_pages import (
    BODY,
    EDITABLE,
    FIGURE,
    NAMING,
    body_html,
    insert_quickly,
    open_article,
    put_caret,
    top_level,
)
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]


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
