"""What an article card prints, read as plain rows: the lists (home, all articles, a section, a
tag, the articles featuring an artist or an artwork) show twelve or so cards, and building an
Article with its byline, figures, artworks and images as model instances for each (over a
hundred objects and a prefetch per relation) cost more than the rest of the page.

Two reads after the page of articles itself, however many cards: the bylines, and the figures
with their uploads, chosen images and their artworks' images. The lead picture is chosen as
`Article.lead_image()` chooses it, with the same alt-text rule (`artwork_image_alt`). No
instance is built, so the page cache is told what the cards show (`pagecache.record_shown`):
the articles, their authors, the artworks and images of their figures, and the sections (a
set)."""

from dataclasses import dataclass
from datetime import datetime

import pagecache
from articles import card_reads
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    Author,
    Section,
)
from articles.shown_images import artwork_image_alt
from artworks.models import Artwork
from images.models import Image
from images.picture import Picture, picture_of, urls_of
from slugs.reversing import slug_addresses

# The columns of a card's article, in this order.
CARD_COLUMNS = ("pk", "slug", "title", "standfirst", "published_at", "section__name")


@dataclass(frozen=True, slots=True)
class ArticleCard:
    url: str
    title: str
    standfirst: str
    published_at: datetime | None
    section_name: str
    authors: tuple[str, ...]  # in byline order
    picture: Picture | None  # the lead picture, or None (a text-only card)
    alt: str


def article_cards(articles) -> list[ArticleCard]:
    """The cards of a queryset of articles (a page of one, a slice), in its order."""
    rows = list(_page_rows(articles))
    if not rows:
        return []
    ids = [row[0] for row in rows]
    return _cards(rows, _bylines(ids), _lead_pictures(ids))


def cards_of_rows(rows) -> list[ArticleCard]:
    """The cards of rows of CARD_COLUMNS (card_reads.py reads them), in their order."""
    rows = list(rows)
    if not rows:
        return []
    ids = [row[0] for row in rows]
    return _cards(rows, _bylines(ids), _lead_pictures(ids))


def published_cards(ids) -> dict[int, ArticleCard]:
    """The cards of the articles with these ids that the public may see now (published()), by
    id, with their bylines (three queries): for search results, whose hits were counted before
    an article may have been unpublished."""
    rows = list(Article.objects.published().filter(pk__in=ids).values_list(*CARD_COLUMNS))
    if not rows:
        return {}
    found = [row[0] for row in rows]
    cards = _cards(rows, _bylines(found), _lead_pictures(found))
    return {row[0]: card for row, card in zip(rows, cards, strict=True)}


def cards_without_bylines(ids) -> dict[int, ArticleCard]:
    """The cards of the articles with these ids, by id, without their bylines (one query):
    for blocks that print no byline ("You may also like"). Whichever their state: the caller
    has chosen what is shown."""
    ids = list(ids)
    if not ids:
        return {}
    # The articles with their figures, one statement (card_reads.py).
    rows, figures = card_reads.cards_and_figures(Article.objects.db, ids)
    if not rows:
        return {}
    cards = _cards(rows, {}, _lead_pictures([row[0] for row in rows], figures))
    return {row[0]: card for row, card in zip(rows, cards, strict=True)}


def _cards(rows, authors, leads) -> list[ArticleCard]:
    address = slug_addresses("articles:article-detail")
    pagecache.record_shown(Article, [row[0] for row in rows])
    pagecache.record_shown(Section, ())
    return [
        ArticleCard(
            url=address(slug),
            title=title,
            standfirst=standfirst,
            published_at=published_at,
            section_name=section_name or "",
            authors=authors.get(pk, ()),
            picture=leads[pk][0] if pk in leads else None,
            alt=leads[pk][1] if pk in leads else "",
        )
        for pk, slug, title, standfirst, published_at, section_name in rows
    ]


def _page_rows(articles):
    """The card columns of a page of articles. A later page is read by its keys: its OFFSET then
    walks the index of the lists' order alone (Article.Meta.indexes), not every row before it,
    and only the page's rows are read (a deferred join, in one query)."""
    if not articles.query.low_mark:  # the first page, the home page: nothing to skip
        return articles.values_list(*CARD_COLUMNS)
    page = Article.objects.filter(pk__in=articles.values("pk"))
    if articles.query.order_by:
        page = page.order_by(*articles.query.order_by)
    return page.values_list(*CARD_COLUMNS)


def _bylines(ids) -> dict[int, tuple[str, ...]]:
    rows = card_reads.bylines(ArticleAuthor.objects.db, ids)  # in Article.byline()'s order
    names: dict[int, list[str]] = {}
    author_ids = []
    for article_id, author_id, name in rows:
        names.setdefault(article_id, []).append(name)
        author_ids.append(author_id)
    pagecache.record_shown(Author, author_ids)
    return {article_id: tuple(found) for article_id, found in names.items()}


def _lead_pictures(ids, rows=None) -> dict[int, tuple[Picture, str]]:
    """Each article's lead picture and its alt text, as Article.lead_image() gives them."""
    url = urls_of(Image._meta.get_field("file").storage)
    return {
        article_id: (picture_of(name, url=url, width=width, height=height, renditions=kept), alt)
        for article_id, ((_, name, width, height, kept), alt) in lead_images(ids, rows).items()
    }


def lead_images(ids, rows=None) -> dict[int, tuple[tuple, str]]:
    """Each article's lead image, as its stored columns (card_reads.IMAGE_COLUMNS: id, file
    name, width, height, renditions), and its alt text, as Article.lead_image() gives them: the
    first figure (by position) with a picture to show, its upload or its artwork's chosen or
    first image. One query: each figure with its upload, its chosen image and its artwork's
    images, first first (so a figure's first row holds its artwork's first image). The cards'
    pictures, and the thumbnails of the admin's list of articles. `rows`: the figures' rows
    when they were read already (with the articles: cards_without_bylines())."""
    if rows is None:
        rows = card_reads.figures(ArticleFigure.objects.db, ids)
    leads: dict[int, tuple[tuple, str]] = {}
    image_ids, artwork_ids, seen = [], [], set()
    for article_id, figure_id, alt_text, decorative, artwork_id, *images in rows:
        if figure_id in seen:  # a row of the artwork's other images
            continue
        seen.add(figure_id)
        if artwork_id:
            artwork_ids.append(artwork_id)
        if article_id in leads:
            continue
        upload, chosen, first = images[0:5], images[5:12], images[12:19]
        if upload[0] is not None:
            image, alt = upload, "" if decorative else alt_text
        else:
            image = chosen if chosen[0] is not None else first
            if image[0] is None:  # no artwork, or one that lost its images: the next figure
                continue
            alt, _ = artwork_image_alt(alt_text, decorative, image[5], image[6])
        image_ids.append(image[0])
        leads[article_id] = (tuple(image[:5]), alt)
    pagecache.record_shown(Artwork, artwork_ids)
    pagecache.record_shown(Image, image_ids)
    return leads
