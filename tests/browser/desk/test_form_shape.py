"""The article form's size, as an editor meets it at 1366 px: the issue found figures of about
1,150 px each and the publishing controls halfway down a form 2,600 to 8,000 px long. A saved
figure is now a card of a few lines (its details folded), and the action bar is on screen
wherever the editor has scrolled to."""

import pytest

from tests.browser.desk.staff_pages import log_in
from tests.factories import ArticleFactory, ArticleFigureFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db(transaction=True)

# A figure card with its details folded: thumbnail, caption lines, the kind switch and the
# buttons to move it. Far from the 1,150 px a figure took.
CARD_HEIGHT_MOST = 240  # measured: 137 px at 1366x900


def test_figures_are_compact_and_the_bar_is_always_on_screen(live_server, new_page):
    article = ArticleFactory(title="Twelve figures", draft=True)
    for position in range(12):
        ArticleFigureFactory(article=article, position=position)
    editor = staff_in(None, "Editor", username="eddie")
    page = new_page()
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    bar = page.get_by_role("region", name="Publishing", exact=True)
    page.get_by_role("tab", name="Figures").click()

    cards = page.locator("#figures-group .inline-related:not(.empty-form)")
    assert cards.count() == 12
    heights = [cards.nth(index).bounding_box()["height"] for index in range(12)]
    assert max(heights) <= CARD_HEIGHT_MOST, heights

    viewport = page.viewport_size["height"]
    for where in ("top", "middle", "bottom"):
        page.evaluate(
            "where => window.scrollTo(0, {top: 0, middle: document.body.scrollHeight / 2,"
            " bottom: document.body.scrollHeight}[where])",
            where,
        )
        box = bar.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= viewport, where
        assert bar.get_by_role("button", name="Save draft").is_visible()
