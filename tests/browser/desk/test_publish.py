"""The action bar and the checks panel in Chromium: publishing now after a confirmation,
scheduling with the "Tomorrow 09:00" shortcut, a blocking check refusing, and a warning
overridden with a reason that shows in the publishing record."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Article, PublicationEvent
from tests.browser.page_checks import accessibility_violations
from tests.browser.test_editorial_flow import log_in, staff
from tests.checks import passing_article
from tests.factories import ArticleFigureFactory

pytestmark = pytest.mark.django_db(transaction=True)
Status = Article.Status
Action = PublicationEvent.Action
# The action bar, its dialogs and the checks panel (the rest of the page is other parts' work).
OURS = [".desk-bar", "#desk-checks", "dialog[open]"]


def open_as_editor(new_page, server, article):
    staff("eddie", "Editor")
    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    return page


def message(page) -> str:
    return page.locator(".messagelist li").first.inner_text()


def test_publish_now_asks_first_then_says_where(live_server, new_page):
    article = passing_article(status=Status.REVIEW, published_at=None, slug="blue-field")
    page = open_as_editor(new_page, live_server.url, article)
    bar = page.get_by_role("region", name="Publishing", exact=True)
    assert "In review" in bar.inner_text()

    bar.get_by_role("button", name="Publish now…").click()
    dialog = page.get_by_role("dialog", name="Publish now?")
    assert dialog.is_visible()
    assert "/articles/blue-field/" in dialog.inner_text()
    assert accessibility_violations(page, within=OURS) == []
    dialog.get_by_role("button", name="Cancel").click()
    assert not dialog.is_visible()
    article.refresh_from_db()
    assert article.status == Status.REVIEW  # cancelled: nothing happened

    bar.get_by_role("button", name="Publish now…").click()
    dialog.get_by_role("button", name="Publish now", exact=True).click()
    page.wait_for_load_state()

    assert message(page) == "Published: now public at /articles/blue-field/"
    assert "Public since" in page.get_by_role("region", name="Publishing", exact=True).inner_text()
    article.refresh_from_db()
    assert article.is_published


@pytest.fixture
def far_away(browser):
    """Pages of a browser whose clock is in Auckland, half a day ahead of London."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, timezone_id="Pacific/Auckland"
    )
    context.set_default_timeout(15_000)
    yield context.new_page
    context.close()


def test_schedule_with_the_tomorrow_shortcut(live_server, far_away):
    """The shortcut counts in the site's zone, not the browser's."""
    article = passing_article(status=Status.REVIEW, published_at=None)
    page = open_as_editor(far_away, live_server.url, article)

    page.get_by_role("button", name="Schedule…").click()
    dialog = page.get_by_role("dialog", name="Schedule")
    assert settings.TIME_ZONE in dialog.inner_text()
    dialog.get_by_role("button", name="Tomorrow 09:00").click()
    assert "It will appear on" in dialog.inner_text()
    assert accessibility_violations(page, within=OURS) == []
    dialog.get_by_role("button", name="Schedule", exact=True).click()
    page.wait_for_load_state()

    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    tomorrow = timezone.localtime(timezone.now(), zone).date() + datetime.timedelta(days=1)
    nine = datetime.datetime.combine(tomorrow, datetime.time(9), zone)
    article.refresh_from_db()
    assert article.published_at == nine and article.is_scheduled
    said = message(page)
    assert said.startswith(f"Scheduled for {nine:%a} {nine.day} {nine:%b}, 09:00 ")
    assert "Scheduled for" in page.get_by_role("region", name="Publishing", exact=True).inner_text()
    assert page.get_by_role("button", name="Reschedule…").is_visible()


def test_a_blocking_check_refuses_and_a_warning_is_overridden_with_a_reason(live_server, new_page):
    article = passing_article(status=Status.REVIEW, published_at=None, title="Old title")
    figure = ArticleFigureFactory(article=article, credit="© The museum", caption="A caption")
    type(figure.artwork.primary_image).objects.update(alt_text="")
    article.tags.clear()
    page = open_as_editor(new_page, live_server.url, article)
    panel = page.get_by_role("region", name="Checks before publishing")
    assert "Blocking" in panel.locator("#desk-check-alt_text").inner_text()

    # A blocking problem: refused, the typed title still in the form, nothing saved.
    page.fill("#id_title", "New title")
    page.get_by_role("button", name="Publish now…").click()
    dialog = page.get_by_role("dialog", name="Publish now?")
    assert "Checks: 1 blocking, 1 warning." in dialog.inner_text()  # said before it is refused
    assert accessibility_violations(page, within=OURS) == []
    dialog.get_by_role("button", name="Publish now", exact=True).click()
    page.wait_for_load_state()
    assert (
        "Figure 1 has no alt text" in page.locator(".errornote + ul, .errorlist").first.inner_text()
    )
    assert page.input_value("#id_title") == "New title"
    article.refresh_from_db()
    assert (article.title, article.status) == ("Old title", Status.REVIEW)

    # Fixed (decorative), the tags warning remains: it goes ahead with a reason.
    # The figure is a card in the Figures tab, its fields folded under its head.
    page.get_by_role("tab", name="Figures").click()
    page.locator("#figures-0 summary").click()
    page.check("input[name='figures-0-decorative']")
    page.get_by_role("button", name="Publish now…").click()
    page.get_by_role("dialog").get_by_role("button", name="Publish now", exact=True).click()
    page.wait_for_load_state()
    tags = page.locator("#desk-check-tags")
    assert "Warning" in tags.inner_text()
    assert accessibility_violations(page, within=OURS) == []
    tags.get_by_label("Reason to go ahead anyway").fill("Tags come with the series page")
    page.get_by_role("button", name="Publish now…").click()
    page.get_by_role("dialog").get_by_role("button", name="Publish now", exact=True).click()
    page.wait_for_load_state()

    assert message(page).startswith("Published: now public at ")
    article.refresh_from_db()
    assert (article.title, article.is_published) == ("New title", True)
    event = article.publication_events.first()
    assert event.overrides == {"tags": "Tags come with the series page"}
    record = page.locator(".publishing-record").inner_text()
    assert "Warnings overridden: At least one tag (“Tags come with the series page”)" in record
