"""Property: whatever an editor types or pastes, the autosave keeps it or refuses it with a
reason (never a 500), and the offer, its differences and the restored form show it as text."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import ArticleFactory
from tests.hostile.browser_forms import as_a_browser_sends, posted, read_form
from tests.hostile.strategies import hostile_text
from tests.hostile.test_admin_forms import in_a_rolled_back_transaction
from tests.staff import staff_in
from tests.xss_checks import dangers

pytestmark = pytest.mark.django_db


@given(typed=st.data())
def test_any_text_is_kept_offered_and_restored_as_text(client, typed):
    def check():
        staff_in(client, "Editor", username="eddie")
        article = ArticleFactory(draft=True)
        url = reverse("admin:articles_article_change", args=[article.pk])
        values, free_text, _tag_pickers = read_form(client.get(url).content.decode())
        for name in free_text:
            text = typed.draw(hostile_text(max_size=200), label=name)
            values[name] = [as_a_browser_sends(text)]
        autosave = reverse("admin:articles_article_autosave", args=[article.pk])
        response = client.post(autosave, posted(values))
        assert response.status_code in {200, 400}, response.status_code
        if response.status_code == 400:
            assert response.json()["error"]
            return
        # The offer (with the differences: the copy is based on an older version) and the
        # restored form: pages, and harmless ones.
        article.save()
        for page in (url, f"{url}?_working_copy=restore"):
            shown = client.get(page)
            assert shown.status_code == 200
            assert dangers(shown.content.decode()) == []

    in_a_rolled_back_transaction(check)
