"""What the working-copy tests share: the addresses, and an autosave as the page's script posts
it (the form's fields, form-encoded, with the page's version and key)."""

from django.urls import reverse

from tests.adminforms import article_form_data


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def autosave_url(article=None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_add")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def discard_url(article) -> str:
    return reverse("admin:articles_article_autosave_discard", args=[article.pk])


def autosave(client, article, **fields):
    """Posts the article's form with `fields` changed, as opened at the article's version."""
    data = {
        **article_form_data(article),
        "csrfmiddlewaretoken": "ignored-by-the-test-client",
        "_working_copy_base": str(article.lock_version),
        **fields,
    }
    return client.post(autosave_url(article), data)
