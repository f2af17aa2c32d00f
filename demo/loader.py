"""Writes the demo content into the database, idempotently.

Every row is found by its slug (or by its parent and position) and brought in line with the
files of demo/content/ (demo/content.py reads them), so a second run changes nothing:
no new rows, no second copy of a picture (one is drawn only when its row has none), and
bylines, figures and links end up exactly as listed. Each row passes full_clean() first, so
the demo obeys the same rules as an editor in the admin.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import models, transaction

from articles import services
from articles.models import Article, ArticleAuthor, ArticleFigure, ArticleLink, Author, Section
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from demo.content import demo_content
from demo.pictures import ILLUSTRATION_CREDIT, render
from images import uses
from images.models import Image
from richtext.figures import FigureNode
from sitesettings.models import SiteSettings

ARTIST_FIELDS = ["name", "sort_name", "birth_year", "birth_place", "nationality", "bio"]
ARTWORK_FIELDS = [
    "title",
    "date_display",
    "earliest_year",
    "latest_year",
    "medium",
    "dimensions_display",
    "height",
    "width",
    "depth",
    "unit",
    "classification",
    "credit_line",
]
# The status and publication time are set last, through the publishing services, once the
# figures they check are in place.
ARTICLE_FIELDS = ["title", "standfirst", "body", "meta_description"]


@dataclass(frozen=True)
class DemoSummary:
    articles: int
    published: int
    drafts: int
    artists: int
    artworks: int

    def __str__(self):
        return (
            f"Demo content ready: {self.articles} articles ({self.published} published, "
            f"{self.drafts} draft), {self.artists} artists, {self.artworks} artworks."
        )


def demo_content_load() -> DemoSummary:
    """Create or update all the demo content in one transaction."""
    content = demo_content()
    with transaction.atomic():
        _load_site_settings(content.site)
        sections = {
            spec["slug"]: _upsert(
                Section, {"slug": spec["slug"]}, {"name": spec["name"], "order": (index + 1) * 10}
            )
            for index, spec in enumerate(content.sections)
        }
        authors = {
            spec["slug"]: _upsert(
                Author, {"slug": spec["slug"]}, {"name": spec["name"], "bio": spec["bio"]}
            )
            for spec in content.authors
        }
        artists = {spec["slug"]: _load_artist(spec) for spec in content.artists}
        artworks = {spec["slug"]: _load_artwork(spec, artists) for spec in content.artworks}
        for spec in content.articles:
            _load_article(spec, sections=sections, authors=authors, artists=artists, works=artworks)
    statuses = [spec["status"] for spec in content.articles]
    return DemoSummary(
        articles=len(content.articles),
        published=statuses.count(Article.Status.PUBLISHED),
        drafts=statuses.count(Article.Status.DRAFT),
        artists=len(artists),
        artworks=len(artworks),
    )


def _upsert(model: type[models.Model], lookup: dict, values: dict):
    """update_or_create, validated like an editor's save (full_clean) before it is written."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def _values(model: type[models.Model], spec: dict, names: list[str]) -> dict:
    """The listed fields from spec; a field the spec leaves out is emptied, so removing a fact
    from the data removes it from the row too."""
    return {
        name: spec.get(name, None if model._meta.get_field(name).null else "") for name in names
    }


def _load_site_settings(values: dict):
    settings = SiteSettings.current()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()


def _load_artist(spec: dict) -> Artist:
    artist = _upsert(Artist, {"slug": spec["slug"]}, _values(Artist, spec, ARTIST_FIELDS))
    artist.tags.set(spec["tags"])
    return artist


