"""In Chromium, the Content Security Policy blocks nothing our pages need: no violation on the
home page, an article, the admin login and the admin's article form (editor and tags used)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

PASSWORD = "a-password-for-the-csp-test-1"
# Runs before any of the page's own scripts, outside the policy's reach (Playwright injects it).
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""


def watched(new_page):
    """A page that records every CSP violation: events in the page, and console messages."""
    page = new_page()
    page.add_init_script(LISTEN)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page, console


def violations(page, console) -> list[str]:
    page.wait_for_load_state("networkidle")
    return [*page.evaluate("window.__cspViolations"), *console]


def test_public_pages_have_no_csp_violation(live_server, new_page):
    article = ArticleFactory(title="Never Sorry", tags=["photography"])
    ArticleFigureFactory(article=article)
    article.featured_artists.add(ArtistFactory())
    page, console = watched(new_page)
    found = []
    for url in (reverse("articles:home"), article.get_absolute_url()):
        response = page.goto(f"{live_server.url}{url}")
        assert "'nonce-" in response.headers["content-security-policy"]
        found += violations(page, console)
    assert found == []


def test_admin_login_and_article_form_have_no_csp_violation(live_server, new_page):
    user = User(username="editor", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    article = ArticleFactory(title="Never Sorry", tags=["photography"])
    ArticleFigureFactory(article=article)
    page, console = watched(new_page)

    page.goto(f"{live_server.url}{reverse('admin:login')}")
    found = violations(page, console)
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    change = reverse("admin:articles_article_change", args=[article.pk])
    page.goto(f"{live_server.url}{change}")
    page.locator("[contenteditable=true].ProseMirror").click()
    page.keyboard.type(" More words.")
    page.get_by_role("tab", name="Related").click()
    page.locator(".select2-selection--multiple").first.click()
    page.keyboard.type("pho")
    page.wait_for_selector(".select2-results__option")
    found += violations(page, console)

    assert page.locator("[contenteditable=true].ProseMirror").count() == 1, "the editor ran"
    assert found == []
