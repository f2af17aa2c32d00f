"""An axe sweep of the whole admin, as a superuser: the home page, and for every model admin
registered on the site (read from the registry, so pages added later are swept too) its list,
its add form and one object's change form (a form in tabs, tab by tab), at a 1366x900 laptop
and tablet sizes. No axe violation of impact serious or critical; no list wider than a laptop's
or a tablet's screen."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.browser.desk.staff_pages import crowded_lists, log_in, superuser
from tests.browser.page_checks import accessibility_violations
from tests.test_admin_pages import MAKERS, VIEW_MAKERS

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {
    "laptop 1366x900": {"width": 1366, "height": 900},
    "tablet 1024x768": {"width": 1024, "height": 768},
    "tablet portrait 768x1024": {"width": 768, "height": 1024},
}

# How wide the page and the list's own box are against what they show: Django's admin lets a
# table scroll inside its box, which hides columns as surely as a page that scrolls.
OVERFLOW = """() => {
    const results = document.querySelector('#changelist-form .results');
    return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        list: results ? results.scrollWidth - results.clientWidth : 0,
    };
}"""


def admin_pages(user) -> list[tuple[str, str]]:
    """(kind, address) of every page to sweep, with a row of each model to show."""
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [("index", reverse("admin:index"))]
    for model, model_admin in admin.site._registry.items():
        obj = MAKERS[model._meta.label](user)
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(("list", reverse(f"{prefix}_changelist")))
        if model_admin.has_add_permission(request):
            pages.append(("add", reverse(f"{prefix}_add")))
        pages.append(("change", reverse(f"{prefix}_change", args=[obj.pk])))
    # The pages apps add beside their models' (admin.site.add_view: the moderators' dashboard),
    # with a figure to show.
    for name in admin.site._app_views:
        VIEW_MAKERS[name](user)
        pages.append(("view", reverse(f"admin:{name}")))
    return pages


def open_admin_page(page, url) -> None:
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    if page.locator("textarea[data-django-prose-editor-configurable]").count():
        # The rich-text editor builds itself after the page has loaded.
        page.locator(".writing-tools").first.wait_for()


def hidden_parts_violations(page) -> list[str]:
    """axe skips what is hidden: a form in tabs (the article's) is swept tab by tab, with its
    folded parts (a figure card's details) opened."""
    violations = []
    hidden_tabs = page.eval_on_selector_all(
        "[role=tab]:not([aria-selected=true])", "(tabs) => tabs.map((tab) => tab.id)"
    )
    for tab in hidden_tabs:
        page.locator(f"#{tab}").click()
        page.evaluate(
            "() => document.querySelectorAll('[role=tabpanel]:not([hidden]) details')"
            ".forEach((details) => { details.open = true; })"
        )
        violations += accessibility_violations(page)
    return violations


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_admin_page_is_accessible(live_server, new_page, viewport):
    """axe finds nothing serious or critical on any admin page at this size."""
    user = superuser()
    crowded_lists(user)
    pages = admin_pages(user)
    page = new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    log_in(page, live_server.url, user)

    violations = []
    for _kind, path in pages:
        open_admin_page(page, live_server.url + path)
        violations += accessibility_violations(page)
        violations += hidden_parts_violations(page)

    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("viewport", ["laptop 1366x900", "tablet 1024x768"])
def test_every_admin_list_fits_the_screen(live_server, new_page, viewport):
    """No list scrolls sideways on a 1366px laptop or a 1024px tablet (where the navigation
    starts closed), with long headlines, names and reasons in it. (A 768px portrait tablet
    scrolls the moderation queue's ten columns inside the table.)"""
    user = superuser()
    crowded_lists(user)
    pages = admin_pages(user)
    page = new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    log_in(page, live_server.url, user)

    overflowing = {}
    for kind, path in pages:
        if kind == "list":
            open_admin_page(page, live_server.url + path)
            overflow = page.evaluate(OVERFLOW)
            if overflow["page"] > 0 or overflow["list"] > 0:
                overflowing[path] = overflow

    assert overflowing == {}
    # The moderation queue's decisions are on the right: they are on the screen.
    page.goto(live_server.url + reverse("admin:recommendations_relatedlink_changelist"))
    for column in ("status", "position"):
        header = page.locator(f"#result_list thead th.column-{column}").bounding_box()
        assert header["x"] + header["width"] <= VIEWPORTS[viewport]["width"]
        assert page.locator(f"#result_list .field-{column}").first.is_visible()
