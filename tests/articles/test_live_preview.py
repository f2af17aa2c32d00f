"""The live preview beside the change form (articles/admin_preview.py): the public page of the
article as the unsaved form would make it, for those who may change it, and nothing written."""

import datetime
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, ArticleFigure, ArticleLink
from images.models import Image
from pagecache import versions
from sitesettings.models import SiteSettings
from tests.adminforms import article_form_data, browser_post_data, management_form
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
    png_upload,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

NONCE = re.compile(r' nonce="[^"]*"')


def preview_url(article=None):
    if article is None:
        return reverse("admin:articles_article_live_preview")
    return reverse("admin:articles_article_live_preview", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def editor(client):
    staff_in(client, "Editor")
    return client


def form_as_opened(client, article) -> dict[str, list[str]]:
    """What the browser posts from the change form as it was served (inlines included)."""
    return browser_post_data(client.get(change_url(article)), "article_form")


def full_article() -> Article:
    """A published article with every part its page shows, published at a time the form can
    hold (to the second: what is typed or picked)."""
    when = (timezone.now() - datetime.timedelta(days=2)).replace(microsecond=0)
    article = ArticleFactory(tags=["Weaving", "Bauhaus"], published_at=when)  # not A-Z
    ArticleAuthorFactory(article=article, author__name="Anni Albers")
    ArticleFigureFactory(article=article, position=0)
    ArticleFigureFactory(
        article=article, artwork=None, image=ImageFactory(), alt_text="A loom", position=1
    )
    ArticleLinkFactory(article=article, title="The archive")
    article.featured_artists.add(ArtistFactory())
    return Article.objects.get(pk=article.pk)


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_unchanged_form_previews_exactly_the_public_page(editor):
    """Byte for byte, head and body, apart from the nonces each response draws."""
    article = full_article()
    public = Client().get(article.get_absolute_url())
    assert public.status_code == 200

    preview = editor.post(preview_url(article), form_as_opened(editor, article))

    assert preview.status_code == 200
    assert preview["Content-Type"].startswith("text/html")
    assert "A loom" in main_of(preview.content.decode())  # the figures are there to compare
    assert NONCE.sub("", preview.content.decode()) == NONCE.sub("", public.content.decode())


def test_a_published_article_previews_its_public_main(editor):
    """Published by the services at a time to the microsecond, which the form holds to the
    second: only the head's machine-readable time differs (a save would store it so)."""
    article = ArticleFactory(tags=["Zinc", "Alum", "Madder"])
    public = NONCE.sub("", Client().get(article.get_absolute_url()).content.decode())

    preview = editor.post(preview_url(article), form_as_opened(editor, article))

    assert main_of(NONCE.sub("", preview.content.decode())) == main_of(public)


def test_preview_shows_the_unsaved_changes_and_writes_nothing(
    editor, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    article = full_article()
    artwork = ArtworkFactory(title="Study for a Wall Hanging")
    ArtworkImageFactory(artwork=artwork, alt_text="Bands of red and black")
    data = form_as_opened(editor, article)
    data.update(
        title=["Weaving at the Bauhaus, revised"],
        standfirst=["A new standfirst."],
        body=['<p>Fresh words.</p><script>alert("x")</script>'],
        tags=[*data["tags"], "new:Textiles"],
        **{
            "figures-TOTAL_FORMS": ["3"],
            "figures-2-artwork": [str(artwork.pk)],
            "figures-2-position": ["2"],
            "figures-2-focal_x": ["0.5"],
            "figures-2-focal_y": ["0.5"],
            "figures-0-caption": ["Anni Albers, Design for a Wall Hanging (1926)"],
            "figures-1-alt_text": ["A loom, threaded with red"],
            "links-TOTAL_FORMS": ["2"],
            "links-1-title": ["The new interview"],
            "links-1-url": ["https://example.org/interview"],
            "links-1-position": ["1"],
        },
    )
    public_before = cached_public_page(article)
    counter, rows_before = versions.change_count(), _row_counts()

    with django_capture_on_commit_callbacks() as callbacks:
        response = editor.post(preview_url(article), data)

    html = main_of(response.content.decode())
    assert response.status_code == 200
    assert "Weaving at the Bauhaus, revised" in html
    assert "A new standfirst." in html
    assert "<p>Fresh words.</p>" in html and "<script" not in html
    assert "Textiles" in html and "Bauhaus" in html
    assert "Bands of red and black" in html and "Study for a Wall Hanging" in html
    assert "Design for a Wall Hanging (1926)" in html
    assert 'alt="A loom, threaded with red"' in html
    assert 'href="https://example.org/interview"' in html and "The archive" in html
    # Nothing written, nothing queued, no page made stale, no revision.
    assert callbacks == []
    assert versions.change_count() == counter
    assert _row_counts() == rows_before
    stored = Article.objects.get(pk=article.pk)
    assert (stored.title, stored.lock_version) == (article.title, article.lock_version)
    public_after = Client().get(article.get_absolute_url())
    assert public_after["X-Page-Cache"] == "HIT"
    assert NONCE.sub("", public_after.content.decode()) == NONCE.sub(
        "", public_before.content.decode()
    )


def cached_public_page(article):
    """The article's public page once the page cache holds it."""
    for _attempt in range(3):
        response = Client().get(article.get_absolute_url())
        if response["X-Page-Cache"] == "HIT":
            return response
    raise AssertionError("the public page is not cached")


def _row_counts():
    return (
        Article.objects.count(),
        ArticleFigure.objects.count(),
        ArticleLink.objects.count(),
        Image.objects.count(),
        Tag.objects.count(),
        Version.objects.count(),
    )


def test_preview_runs_no_write_query(editor):
    """Every statement is a read (savepoints aside): no row is locked into being written."""
    article = full_article()
    SiteSettings.current()  # made on first use, by any page
    data = form_as_opened(editor, article)
    data["title"] = ["Changed"]
    with CaptureQueriesContext(connection) as queries:
        assert editor.post(preview_url(article), data).status_code == 200
    written = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}
    ]
    assert written == []


