"""What a reader's browser downloads: a phone gets small WebP renditions, a desktop larger ones,
neither the original; pictures below the fold wait until they are scrolled to."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)
from tests.images.samples import photo_like, save

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]


@pytest.fixture
def article(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the live server reads the same settings
    long_body = "".join(
        f"<p>Paragraph {n} of a long review, {'words ' * 80}</p>" for n in range(40)
    )
    article = ArticleFactory(title="Pictures at an Exhibition", body=long_body)
    photo = save(photo_like((2400, 1600)), "JPEG", quality=85)
    for position in range(4):
        artwork = ArtworkFactory()
        image = ArtworkImageFactory(artwork=artwork, image__file=ContentFile(photo, "photo.jpg"))
        image.image.refresh_from_db()
        assert image.image.picture().has_renditions
        ArticleFigureFactory(article=article, artwork=artwork, position=position)
    return article


def images_downloaded(new_page, server, path, width):
    page = new_page()
    page.set_viewport_size({"width": width, "height": 800})
    requested = []
    page.on(
        "request",
        lambda request: request.resource_type == "image" and requested.append(request.url),
    )
    page.goto(f"{server}{path}")
    page.wait_for_load_state("networkidle")
    return page, requested


def test_a_phone_downloads_small_webp_renditions_only(live_server, new_page, article):
    page, requested = images_downloaded(new_page, live_server.url, article.get_absolute_url(), 390)

    assert requested, "the lead picture is loaded at once"
    assert all("/renditions/" in url and url.endswith(".webp") for url in requested), requested
    assert all(url.endswith(("w480.webp", "w960.webp")) for url in requested), requested
    assert len(requested) == 1  # the figures after the long text wait until scrolled to
    page.mouse.wheel(0, 100_000)
    page.wait_for_load_state("networkidle")
    # A function, not an expression: Playwright would eval() an expression in the page, which
    # the Content Security Policy forbids.
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    assert len(requested) == 4


def test_a_desktop_downloads_larger_renditions(live_server, new_page, article):
    page, requested = images_downloaded(new_page, live_server.url, article.get_absolute_url(), 1366)

    assert requested and all("/renditions/" in url for url in requested), requested
    assert any(url.endswith(("w960.webp", "w1600.webp")) for url in requested), requested
    boxes = page.eval_on_selector_all(
        ".article img", "images => images.map(i => [i.naturalWidth > 0 || !i.complete, i.width])"
    )
    assert boxes and all(box[1] > 0 for box in boxes)  # width and height reserve the space
