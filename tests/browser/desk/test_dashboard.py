"""The editors' desk in Chromium: the admin's home lists what awaits review, the week ahead
(an article scheduled for tomorrow 09:00 under tomorrow) and my drafts, without serious
accessibility violations; and on the article form, a title another article has is warned of
while typing, and the free slug it proposes fills the slug field."""

import datetime
import re

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.prepublish.registry import role_of
from tests.browser.logins import log_in, staff
from tests.browser.page_checks import AXE_JS, BLOCKING_IMPACTS, accessibility_violations, require
from tests.checks import overrides
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

Status = Article.Status


def violations_within(page, selector: str) -> list[str]:
    """axe's serious and critical violations in one part of the page (the rest of the article
    form is another part's of the desk: F sweeps every admin page)."""
    require(AXE_JS, "axe-core")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate(
        "async (selector) => await axe.run(selector, {resultTypes: ['violations']})", selector
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def tomorrow_at_nine() -> datetime.datetime:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 0)))


def test_the_desk_lists_review_the_week_and_my_drafts(live_server, new_page):
    server = live_server.url
    editor = staff("eddie", "Editor")
    writer = staff("cora", "Contributor")
    section = SectionFactory(name="Reviews")
    waiting = ArticleFactory(title="Hockney in Normandy", status=Status.DRAFT, section=section)
    # A contributor submits with a reason for each warning of the pre-publish checks.
    services.article_submit(article=waiting, user=writer, overrides=overrides(role_of(writer)))
    ArticleFactory(title="Kusama's pumpkins", section=section, published_at=tomorrow_at_nine())
    ArticleFactory(title="Notes on Morandi", status=Status.DRAFT, created_by=editor)

    page = new_page()
    log_in(page, server, "eddie")

    review = page.locator("#desk-review")
    assert "Awaiting review" in review.locator("h2").inner_text()
    assert "1" in review.locator(".desk-count").inner_text()
    assert review.get_by_role("link", name="Hockney in Normandy").is_visible()
    assert "Submitted by cora" in review.inner_text()

    tomorrow = page.locator(".desk-day").nth(1)
    expected_day = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%a %-d %b")
    assert tomorrow.locator("h3").inner_text() == expected_day
    assert "09:00" in tomorrow.inner_text()
    assert tomorrow.get_by_role("link", name="Kusama's pumpkins").is_visible()

    drafts = page.locator("#desk-drafts")
    assert drafts.get_by_role("link", name="Notes on Morandi").is_visible()
    # The apps stay reachable below the desk.
    assert page.get_by_role("heading", name="Content").is_visible()
    assert accessibility_violations(page) == []

    # At tablet width, the lists are one column and nothing spills sideways.
    page.set_viewport_size({"width": 768, "height": 1024})
    assert page.evaluate("document.documentElement.scrollWidth") <= 768

    # A count's heading leads to the article list filtered the same way.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#desk-scheduled h2 a").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\?stands=scheduled$"))
    assert page.get_by_role("link", name=re.compile("Kusama's pumpkins")).is_visible()
    assert page.locator("#result_list tbody tr").count() == 1


def test_a_duplicate_title_is_warned_and_the_free_slug_proposed(live_server, new_page):
    server = live_server.url
    staff("eddie", "Editor")
    SectionFactory(name="Reviews")
    ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny")

    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("monet at  giverny", delay=20)

    warning = page.locator("#title-check")
    warning.get_by_text("Another article has this title:").wait_for()
    assert warning.get_attribute("aria-live") == "polite"
    assert warning.get_by_role("link", name=re.compile("^Monet at Giverny — ")).is_visible()
    assert "/monet-at-giverny-2/" in warning.inner_text()
    # Django's script made the slug from the title: the one that is taken.
    assert page.locator("#id_slug").input_value() == "monet-at-giverny"

    warning.get_by_role("button", name="Use this slug").click()

    assert page.locator("#id_slug").input_value() == "monet-at-giverny-2"
    assert "Slug set to" in warning.inner_text()
    # Typing on in the title no longer changes the slug that was chosen.
    page.locator("#id_title").press_sequentially(" (again)")
    assert page.locator("#id_slug").input_value() == "monet-at-giverny-2"
    assert violations_within(page, ".field-title") == []


def test_a_different_title_is_not_warned(live_server, new_page):
    server = live_server.url
    staff("eddie", "Editor")
    ArticleFactory(title="Monet at Giverny")

    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/add/")
    with page.expect_response(re.compile(r"/title-check/\?")) as answer:
        page.locator("#id_title").press_sequentially("Monet at Argenteuil", delay=10)
    assert answer.value.json()["matches"] == []
    page.wait_for_timeout(300)

    assert page.locator("#title-check").inner_text().strip() == ""
