"""Property: whatever an editor types or pastes into an admin form, the form is saved or shown
again with its errors (never a 500, never half-saved), and what was saved is shown on the
public pages as text, never as markup."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from articles.models import Article, Section
from sitesettings.models import SiteSettings
from tests.hostile.browser_forms import as_a_browser_sends, posted, read_form
from tests.hostile.strategies import hostile_text
from tests.hostile.surfaces import problems_of
from tests.xss_checks import dangers

pytestmark = pytest.mark.django_db

ADD_FORMS = [
    "articles_article",
    "articles_section",
    "articles_author",
    "artists_artist",
    "artworks_artwork",
    "taggit_tag",
]


class _Rollback(Exception):
    pass


def in_a_rolled_back_transaction(check):
    cache.clear()
    try:
        with transaction.atomic():
            check()
            raise _Rollback
    except _Rollback:
        pass


def fill_and_post(client, url, typed: st.DataObject, **fixed):
    """Open the form at `url`, type generated text into every text box and a new tag into
    every tag picker, post it; return the response and what was posted."""
    values, free_text, tag_pickers = read_form(client.get(url).content.decode())
    for name in free_text:
        values[name] = [as_a_browser_sends(typed.draw(hostile_text(max_size=300), label=name))]
    for name in tag_pickers:
        tag = as_a_browser_sends(typed.draw(hostile_text(max_size=120, min_size=1), label=name))
        values[name] = [*values.get(name, []), f"new:{tag}"]
    values.update({name: [value] for name, value in fixed.items()})
    return client.post(url, posted(values)), values


def assert_saved_or_refused(response, model_name):
    """Saved (a redirect) or the form again with its errors, harmless."""
    assert response.status_code in {200, 302}, response.status_code
    if response.status_code == 200:
        assert dangers(response.content.decode()) == []
        errors = response.context["adminform"].form.errors
        inline_errors = [f.errors for i in response.context["inline_admin_formsets"] for f in i]
        assert errors or any(inline_errors), f"{model_name}: shown again without an error"


@pytest.mark.parametrize("model_name", ADD_FORMS)
@given(typed=st.data())
def test_any_text_in_any_add_form(admin_client, model_name, typed):
    """Each add form takes any text: saved or refused with a message, nothing half-saved."""

    def check():
        url = reverse(f"admin:{model_name}_add")
        before = Article.objects.count()
        response, _values = fill_and_post(admin_client, url, typed)
        assert_saved_or_refused(response, model_name)
        if response.status_code == 200:
            assert Article.objects.count() == before

    in_a_rolled_back_transaction(check)


@given(typed=st.data())
def test_a_published_article_typed_in_the_admin(admin_client, client, typed):
    """An article typed with any text and published shows on its page, in the feeds and in the
    sitemap as text."""

    def check():
        section = Section.objects.create(name="Reviews", slug="reviews")
        url = reverse("admin:articles_article_add")
        response, values = fill_and_post(
            admin_client, url, typed, section=str(section.pk), status="published", slug="typed"
        )
        event(f"article form answered {response.status_code}")
        assert_saved_or_refused(response, "articles_article")
        if response.status_code != 302:
            return
        article = Article.objects.get()
        urls = {
            "article": article.get_absolute_url(),
            "home": reverse("articles:home"),
            "rss": reverse("feeds:latest-rss"),
            "atom": reverse("feeds:latest-atom"),
            "sitemap": reverse("sitemap-section", kwargs={"section": "articles"}),
        }
        urls.update(
            {
                f"tag {tag.pk}": reverse("articles:tag-detail", args=[tag.slug])
                for tag in article.tags.all()
            }
        )
        assert problems_of(client, urls) == {}

    in_a_rolled_back_transaction(check)


@given(typed=st.data())
def test_any_text_in_the_site_settings(admin_client, client, typed):
    """The site's name, tagline and footer take any text; every page then still parses."""

    def check():
        site = SiteSettings.current()
        url = reverse("admin:sitesettings_sitesettings_change", args=[site.pk])
        response, _values = fill_and_post(admin_client, url, typed)
        assert_saved_or_refused(response, "sitesettings")
        urls = {"home": reverse("articles:home"), "rss": reverse("feeds:latest-rss")}
        assert problems_of(client, urls) == {}

    in_a_rolled_back_transaction(check)
