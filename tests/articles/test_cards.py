"""The cards' read (articles/cards.py) gives what the Article model says of each article: its
address, byline, and lead picture with its alt text, by the same rules; and it tells the page
cache every object the cards show."""

import pytest

from articles.cards import article_cards, cards_without_bylines
from articles.models import Article
from pagecache import keys
from pagecache.tracking import Recorder
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ImageFactory,
)

pytestmark = pytest.mark.django_db


def cards_of(*articles):
    return article_cards(Article.objects.filter(pk__in=[a.pk for a in articles]).order_by("pk"))


def as_the_model_says(article: Article):
    article = Article.objects.for_listing().get(pk=article.pk)
    shown = article.lead_image()
    return (
        article.get_absolute_url(),
        article.title,
        tuple(author.name for author in article.byline()),
        shown.picture if shown else None,
        shown.alt if shown else "",
    )


def as_the_card_says(card):
    return (card.url, card.title, card.authors, card.picture, card.alt)


def variety() -> list[Article]:
    """One article for each way a lead picture is chosen, and a few ways it is not."""
    made = []
    # An upload, described; and one marked decorative (no alt text then).
    a = ArticleFactory(title="Upload")
    ArticleFigureFactory(article=a, artwork=None, image=ImageFactory(), alt_text="A <quay> & sea")
    made.append(a)
    a = ArticleFactory(title="Decorative upload")
    ArticleFigureFactory(article=a, artwork=None, image=ImageFactory(), decorative=True)
    made.append(a)
    # An artwork's first image (by position, not by creation), with the figure's own words or
    # the image's.
    for figure_alt in ("", "The figure's words"):
        a = ArticleFactory(title=f"First image {figure_alt}")
        work = ArtworkFactory()
        ArtworkImageFactory(artwork=work, position=2, alt_text="second")
        ArtworkImageFactory(artwork=work, position=1, alt_text="first")
        ArticleFigureFactory(article=a, artwork=work, alt_text=figure_alt)
        made.append(a)
    # The image chosen among the artwork's; a decorative one, with and without the figure's
    # words.
    for figure_alt in ("", "Said by the figure"):
        a = ArticleFactory(title=f"Chosen {figure_alt}")
        work = ArtworkFactory()
        ArtworkImageFactory(artwork=work, position=0, alt_text="first")
        chosen = ArtworkImageFactory(artwork=work, position=1, alt_text="", decorative=True)
        ArticleFigureFactory(article=a, artwork=work, artwork_image=chosen, alt_text=figure_alt)
        made.append(a)
    # The first figure's artwork has lost its images: the second figure leads; figures out of
    # creation order.
    a = ArticleFactory(title="Second figure leads")
    ArticleFigureFactory(article=a, artwork=ArtworkFactory(), position=3, alt_text="third")
    ArticleFigureFactory(article=a, artwork=ArtworkFactory(), position=0, with_image=False)
    ArticleFigureFactory(article=a, artwork=None, image=ImageFactory(), position=1, alt_text="x")
    made.append(a)
    # No figures; and a byline of three out of creation order.
    a = ArticleFactory(title="Text only", standfirst="")
    for position in (2, 0, 1):
        ArticleAuthorFactory(article=a, position=position)
    made.append(a)
    return made


def test_each_card_says_what_the_model_says():
    articles = variety()

    cards = cards_of(*articles)

    assert [as_the_card_says(card) for card in cards] == [as_the_model_says(a) for a in articles]
    assert cards[0].alt == "A <quay> & sea"  # the text as stored: the tag escapes it
    assert cards[-1].picture is None


HOSTILE = "<script>alert('x')</script> \"quoted\" 100% %s %(id)s '; DROP TABLE articles_article; --"


