"""The body's figure nodes kept as in-body ArticleFigure rows (articles/body_figures/sync.py)."""

import pytest

from articles.models import ArticleFigure
from images.models import Image
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)

pytestmark = pytest.mark.django_db


def artwork_node(artwork, **attributes):
    extra = "".join(f' data-{name}="{value}"' for name, value in attributes.items())
    return f'<figure data-artwork="{artwork.pk}"{extra}></figure>'


def image_node(image, **attributes):
    attributes.setdefault("alt", "An upload")
    extra = "".join(f' data-{name}="{value}"' for name, value in attributes.items())
    return f'<figure data-image="{image.pk}"{extra}></figure>'


def body_rows(article):
    return list(ArticleFigure.objects.filter(article=article, in_body=True).order_by("position"))


def test_a_save_makes_one_row_per_node():
    """Artwork and image nodes, with their size, texts and positions."""
    artwork = ArtworkImageFactory().artwork
    upload = ImageFactory()
    article = ArticleFactory(
        body=f"<p>a</p>{artwork_node(artwork, size='wide', credit='© A')}<p>b</p>"
        f"{image_node(upload, alt='Studio', caption='Line 1&#10;Line 2')}"
    )
    first, second = body_rows(article)
    assert (first.artwork, first.position, first.size, first.credit) == (artwork, 0, "wide", "© A")
    assert (second.image, second.position, second.alt_text) == (upload, 1, "Studio")
    assert second.caption_lines() == ["Line 1", "Line 2"]
    assert article.ordered_figures() == []


def test_rows_follow_the_body_updated_in_place_and_deleted():
    one, two = ArtworkFactory(), ArtworkFactory()
    article = ArticleFactory(body=artwork_node(one) + artwork_node(two))
    first_pks = [row.pk for row in body_rows(article)]
    article.body = artwork_node(two, size="full")
    article.save()
    (row,) = body_rows(article)
    assert row.pk == first_pks[0]  # updated in place by position
    assert (row.artwork, row.size) == (two, "full")
    article.body = "<p>No figure now.</p>"
    article.save()
    assert body_rows(article) == []


def test_ordered_figures_are_never_touched():
    figure = ArticleFigureFactory()
    article = figure.article
    article.body = artwork_node(figure.artwork)
    article.save()
    article.body = "<p>none</p>"
    article.save()
    assert list(ArticleFigure.objects.filter(article=article)) == [figure]
    assert article.ordered_figures() == [figure]


def test_missing_artworks_and_images_get_no_row_but_keep_their_place():
    artwork = ArtworkFactory()
    article = ArticleFactory(
        body='<figure data-artwork="999999"></figure><figure data-image="999998"></figure>'
        + artwork_node(artwork)
    )
    (row,) = body_rows(article)
    assert (row.artwork, row.position) == (artwork, 2)


def test_an_artwork_image_of_another_artwork_falls_back_to_the_first():
    artwork = ArtworkImageFactory().artwork
    foreign = ArtworkImageFactory()
    article = ArticleFactory(body=artwork_node(artwork, **{"artwork-image": foreign.pk}))
    assert body_rows(article)[0].artwork_image is None
    own = ArtworkImageFactory(artwork=artwork)
    article.body = artwork_node(artwork, **{"artwork-image": own.pk})
    article.save()
    assert body_rows(article)[0].artwork_image == own


def test_another_uses_image_is_never_taken():
    """An artwork's picture, another article's figure or this article's ordered figure."""
    of_artwork = ArtworkImageFactory().image
    of_other_article = ArticleFigureFactory(artwork=None, image=ImageFactory()).image
    ordered = ArticleFigureFactory(artwork=None, image=ImageFactory())
    article = ordered.article
    article.body = "".join(image_node(i) for i in (of_artwork, of_other_article, ordered.image))
    article.save()
    assert body_rows(article) == []
    assert Image.objects.filter(pk__in=[of_artwork.pk, of_other_article.pk]).count() == 2


def test_an_image_node_twice_gets_one_row():
    upload = ImageFactory()
    article = ArticleFactory(body=image_node(upload) + image_node(upload))
    (row,) = body_rows(article)
    assert row.position == 0


def test_uploads_moved_between_positions_are_kept():
    """Swapping two uploaded images' nodes deletes neither picture."""
    a, b = ImageFactory(), ImageFactory()
    article = ArticleFactory(body=image_node(a) + "<p>x</p>" + image_node(b))
    article.body = image_node(b) + "<p>x</p>" + image_node(a)
    article.save()
    assert [row.image for row in body_rows(article)] == [b, a]
    assert Image.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_an_upload_removed_from_the_body_is_deleted():
    """The image belonged to its body row: the row goes, the image goes (images/uses.py)."""
    a, b = ImageFactory(), ImageFactory()
    article = ArticleFactory(body=image_node(a) + image_node(b))
    article.body = image_node(b)
    article.save()
    assert [row.image for row in body_rows(article)] == [b]
    assert not Image.objects.filter(pk=a.pk).exists()
    assert Image.objects.filter(pk=b.pk).exists()


def test_an_upload_replaced_by_an_artwork_is_deleted():
    upload, artwork = ImageFactory(), ArtworkFactory()
    article = ArticleFactory(body=image_node(upload))
    article.body = artwork_node(artwork)
    article.save()
    assert [row.artwork for row in body_rows(article)] == [artwork]
    assert not Image.objects.filter(pk=upload.pk).exists()


def test_saving_other_fields_leaves_rows_alone(django_assert_num_queries):
    """update_fields without the body, or a body with no node over one with none: no read."""
    artwork = ArtworkFactory()
    article = ArticleFactory(body=artwork_node(artwork))
    row = body_rows(article)[0]
    ArticleFigure.objects.filter(pk=row.pk).update(credit="kept")
    article.title = "New title"
    article.save(update_fields=["title"])
    assert body_rows(article)[0].credit == "kept"
    plain = ArticleFactory(body="<p>x</p>")
    plain = type(plain).objects.get(pk=plain.pk)
    plain.body = "<p>y</p>"
    with django_assert_num_queries(1):  # the article's UPDATE alone
        plain.save()


def test_a_shell_save_over_an_unchanged_body_writes_nothing():
    artwork = ArtworkFactory()
    article = ArticleFactory(body=artwork_node(artwork))
    row = body_rows(article)[0]
    article.save()
    assert body_rows(article)[0].pk == row.pk
