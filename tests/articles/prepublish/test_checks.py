"""Each pre-publish check (articles/prepublish/) finds what it is for, and names what to fix."""

import pytest

from articles import prepublish
from articles.models import ArticleFigure
from artworks.models import ArtworkImage
from tests.checks import passing_article
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return staff_in(None, "Editor")


def problems(article, user, check_id) -> list[str]:
    [result] = [r for r in prepublish.run(article, user=user).results if r.id == check_id]
    return list(result.problems)


def upload_figure(article, **fields) -> ArticleFigure:
    fields.setdefault("credit", "© The photographer")
    fields.setdefault("caption", "A caption")
    return ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), **fields)


def test_a_complete_article_passes_every_check(editor):
    article = passing_article(title="A headline of its own")
    report = prepublish.run(article, user=editor)

    assert {r.id: r.state for r in report.results} == {
        check.id: "pass" for check in prepublish.registered()
    }
    assert not report.stopping


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        ("", "Figure 1 has no alt text: describe the picture, or tick “decorative”."),
        ("IMG_0042.jpg", "Figure 1: alt text “IMG_0042.jpg” is a file name: describe the picture."),
        ("DSC01234", "Figure 1: alt text “DSC01234” is a file name: describe the picture."),
        ("photo", "Figure 1: alt text “photo” says nothing of the picture: describe it."),
        ("  Image ", "Figure 1: alt text “Image” says nothing of the picture: describe it."),
    ],
)
def test_alt_text_that_describes_nothing(editor, alt, expected):
    article = ArticleFactory()
    figure = upload_figure(article, alt_text="A red square on grey")
    ArticleFigure.objects.filter(pk=figure.pk).update(alt_text=alt)  # as an import may leave it

    assert problems(article, editor, "alt_text") == [expected]


def test_alt_text_that_is_the_uploads_own_name(editor):
    article = ArticleFactory()
    upload_figure(article, alt_text="Harbour at dawn")
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text="sea-view")
    image = ArticleFigure.objects.get(alt_text="sea-view").image
    type(image).objects.filter(pk=image.pk).update(original_name="sea-view.png")

    assert problems(article, editor, "alt_text") == [
        "Figure 2: alt text “sea-view” is a file name: describe the picture."
    ]


def test_a_decorative_picture_needs_no_alt_text(editor):
    article = ArticleFactory()
    upload_figure(article, alt_text="", decorative=True)

    assert problems(article, editor, "alt_text") == []


def test_an_artworks_image_lends_its_alt_text_and_credit(editor):
    article = ArticleFactory()
    figure = ArticleFigureFactory(article=article, credit="")
    ArtworkImage.objects.filter(artwork=figure.artwork).update(credit="Courtesy the artist")

    assert problems(article, editor, "alt_text") == []
    assert problems(article, editor, "credit") == []


def test_every_image_needs_a_credit_line(editor):
    article = ArticleFactory()
    upload_figure(article, alt_text="A red square on grey")
    upload_figure(article, alt_text="A blue circle", credit="")

    assert problems(article, editor, "credit") == [
        "Figure 2 has no credit line: add one to the figure or to the artwork's image."
    ]


def complete_artwork(**fields):
    values = {
        "title": "Dropping a Han Dynasty Urn",
        "date_display": "1995",
        "medium": "Three black and white photographs",
        "dimensions_display": "each 148 x 121cm",
        **fields,
    }
    artwork = ArtworkFactory(**values)
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"))
    ArtworkImageFactory(artwork=artwork, credit="Courtesy the artist")
    return artwork


def test_captions_complete_from_the_artwork(editor):
    article = ArticleFactory()
    ArticleFigureFactory(article=article, artwork=complete_artwork())
    ArticleFigureFactory(article=article, artwork=complete_artwork(date_display="", medium=""))

    assert problems(article, editor, "captions") == [
        "Figure 2: the caption lacks the date and medium: add them to the artwork "
        "“Dropping a Han Dynasty Urn”, or write a caption override."
    ]


def test_a_caption_override_is_a_deliberate_caption(editor):
    article = ArticleFactory()
    artwork = complete_artwork(date_display="", medium="", dimensions_display="")
    ArticleFigureFactory(article=article, artwork=artwork, caption="Ai Weiwei, the urn, 1995")

    assert problems(article, editor, "captions") == []


def test_an_upload_needs_a_caption(editor):
    article = ArticleFactory()
    upload_figure(article, alt_text="A red square on grey", caption="")

    assert problems(article, editor, "captions") == ["Figure 1 has no caption: write one."]


def test_headline_length(editor, settings):
    article = ArticleFactory(title="x" * 101)
    assert problems(article, editor, "headline_length") == [
        "The headline is 101 characters long: keep it to 100."
    ]
    settings.PREPUBLISH_HEADLINE_MAX = 120
    assert problems(article, editor, "headline_length") == []


@pytest.mark.parametrize(
    ("standfirst", "expected"),
    [
        ("", ["There is no standfirst: write one of 40 to 300 characters."]),
        ("Too short.", ["The standfirst is 10 characters long: make it 40 to 300."]),
        ("y" * 301, ["The standfirst is 301 characters long: make it 40 to 300."]),
        ("z" * 40, []),
    ],
)
def test_standfirst_length(editor, standfirst, expected):
    article = ArticleFactory(standfirst=standfirst)
    assert problems(article, editor, "standfirst_length") == expected


def test_a_byline_and_a_tag(editor):
    article = ArticleFactory()
    assert problems(article, editor, "byline") == ["Add at least one author to the byline."]
    assert problems(article, editor, "tags") == ["Add at least one tag."]

    article = passing_article()
    assert problems(article, editor, "byline") == problems(article, editor, "tags") == []


def test_a_section(editor):
    article = ArticleFactory()
    article.section_id = None  # as a form in hand may have it, before the database refuses
    assert problems(article, editor, "section") == ["Choose a section."]


def test_a_duplicate_title_whatever_its_case_and_spacing(editor):
    ArticleFactory(title="The Urn", slug="the-urn")
    article = ArticleFactory(title="  the   URN ")
    other = ArticleFactory(title="The Urn Again")

    [found] = problems(article, editor, "duplicate_title")
    assert found.startswith("Another article has this headline: “The Urn” (")
    assert "· /the-urn/)" in found  # labelled as pickers label it (articles/labels.py)
    assert problems(other, editor, "duplicate_title") == []


def test_the_article_is_no_duplicate_of_itself(editor):
    article = ArticleFactory(title="Alone")
    assert problems(article, editor, "duplicate_title") == []
