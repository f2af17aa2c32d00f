"""Nothing typed is lost, in Chromium: an editor types in an article, the form keeps it as a
working copy, the tab is closed without saving; on the next visit the form offers it back,
Restore puts it in the form, Save keeps it and ends the copy. When someone else saved in between,
the offer says who and shows what differs before anything is restored."""

import re

import pytest

from articles import services
from articles.models import Article
from tests.browser.logins import log_in, staff
from tests.browser.page_checks import AXE_JS, BLOCKING_IMPACTS, require
from tests.factories import ArticleFactory, SectionFactory
from workingcopies.models import WorkingCopy

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = re.compile(r"Saved as a working copy at \d\d:\d\d")


def save_draft(page):
    """A real save: the action bar's "Save draft" (articles/admin_publish.py), which keeps the
    article where it stands and comes back to its form, saying so."""
    bar = page.get_by_role("region", name="Publishing", exact=True)
    bar.get_by_role("button", name="Save draft", exact=True).click()
    page.locator(".messagelist").get_by_text("Draft saved.", exact=True).wait_for()


def offer_violations(page) -> list[str]:
    """axe-core's serious and critical violations in the offer (the rest of the admin page is
    the accessibility sweep's: tests/browser/desk/test_writing.py)."""
    require(AXE_JS, "axe-core")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run('#working-copy')")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def type_and_leave(new_page, server, article):
    """Eddie types a title and a sentence of body, waits for the working copy, and closes the
    tab (its whole browser context) without saving."""
    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title", "A Title Typed, Never Saved")
    page.locator("[contenteditable=true].ProseMirror").click()
    page.keyboard.press("End")
    page.keyboard.type(" A sentence typed into the body.")
    status = page.locator("[data-working-copy-status]")
    status.filter(has_text=SAVED).wait_for(timeout=20_000)
    assert status.get_attribute("aria-live") == "polite"

    # Leaving now asks first: the changes are not saved for real.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    page.context.close()


def test_type_close_the_tab_restore_and_save(live_server, new_page):
    server = live_server.url
    section = SectionFactory(name="Reviews")
    staff("eddie", "Editor")
    article = ArticleFactory(
        draft=True, title="The Saved Title", section=section, body="<p>Saved body.</p>"
    )

    type_and_leave(new_page, server, article)
    article.refresh_from_db()
    assert article.title == "The Saved Title"  # the article itself is untouched

    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    offer = page.get_by_role("heading", name=re.compile("Restore your unsaved changes from"))
    assert offer.is_visible()
    assert page.input_value("#id_title") == "The Saved Title"

    with page.expect_navigation():  # the restored form, not the page before the click
        page.get_by_role("link", name="Restore").click()
    assert page.input_value("#id_title") == "A Title Typed, Never Saved"
    body = page.locator("[contenteditable=true].ProseMirror")
    assert "A sentence typed into the body." in body.inner_text()

    # A real save: no question on leaving, the article saved, the copy gone.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    save_draft(page)
    page.wait_for_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    assert dialogs == []
    article.refresh_from_db()
    assert article.title == "A Title Typed, Never Saved"
    assert "A sentence typed into the body." in article.body
    assert not WorkingCopy.objects.exists()
    assert not page.get_by_role("heading", name=re.compile("Restore your unsaved")).count()


def test_discard(live_server, new_page):
    server = live_server.url
    staff("eddie", "Editor")
    article = ArticleFactory(draft=True, title="The Saved Title")
    type_and_leave(new_page, server, article)

    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Discard").click()
    page.get_by_text("Your unsaved changes were discarded.").wait_for()
    assert page.input_value("#id_title") == "The Saved Title"
    assert not WorkingCopy.objects.exists()


