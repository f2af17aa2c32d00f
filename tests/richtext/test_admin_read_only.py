"""Rich text in the admin's read-only views: rendered as sanitised HTML, never as its escaped
source, with the field's label kept; editable forms keep the editor."""

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import Permission
from django.urls import reverse

from adminsite.mixing import mixed_first
from articles.models import Article
from artists.models import Artist
from richtext.admin import RichTextReadOnlyAdmin
from tests.factories import ArticleFactory, ArtistFactory
from tests.staff import staff_in
from tests.xss_checks import dangers

pytestmark = pytest.mark.django_db

BODY = "<p>A <strong>blue</strong> field.</p><h2>Twelve canvases</h2>"


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_moderator_reads_the_body_rendered(client):
    """A moderator, who may only view articles, sees the body's paragraphs and headings."""
    article = ArticleFactory(body=BODY)
    staff_in(client, "Moderator")

    content = client.get(change_url(article)).content.decode()

    assert "<strong>blue</strong> field." in content
    assert "<h2>Twelve canvases</h2>" in content
    assert "&lt;p&gt;" not in content
    assert 'class="form-row field-body"' in content


def test_contributor_reads_a_published_article_rendered(client):
    """A contributor may not change a published article: its body is shown, not its source."""
    article = ArticleFactory(body=BODY, status=Article.Status.PUBLISHED)
    staff_in(client, "Contributor")

    response = client.get(change_url(article))

    assert response.status_code == 200
    assert "<strong>blue</strong> field." in response.content.decode()
    assert "&lt;strong&gt;" not in response.content.decode()
    assert "data-django-prose-editor-configurable" not in response.content.decode()


def test_read_only_body_is_sanitised_again(client):
    """HTML written around the field (an update(), raw SQL) is cleaned before it is shown."""
    article = ArticleFactory(body="<p>Fine</p>")
    Article.objects.filter(pk=article.pk).update(body='<p onclick="x()">Hi</p><script>x()</script>')
    staff_in(client, "Moderator")

    content = client.get(change_url(article)).content.decode()

    assert "<p>Hi</p>" in content
    assert "onclick" not in content
    assert "<script>x()" not in content


HOSTILE = [
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">link</a>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "</div></fieldset><script>alert(1)</script>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    '<p title="&quot;><script>alert(1)</script>">quoted</p>',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_html_written_around_the_field_is_harmless_when_shown(client, hostile):
    """mark_safe in richtext/admin.py shows the body as HTML: what it marks safe is always the
    sanitiser's output, so HTML that reached the row without it (an update(), raw SQL, an old
    dump) is shown without a script, an event handler, a javascript: address or a frame."""
    article = ArticleFactory(body="<p>Fine</p>")
    Article.objects.filter(pk=article.pk).update(body=f"<p>Before</p>{hostile}<p>After</p>")
    staff_in(client, "Moderator")

    response = client.get(change_url(article))

    assert response.status_code == 200
    assert dangers(response.content.decode()) == []
    assert "<p>Before</p>" in response.content.decode()  # the body is shown, not dropped


def test_editor_still_gets_the_editor(client):
    """Whoever may change the article gets the rich-text editor with the writing tools."""
    article = ArticleFactory(body=BODY, status=Article.Status.PUBLISHED)
    staff_in(client, "Editor")

    content = client.get(change_url(article)).content.decode()

    assert "data-django-prose-editor-configurable" in content
    assert "richtext/writing-tools.js" in content
    assert "&lt;strong&gt;blue" in content  # the textarea's value, escaped as it must be


def test_artist_bio_is_rendered_for_view_only_staff(client):
    """Every rich-text field gets it: the artist's bio for someone who may only view artists."""
    artist = ArtistFactory(bio="<p>Born in <em>Gotha</em>.</p>")
    user = staff_in(client, "Moderator")
    user.user_permissions.add(Permission.objects.get(codename="view_artist"))

    content = client.get(change_url(artist)).content.decode()

    assert "<p>Born in <em>Gotha</em>.</p>" in content
    assert "&lt;em&gt;" not in content


def test_admin_without_fieldsets_shows_the_rendered_field_once(rf):
    """Where an admin declares no fieldsets, the rendered field replaces the field, once."""
    artist = ArtistFactory(bio="<p>Born in <em>Gotha</em>.</p>")
    request = rf.get("/")
    request.user = staff_in(None, "Moderator")
    request.user.user_permissions.add(Permission.objects.get(codename="view_artist"))
    plain = mixed_first(RichTextReadOnlyAdmin, admin.ModelAdmin)(Artist, admin.site)

    fields = flatten_fieldsets(plain.get_fieldsets(request, artist))

    bio = [field for field in fields if callable(field)]
    assert [field.__name__ for field in bio] == ["bio"]
    assert "bio" not in fields
    assert str(bio[0](artist)) == "<p>Born in <em>Gotha</em>.</p>"
