"""The rows a body's figure nodes mean: one ArticleFigure per node whose artwork or image
exists and may be shown here, reusing the article's in-body rows where it can.

An image belongs to its one use (images/uses.py), so a node's image is taken only when no use
shows it yet (an upload kept for the editor, images/kept_uploads.py) or when it is already a
body figure of this article; never another article's, artwork's or artist's picture. A row that
shows an image the body still shows keeps it, wherever its node moved: giving a row another
image deletes the image it had.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from articles.models import Article, ArticleFigure
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images import kept_uploads
from images.models import Image
from richtext.figures import FigureNode, figure_nodes


@dataclass
class Plan:
    # One entry per node, in order: its row (saved or new, its fields set from the node), or
    # None when its artwork or image is missing or not this body's to show.
    figures: list[ArticleFigure | None] = field(default_factory=list)
    # The in-body rows no node needs any more.
    leftover: list[ArticleFigure] = field(default_factory=list)

    @property
    def shown(self) -> list[ArticleFigure]:
        return [figure for figure in self.figures if figure is not None]


def plan(article: Article, body: str, existing: list[ArticleFigure]) -> Plan:
    """What `body`'s nodes mean for `article`, given its in-body rows `existing` (in position
    order). Reads the artworks, their chosen images and the uploads the nodes name (three
    queries at most, and one per use for an upload new to the body); writes nothing."""
    nodes = figure_nodes(body)
    if not nodes and not existing:
        return Plan()
    artworks = Artwork.objects.in_bulk({node.artwork for node in nodes if node.artwork})
    chosen = ArtworkImage.objects.select_related("image").in_bulk(
        {node.artwork_image for node in nodes if node.artwork_image}
    )
    images = Image.objects.in_bulk({node.image for node in nodes if node.image})
    for row in existing:
        # The artwork a reused row showed: its pages' lists of articles lose this article
        # (articles/cached_pages.py).
        row.artwork_before = row.artwork_id
    own = {row.image_id: row for row in existing if row.image_id is not None}
    claimed = {node.image for node in nodes if node.image in own}
    pool = [row for row in existing if row.image_id not in claimed or row.image_id is None]
    taken: set[int] = set()

    result = Plan()
    for position, node in enumerate(nodes):
        row = None
        if node.artwork:
            artwork = artworks.get(node.artwork)
            if artwork is not None:
                row = pool.pop(0) if pool else ArticleFigure(article=article, in_body=True)
                picked = chosen.get(node.artwork_image)
                row.artwork = artwork
                row.artwork_image = picked if picked and picked.artwork_id == artwork.pk else None
                row.image = None
        elif node.image not in taken and node.image in images:
            image = images[node.image]
            if node.image in own:
                row = own.pop(node.image)
            elif not kept_uploads.is_used(image):
                row = pool.pop(0) if pool else ArticleFigure(article=article, in_body=True)
            if row is not None:
                taken.add(node.image)
                row.image, row.artwork, row.artwork_image = image, None, None
        if row is not None:
            _fill(row, node, position)
        result.figures.append(row)
    result.leftover = pool
    return result


def _fill(row: ArticleFigure, node: FigureNode, position: int) -> None:
    row.in_body = True
    row.position = position
    row.size = node.size
    row.alt_text = node.alt
    row.credit = node.credit
    row.caption = node.caption
    row.decorative = node.decorative


# What a body row holds from its node: compared to decide whether a row needs saving.
FIELDS = (
    "artwork_id",
    "artwork_image_id",
    "image_id",
    "in_body",
    "position",
    "size",
    "alt_text",
    "credit",
    "caption",
    "decorative",
)


def values(row: ArticleFigure) -> tuple:
    return tuple(getattr(row, name) for name in FIELDS)


def body_figures_of(article: Article, body: str | None = None) -> list[ArticleFigure]:
    """The in-body figures `body` (the article's own by default) would have once saved, in
    order, with what their pictures and captions read (as the page's read and the checks'
    `with_checked_parts` load them): its stored rows where they stay, unsaved ones for new
    nodes. No query for a body without a figure node."""
    body = article.body if body is None else body
    if not figure_nodes(body):
        return []
    existing = []
    if article.pk:
        existing = list(
            ArticleFigure.objects.filter(article_id=article.pk, in_body=True).order_by(
                "position", "pk"
            )
        )
    shown = plan(article, body, existing).shown
    credits = ArtworkArtist.objects.select_related("artist")
    prefetch_related_objects(
        [figure for figure in shown if figure.artwork is not None],
        Prefetch("artwork__images", queryset=ArtworkImage.objects.select_related("image")),
        Prefetch("artwork__artist_credits", queryset=credits),
    )
    return shown