def test_someone_else_saved_in_between(live_server, new_page):
    server = live_server.url
    staff("eddie", "Editor")
    ana = staff("ana", "Editor")
    article = ArticleFactory(draft=True, title="The Saved Title", standfirst="First words.")
    type_and_leave(new_page, server, article)

    article.refresh_from_db()
    article.standfirst = "Ana's better standfirst."
    services.article_save(article=article, user=ana)

    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    assert page.get_by_text(re.compile(r"ana saved this article at .*after your unsaved")).count()
    table = page.locator("table.working-copy-differences")
    rows = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts()
        for row in table.locator("tbody tr").all()
    }
    assert rows["Title"] == ["The Saved Title", "A Title Typed, Never Saved"]
    assert rows["Standfirst"] == ["Ana's better standfirst.", "First words."]
    assert "Body" in rows
    assert offer_violations(page) == []

    # Restored and saved: not refused as stale; what Eddie saves is what he saw in the form.
    page.get_by_role("link", name="Restore").click()
    # Waits for the restored page itself: wait_for_load_state() could return at once, with the
    # page before the click still loaded, and count() does not wait (a flake under load).
    page.get_by_text(re.compile("are in the form below")).wait_for()
    assert offer_violations(page) == []
    page.fill("#id_standfirst", "Ana's better standfirst.")
    save_draft(page)
    page.wait_for_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    assert "after you opened it" not in page.content()
    article = Article.objects.get(pk=article.pk)
    assert (article.title, article.standfirst) == (
        "A Title Typed, Never Saved",
        "Ana's better standfirst.",
    )


def test_an_ended_session_loses_nothing(live_server, new_page):
    """The session ends while Eddie types: the page says so and keeps trying; once he has
    logged in again in another tab, the working copy is saved, and so is the form."""
    server = live_server.url
    staff("eddie", "Editor")
    article = ArticleFactory(draft=True, title="The Saved Title")
    page = new_page()
    log_in(page, server, "eddie")
    page.goto(f"{server}/admin/articles/article/{article.pk}/change/")
    page.context.clear_cookies(name="sessionid")

    page.fill("#id_title", "Typed After the Session Ended")
    status = page.locator("[data-working-copy-status]")
    status.filter(has_text="your session has ended").wait_for(timeout=20_000)
    assert not WorkingCopy.objects.exists()

    other_tab = page.context.new_page()
    log_in(other_tab, server, "eddie")
    other_tab.close()
    status.filter(has_text=SAVED).wait_for(timeout=30_000)
    assert WorkingCopy.objects.get().data["title"] == ["Typed After the Session Ended"]

    save_draft(page)
    page.wait_for_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    article.refresh_from_db()
    assert article.title == "Typed After the Session Ended"
    assert not WorkingCopy.objects.exists()


def test_a_new_article_never_saved_comes_back(live_server, new_page):
    """A contributor starts an article, and the tab goes before its first save: the add form
    offers it back."""
    server = live_server.url
    SectionFactory(name="Reviews")
    staff("cora", "Contributor")
    page = new_page()
    log_in(page, server, "cora")
    page.goto(f"{server}/admin/articles/article/add/")
    page.fill("#id_title", "Begun on the Train")
    page.select_option("#id_section", label="Reviews")
    page.locator("[contenteditable=true].ProseMirror").click()
    page.keyboard.type("The first paragraph, and no save yet.")
    page.locator("[data-working-copy-status]").filter(has_text=SAVED).wait_for(timeout=20_000)
    page.context.close()

    page = new_page()
    log_in(page, server, "cora")
    page.goto(f"{server}/admin/articles/article/add/")
    assert page.input_value("#id_title") == ""
    with page.expect_navigation():  # the restored form, not the page before the click
        page.get_by_role("link", name="Restore").click()
    assert page.input_value("#id_title") == "Begun on the Train"
    assert page.locator("#id_section option:checked").inner_text() == "Reviews"
    body = page.locator("[contenteditable=true].ProseMirror")
    assert "The first paragraph, and no save yet." in body.inner_text()

    save_draft(page)
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    article = Article.objects.get(title="Begun on the Train")
    assert "The first paragraph, and no save yet." in article.body
    assert not WorkingCopy.objects.exists()
