"""Property: whatever an editor types into the article form, the live preview answers with the
public page, showing it as text, or with a list of what to fix; never a 500, and nothing is
written."""

import pytest
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from articles.models import Article
from tests.factories import ArticleFactory
from tests.hostile.browser_forms import as_a_browser_sends, posted, read_form
from tests.hostile.strategies import hostile_text
from tests.hostile.surfaces import problems_in_response
from tests.hostile.test_admin_forms import in_a_rolled_back_transaction

pytestmark = pytest.mark.django_db


@given(typed=st.data())
def test_any_text_typed_previews_as_text(admin_client, typed):
    def check():
        article = ArticleFactory(title="As saved", tags=["Kept"])
        page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
        values, free_text, tag_pickers = read_form(page.content.decode())
        for name in free_text:
            if name.startswith("published_at") or name == "slug":
                continue  # refused before anything is shown (tests/articles/test_live_preview.py)
            text = typed.draw(hostile_text(max_size=250), label=name)
            # A title, to see the page more often than the "required" refusal.
            values[name] = [as_a_browser_sends(("A " if name == "title" else "") + text)]
        for name in tag_pickers:
            tag = as_a_browser_sends(typed.draw(hostile_text(max_size=90), label=name))
            values[name] = [*values.get(name, []), f"new:t{tag}"]

        url = reverse("admin:articles_article_live_preview", args=[article.pk])
        response = admin_client.post(url, posted(values))

        event(f"live preview answered {response.status_code}")
        assert response.status_code in {200, 422}, response.status_code
        if response.status_code == 200:
            assert problems_in_response(response) == []
        else:
            errors = response.json()["errors"]
            assert errors and all(isinstance(line, str) for line in errors)
        stored = Article.objects.get(pk=article.pk)
        assert (stored.title, stored.lock_version) == ("As saved", article.lock_version)
        assert [tag.name for tag in stored.tags.all()] == ["Kept"]

    in_a_rolled_back_transaction(check)