def test_invalid_input_is_a_short_list_of_what_to_fix(editor):
    article = ArticleFactory()
    data = article_form_data(article, title="", published_at_0="2026-13-45")

    response = editor.post(preview_url(article), data)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "Title: This field is required." in errors
    assert any(line.startswith("Publication time: ") for line in errors)


def test_invalid_figure_is_named(editor):
    article = ArticleFactory()
    data = article_form_data(
        article,
        **{**management_form("figures", total=1), "figures-0-position": "0"},
        **{"figures-0-focal_x": "0.5", "figures-0-focal_y": "0.5", "figures-0-alt_text": "x"},
    )
    response = editor.post(preview_url(article), data)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        "Figure 1: Choose an artwork or upload a standalone image (one of the two)."
    ]


def test_a_stale_form_still_previews_with_a_note(editor):
    """Someone saved since the form was opened: the save will be refused, the preview is not."""
    article = ArticleFactory()
    data = article_form_data(article, title="My version")
    Article.objects.filter(pk=article.pk).update(lock_version=99)

    response = editor.post(preview_url(article), data)

    assert response.status_code == 200
    assert "My version" in response.content.decode()
    assert "Someone saved this article after you opened it" in response["X-Preview-Notes"]


def test_a_new_upload_waits_for_the_save(editor, settings):
    """Not stored, not shown: no file is written by a preview."""
    article = ArticleFactory()
    data = article_form_data(
        article,
        **management_form("figures", total=1),
        **{
            "figures-0-position": "0",
            "figures-0-image": png_upload(),
            "figures-0-alt_text": "A new photograph",
            "figures-0-focal_x": "0.5",
            "figures-0-focal_y": "0.5",
        },
    )
    rows_before = _row_counts()

    response = editor.post(preview_url(article), data)

    assert response.status_code == 200
    assert "A new photograph" not in response.content.decode()
    assert "1 new upload(s) will show once the article is saved." in response["X-Preview-Notes"]
    assert _row_counts() == rows_before
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []


