"""The article form's groups (articles/admin_groups.py): each fieldset says its group, each
tab the inlines it holds; the tabs stay hidden until the script runs, so that without it
every field shows."""

import html5lib
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ArticleFigureFactory

pytestmark = pytest.mark.django_db


def test_every_fieldset_and_inline_has_a_group_and_the_tabs_wait_for_the_script(admin_client):
    article = ArticleFactory()
    ArticleFigureFactory(article=article)
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    document = html5lib.parse(page.content.decode(), namespaceHTMLElements=False)
    form = document.find(".//form[@id='article_form']")

    groups = [
        next(name for name in fieldset.get("class").split() if name.startswith("desk-group-"))
        for fieldset in form.iter("fieldset")
        if "desk-group-" in fieldset.get("class", "")
    ]
    tablist = form.find(".//div[@role='tablist']")
    tabs = {tab.get("data-group"): tab.get("data-inlines") for tab in tablist.iter("button")}
    inlines = [div.get("id") for div in form.iter("div") if "inline-group" in div.get("class", "")]

    assert tablist.get("hidden") is not None  # shown by the script only
    assert groups == [
        "desk-group-content",
        "desk-group-content",  # the series and part
        "desk-group-publishing",
        "desk-group-related",
        "desk-group-search",
        "desk-group-record",
    ]
    assert list(tabs) == ["content", "figures", "publishing", "related", "search", "record"]
    held = {f"{prefix}-group" for value in tabs.values() for prefix in value.split()}
    assert {"article_authors-group", "figures-group", "links-group"} <= set(inlines) <= held
    assert tabs["figures"] == "figures"