def _load_artwork(spec: dict, artists: dict[str, Artist]) -> Artwork:
    artwork = _upsert(Artwork, {"slug": spec["slug"]}, _values(Artwork, spec, ARTWORK_FIELDS))
    artwork.tags.set(spec["tags"])
    credit = _upsert(
        ArtworkArtist,
        {"artwork": artwork, "artist": artists[spec["artist"]], "role": ArtworkArtist.Role.ARTIST},
        {"position": 0},
    )
    artwork.artist_credits.exclude(pk=credit.pk).delete()

    image = artwork.images.order_by("position", "pk").first() or ArtworkImage(
        artwork=artwork, position=0
    )
    if not image.image_id:
        image.image = _drawn_image(image, "image", spec["picture"], f"{spec['slug']}.jpg")
    image.alt_text = spec["alt"]
    image.credit = ILLUSTRATION_CREDIT
    image.full_clean()
    image.save()
    return artwork


def _load_article(spec: dict, *, sections, authors, artists, works) -> Article:
    article = Article.objects.filter(slug=spec["slug"]).first() or Article(slug=spec["slug"])
    values = {**_values(Article, spec, ARTICLE_FIELDS), "section": sections[spec["section"]]}
    values["body"] = _body(spec["blocks"], works)
    for name, value in values.items():
        setattr(article, name, value)
    article.full_clean()
    services.article_save(article=article, user=None)  # a new one is a draft until it is moved
    article.tags.set(spec["tags"])
    article.featured_artists.set([artists[slug] for slug in spec["featured_artists"]])
    article.featured_artworks.set([works[slug] for slug in spec["featured_artworks"]])

    bylines = [
        _upsert(ArticleAuthor, {"article": article, "author": authors[slug]}, {"position": index})
        for index, slug in enumerate(spec["authors"])
    ]
    article.article_authors.exclude(pk__in=[byline.pk for byline in bylines]).delete()

    figures = [
        _load_figure(article, index, figure, works) for index, figure in enumerate(spec["figures"])
    ]
    # The body's figures are the body's (articles/body_figures/): kept by its save.
    ordered = article.figures.filter(in_body=False)
    ordered.exclude(pk__in=[figure.pk for figure in figures]).delete()

    links = [
        _upsert(
            ArticleLink,
            {"article": article, "position": index},
            {"title": link["title"], "url": link["url"]},
        )
        for index, link in enumerate(spec.get("links", []))
    ]
    article.links.exclude(pk__in=[link.pk for link in links]).delete()

    if spec["status"] == Article.Status.PUBLISHED:
        services.article_publish(article=article, user=None, at=spec["published_at"])
    else:
        services.article_return_to_draft(article=article, user=None)
    return article


def _body(blocks: list, works: dict[str, Artwork]) -> str:
    """The body's HTML: its HTML blocks, and its figure blocks as figure nodes."""
    return "".join(
        block
        if isinstance(block, str)
        else FigureNode(artwork=works[block["figure"]].pk, size=block.get("size", "inline")).html()
        for block in blocks
    )


def _load_figure(article: Article, position: int, spec: dict, works) -> ArticleFigure:
    ordered = article.figures.filter(in_body=False, position=position)
    figure = ordered.order_by("pk").first() or ArticleFigure(article=article, position=position)
    if "artwork" in spec:
        # Captioned, described and credited from the artwork itself.
        figure.artwork, figure.artwork_image, figure.image = works[spec["artwork"]], None, None
        figure.alt_text = figure.credit = figure.caption = ""
    else:
        figure.artwork, figure.artwork_image = None, None
        if not figure.image_id:
            figure.image = _drawn_image(figure, "image", spec["picture"], f"{spec['picture']}.jpg")
        figure.alt_text = spec["alt"]
        figure.credit = ILLUSTRATION_CREDIT
        figure.caption = spec.get("caption", "")
    figure.full_clean()
    figure.save()
    return figure


def _drawn_image(row, field: str, picture: str, filename: str) -> Image:
    """Draw the picture and store it as a new Image, in the folder of the row's use."""
    image = Image()
    image.upload_folder = uses.use_of(type(row), field).folder
    image.file.save(filename, ContentFile(render(picture)), save=False)
    image.save()
    return image