def test_a_new_article_previews_before_its_first_save(client):
    staff_in(client, "Contributor")
    data = article_form_data(None, title="A first draft", body="<p>Begun.</p>", slug="")

    response = client.post(preview_url(), data)

    assert response.status_code == 200
    html = main_of(response.content.decode())
    assert "A first draft" in html and "<p>Begun.</p>" in html
    assert not Article.objects.exists()
    assert '<link rel="canonical" href="http://testserver/articles/a-first-draft/">' in (
        response.content.decode()
    )


def test_framed_by_the_admin_only_never_cached_nor_indexed(editor):
    article = ArticleFactory()
    response = editor.post(preview_url(article), article_form_data(article))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Other admin pages keep refusing every frame.
    other = editor.get(change_url(article))
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"]
    assert other["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("role", ["Contributor", "Moderator"])
def test_only_those_who_may_change_the_article_preview_it(client, role):
    """A contributor may not change a published article, a moderator no article."""
    staff_in(client, role)
    article = ArticleFactory()
    response = client.post(preview_url(article), article_form_data(article, title="Mine"))
    assert response.status_code == 403


def test_anonymous_is_sent_to_log_in_and_get_is_refused(client, editor):
    article = ArticleFactory()
    response = Client().post(preview_url(article), article_form_data(article))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert editor.get(preview_url(article)).status_code == 405


def test_csrf_is_required(editor):
    article = ArticleFactory()
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(staff_in(None, "Editor", username="other-editor"))
    response = checked.post(preview_url(article), article_form_data(article))
    assert response.status_code == 403


def test_the_change_form_has_the_panel_for_editors_not_for_readers_only(client, editor):
    article = ArticleFactory()
    page = editor.get(change_url(article)).content.decode()
    assert f'data-url="{preview_url(article)}"' in page
    assert "articles/live-preview.js" in page
    moderator = Client()
    staff_in(moderator, "Moderator")
    page = moderator.get(change_url(article)).content.decode()
    assert 'id="live-preview"' not in page and "live-preview.js" not in page
    # The list has no form to preview.
    listing = editor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "live-preview.js" not in listing


def test_a_form_without_its_inline_counts_is_refused_not_a_500(editor):
    article = ArticleFactory()
    data = {k: v for k, v in article_form_data(article).items() if not k.startswith("figures-")}
    response = editor.post(preview_url(article), data)
    assert response.status_code == 422
    assert any("ManagementForm data is missing" in line for line in response.json()["errors"])


def test_an_article_that_is_gone_is_a_404(editor):
    article = ArticleFactory()
    data = article_form_data(article)
    gone = reverse("admin:articles_article_live_preview", args=[article.pk + 1000])
    assert editor.post(gone, data).status_code == 404
    assert editor.post(gone.replace(f"/{article.pk + 1000}/", "/x%00y/"), data).status_code in {
        400,
        404,
    }


def test_query_budget(editor):
    """A fixed cost, and per figure only what validating its row costs (as saving it does):
    the page's pictures and captions are loaded together, as for_detail() loads them."""
    article = full_article()
    data = form_as_opened(editor, article)
    with CaptureQueriesContext(connection) as two_figures:
        editor.post(preview_url(article), data)
    for position in range(2, 6):
        ArticleFigureFactory(article=article, position=position)
    data = form_as_opened(editor, article)
    with CaptureQueriesContext(connection) as six_figures:
        editor.post(preview_url(article), data)
    # 51: the article is read with its featured exhibitions and their venues (one query, as
    # ArticleAdmin.get_object reads them for the change form).
    assert len(two_figures) <= 51
    assert len(six_figures) - len(two_figures) <= 4 * 5
