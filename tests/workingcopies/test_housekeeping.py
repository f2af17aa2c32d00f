"""Working copies nobody came back to are removed after WORKING_COPY_DAYS: on every write, and
by `manage.py expire_working_copies`."""

import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory
from tests.staff import staff_in
from workingcopies import services
from workingcopies.models import WorkingCopy

pytestmark = pytest.mark.django_db


def store(user, article, title):
    return services.working_copy_store(
        user=user,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        data={"title": [title]},
        based_on=str(article.lock_version),
    )


def test_old_copies_go_when_another_is_written(settings):
    settings.WORKING_COPY_DAYS = 7
    editor = staff_in(None, "Editor")
    old, recent = ArticleFactory(), ArticleFactory()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=8)):
        store(editor, old, "Forgotten")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=6)):
        store(editor, recent, "Still wanted")
    store(editor, ArticleFactory(), "Today")
    assert sorted(copy.data["title"][0] for copy in WorkingCopy.objects.all()) == [
        "Still wanted",
        "Today",
    ]


def test_the_command_removes_old_copies(settings, capsys):
    settings.WORKING_COPY_DAYS = 7
    editor = staff_in(None, "Editor")
    kind = ContentType.objects.get_for_model(Article)
    for title, days in [("Forgotten", 8), ("Recent", 6)]:
        WorkingCopy.objects.create(
            user=editor,
            content_type=kind,
            object_id=str(ArticleFactory().pk),
            data={"title": [title]},
            saved_at=timezone.now() - datetime.timedelta(days=days),
        )
    call_command("expire_working_copies")
    assert "1 working copies removed." in capsys.readouterr().out
    assert [copy.data["title"] for copy in WorkingCopy.objects.all()] == [["Recent"]]


def test_one_copy_per_user_and_article():
    """Each user has their own; a second write replaces the first."""
    ana, ben = staff_in(None, "Editor", username="ana"), staff_in(None, "Editor", username="ben")
    article = ArticleFactory()
    store(ana, article, "Ana 1")
    store(ana, article, "Ana 2")
    store(ben, article, "Ben 1")
    assert sorted(copy.data["title"][0] for copy in WorkingCopy.objects.all()) == [
        "Ana 2",
        "Ben 1",
    ]


def test_a_user_deleted_takes_their_copies():
    editor = staff_in(None, "Editor")
    store(editor, ArticleFactory(), "Typed")
    editor.delete()
    assert not WorkingCopy.objects.exists()


def test_deleting_an_article_in_the_admin_takes_its_copies(client):
    """Everyone's: there is nothing left to restore them into."""
    editor = staff_in(client, "Editor", username="eddie")
    ana = staff_in(None, "Editor", username="ana")
    article, other = ArticleFactory(draft=True), ArticleFactory(draft=True)
    store(editor, article, "Eddie's")
    store(ana, article, "Ana's")
    store(editor, other, "Kept")
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert [copy.data["title"] for copy in WorkingCopy.objects.all()] == [["Kept"]]


def test_deleting_articles_in_bulk_takes_their_copies(client):
    editor = staff_in(client, "Editor", username="eddie")
    first, second = ArticleFactory(draft=True), ArticleFactory(draft=True)
    store(editor, first, "First")
    store(editor, second, "Second")
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not WorkingCopy.objects.exists()
