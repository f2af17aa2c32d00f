"""The whole editorial flow in the real admin, in Chromium: a contributor writes a draft with a
figure and submits it; an editor previews it, schedules it two minutes ahead, and readers see
it at that time (the clock is moved, not waited for)."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from PIL import Image

from articles.models import Article, PublicationEvent
from tests.browser.logins import log_in, staff
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "A Field of Blue"


def picture(tmp_path):
    path = tmp_path / "blue-field.png"
    Image.new("RGB", (240, 160), "royalblue").save(path)
    return path


def test_contributor_drafts_editor_previews_and_schedules(
    live_server, new_page, tmp_path, settings
):
    server = live_server.url
    # The flow, not the pre-publish checks (tests/browser/desk/test_publish.py): their warnings
    # (no byline, no tag, a short standfirst, no credit) are off here.
    settings.PREPUBLISH_CHECKS = {
        check: {"contributor": "off", "editor": "off"}
        for check in ("credit", "byline", "tags", "standfirst_length")
    }
    SectionFactory(name="Reviews", slug="reviews")
    staff("cora", "Contributor")
    editor = staff("eddie", "Editor")

    # A contributor writes a draft with a figure and submits it for review.
    contributor = new_page()
    log_in(contributor, server, "cora")
    contributor.goto(f"{server}/admin/articles/article/add/")
    bar = contributor.get_by_role("region", name="Publishing", exact=True)
    assert bar.get_by_role("button").all_inner_texts() == ["Save draft", "Submit for review"]
    contributor.fill("#id_title", TITLE)
    contributor.select_option("#id_section", label="Reviews")
    contributor.fill("#id_standfirst", "Ai Weiwei paints the sky.")
    contributor.locator("[contenteditable=true].ProseMirror").click()
    contributor.keyboard.type("Twelve canvases of a single blue.")
    contributor.get_by_role("tab", name="Figures").click()
    contributor.locator("#figures-group .add-row a").click()
    contributor.locator("#figures-0").get_by_label("an uploaded image").check()
    contributor.set_input_files("input[name='figures-0-image']", picture(tmp_path))
    contributor.fill("input[name='figures-0-alt_text']", "A canvas painted evenly blue")
    contributor.fill("textarea[name='figures-0-caption']", "Ai Weiwei, Blue Field (2024)")
    bar.get_by_role("button", name="Submit for review").click()
    contributor.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW
    assert article.figures.count() == 1

    # An editor finds it in review and previews it; the link works without an account.
    desk = new_page()
    log_in(desk, server, "eddie")
    desk.goto(f"{server}/admin/articles/article/?status__exact=review")
    desk.get_by_role("link", name=TITLE).click()
    desk.get_by_role("tab", name="Publishing").click()
    with desk.expect_popup() as popup:
        desk.get_by_role("link", name="Preview").click()
    preview = popup.value
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == TITLE
    assert preview.locator("meta[name=robots]").get_attribute("content") == "noindex, nofollow"
    assert "Blue Field (2024)" in preview.locator("figure").first.inner_text()
    reader = new_page()
    assert reader.goto(preview.url).status == 200

    # The editor schedules it two minutes ahead, in the site's time zone.
    go_live = (timezone.localtime() + datetime.timedelta(minutes=2)).replace(
        second=0, microsecond=0
    )
    desk.get_by_role("button", name="Schedule…").click()
    desk.fill("#desk-schedule-date", go_live.strftime("%Y-%m-%d"))
    desk.fill("#desk-schedule-time", go_live.strftime("%H:%M"))
    desk.get_by_role("dialog").get_by_role("button", name="Schedule", exact=True).click()
    desk.wait_for_load_state()
    assert "Scheduled: appears on" in desk.content()
    assert "Scheduled by eddie" in desk.content()
    event = PublicationEvent.objects.get(action=PublicationEvent.Action.SCHEDULED)
    assert (event.by, event.publication_time) == (editor, go_live)

    # Readers see nothing until that minute, then the article on its page and the home page.
    article_url = f"{server}/articles/{article.slug}/"
    assert reader.goto(article_url).status == 404
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=True):
        assert reader.goto(article_url).status == 200
        assert reader.locator("h1").inner_text() == TITLE
        reader.goto(f"{server}/")
        assert TITLE in reader.content()


def test_contributor_cannot_publish_by_editing_the_form(live_server, new_page):
    """Adding a "published" option to the select in the page itself is refused on save."""
    server = live_server.url
    SectionFactory(name="Reviews", slug="reviews")
    staff("cora", "Contributor")
    page = new_page()
    log_in(page, server, "cora")
    page.goto(f"{server}/admin/articles/article/add/")
    page.fill("#id_title", "Sneaky")
    page.select_option("#id_section", label="Reviews")
    # The status is a hidden field now that the action bar moves articles: set it by hand.
    page.eval_on_selector("#id_status", "input => { input.value = 'published'; }")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()

    assert "You may not publish" in page.content()
    assert not Article.objects.filter(title="Sneaky").exists()