def test_hostile_text_comes_back_as_stored(client, settings):
    """The bylines' and figures' reads (SQL written once, articles/card_reads.py) bind only ids:
    quotes, percent signs and SQL in the rows come back as stored, and the list escapes them."""
    settings.PAGE_CACHE = False
    article = ArticleFactory(title="Hostile")
    ArticleAuthorFactory(article=article, author=AuthorFactory(name=HOSTILE))
    work = ArtworkFactory()
    ArtworkImageFactory(artwork=work, alt_text=HOSTILE)
    ArticleFigureFactory(article=article, artwork=work)

    (card,) = cards_of(article)

    assert (card.authors, card.alt) == ((HOSTILE,), HOSTILE)
    assert as_the_card_says(card) == as_the_model_says(article)
    text = client.get("/articles/").content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;quoted&quot; 100% %s" in text
    assert Article.objects.filter(title="Hostile").exists()


def test_unicode_slugs_are_addressed_as_reverse_does():
    article = ArticleFactory(slug="künstler-現代美術")

    (card,) = cards_of(article)

    assert (
        card.url
        == article.get_absolute_url()
        == "/articles/k%C3%BCnstler-%E7%8F%BE%E4%BB%A3%E7%BE%8E%E8%A1%93/"
    )


def test_cards_without_bylines_are_the_cards_in_one_query(django_assert_num_queries):
    """The block's cards (articles with their figures in one statement) are the list's cards
    but their bylines, whatever the articles' state, hostile text and all; the page cache
    learns what the list's read tells it but the authors."""
    articles = variety()
    hostile = ArticleFactory(title=HOSTILE, standfirst=HOSTILE, draft=True)
    ArticleFigureFactory(article=hostile, artwork=None, image=ImageFactory(), alt_text=HOSTILE)
    articles.append(hostile)
    ids = [article.pk for article in articles]
    with Recorder() as listed:
        expected = {card.url: card for card in cards_of(*articles)}

    with django_assert_num_queries(1), Recorder() as shown:
        cards = cards_without_bylines([*reversed(ids), 0])

    assert sorted(cards) == sorted(ids)  # by id; none for an id that is no article
    for pk, card in cards.items():
        wanted = expected[Article.objects.get(pk=pk).get_absolute_url()]
        assert card == wanted.__class__(**{**_fields(wanted), "authors": ()})
    assert cards[hostile.pk].title == HOSTILE and cards[hostile.pk].alt == HOSTILE
    assert shown == {
        key for key in listed if not key.startswith(keys.for_object("articles.author", ""))
    }


def _fields(card) -> dict:
    return {name: getattr(card, name) for name in card.__slots__}


def test_no_rows_no_queries(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert article_cards(Article.objects.none()) == []


def test_the_page_cache_learns_everything_the_cards_show():
    """The articles, their authors, the artworks of their figures (whose images may lead), the
    pictures shown and the sections: a change to any of them makes the page stale."""
    article = ArticleFactory()
    author = AuthorFactory()
    ArticleAuthorFactory(article=article, author=author)
    lost = ArtworkFactory()  # no image: the next figure leads, until it has one
    ArticleFigureFactory(article=article, artwork=lost, position=0, with_image=False)
    work = ArtworkFactory()
    image = ArtworkImageFactory(artwork=work)
    ArticleFigureFactory(article=article, artwork=work, position=1)

    with Recorder() as shown:
        cards_of(article)

    assert shown == {
        keys.for_object("articles.article", article.pk),
        keys.for_object("articles.author", author.pk),
        keys.for_object("artworks.artwork", lost.pk),
        keys.for_object("artworks.artwork", work.pk),
        keys.for_object("images.image", image.image_id),
        keys.for_all("articles.section"),
    }


@pytest.mark.django_db(transaction=True)
def test_the_reads_written_once_serve_every_thread():
    """The reads are written once per process but a connection is one thread's: a read first
    used in this thread answers in another one (the live server's, gunicorn's threads)."""
    import threading  # noqa: PLC0415

    from django.db import connection  # noqa: PLC0415

    article = ArticleFactory()
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Ada Lovelace"))
    here = cards_of(article)
    there, failed = [], []

    def read():
        try:
            there.extend(cards_of(article))
        except Exception as error:  # reported below
            failed.append(error)
        finally:
            connection.close()

    worker = threading.Thread(target=read)
    worker.start()
    worker.join(timeout=30)
    assert failed == []
    assert there == here
