"""Writes the demo content into the database, idempotently.

Every row is found by its slug (or by its parent and position) and brought in line with the
files of demo/content/ (demo/content.py reads them), so a second run changes nothing:
no new rows, no second copy of a picture (one is drawn only when its row has none), and
bylines, figures, links, featured exhibitions and series parts end up exactly as listed
(the dates of the shows written relative to the day of loading, demo/shows.py, move with it).
Each row passes full_clean() first, so the demo obeys the same rules as an editor in the admin.
"""

from dataclasses import dataclass

from django.db import transaction

from articles import services
from articles.models import Article, ArticleAuthor, ArticleFigure, ArticleLink, Author, Section
from articles.series import Series
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from demo.content import DemoContent, demo_content
from demo.pictures import ILLUSTRATION_CREDIT
from demo.rows import drawn_image, upsert, values_of
from demo.shows import load_exhibition, load_venues
from exhibitions.on_view import today
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
    exhibitions: int
    venues: int
    series: int

    def __str__(self):
        return (
            f"Demo content ready: {self.articles} articles ({self.published} published, "
            f"{self.drafts} draft), {self.artists} artists, {self.artworks} artworks, "
            f"{self.exhibitions} exhibitions at {self.venues} venues, {self.series} series."
        )


def demo_content_load() -> DemoSummary:
    """Create or update all the demo content in one transaction."""
    content = demo_content()
    with transaction.atomic():
        _load_site_settings(content.site)
        sections = {
            spec["slug"]: upsert(
                Section, {"slug": spec["slug"]}, {"name": spec["name"], "order": (index + 1) * 10}
            )
            for index, spec in enumerate(content.sections)
        }
        authors = {
            spec["slug"]: upsert(
                Author, {"slug": spec["slug"]}, {"name": spec["name"], "bio": spec["bio"]}
            )
            for spec in content.authors
        }
        artists = {spec["slug"]: _load_artist(spec) for spec in content.artists}
        artworks = {spec["slug"]: _load_artwork(spec, artists) for spec in content.artworks}
        venues = load_venues(content.venues)
        day = today()
        shows = {
            spec["slug"]: load_exhibition(
                spec, venues=venues, artists=artists, artworks=artworks, today=day
            )
            for spec in content.exhibitions
        }
        series = {
            spec["slug"]: _load_series(spec, index) for index, spec in enumerate(content.series)
        }
        _free_moved_parts(content, series)
        for spec in content.articles:
            _load_article(
                spec,
                sections=sections,
                authors=authors,
                artists=artists,
                works=artworks,
                shows=shows,
                series=series,
            )
    statuses = [spec["status"] for spec in content.articles]
    return DemoSummary(
        articles=len(content.articles),
        published=statuses.count(Article.Status.PUBLISHED),
        drafts=statuses.count(Article.Status.DRAFT),
        artists=len(artists),
        artworks=len(artworks),
        exhibitions=len(shows),
        venues=len(venues),
        series=len(series),
    )


def _load_site_settings(values: dict):
    settings = SiteSettings.current()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()


def _load_artist(spec: dict) -> Artist:
    artist = upsert(Artist, {"slug": spec["slug"]}, values_of(Artist, spec, ARTIST_FIELDS))
    artist.tags.set(spec["tags"])
    return artist


def _load_artwork(spec: dict, artists: dict[str, Artist]) -> Artwork:
    artwork = upsert(Artwork, {"slug": spec["slug"]}, values_of(Artwork, spec, ARTWORK_FIELDS))
    artwork.tags.set(spec["tags"])
    credit = upsert(
        ArtworkArtist,
        {"artwork": artwork, "artist": artists[spec["artist"]], "role": ArtworkArtist.Role.ARTIST},
        {"position": 0},
    )
    artwork.artist_credits.exclude(pk=credit.pk).delete()

    image = artwork.images.order_by("position", "pk").first() or ArtworkImage(
        artwork=artwork, position=0
    )
    if not image.image_id:
        image.image = drawn_image(image, "image", spec["picture"], f"{spec['slug']}.jpg")
    image.alt_text = spec["alt"]
    image.credit = ILLUSTRATION_CREDIT
    image.full_clean()
    image.save()
    return artwork


def _load_series(spec: dict, index: int) -> Series:
    values = {
        "title": spec["title"],
        "description": spec.get("description", ""),
        "planned_parts": spec.get("planned_parts"),
        "order": (index + 1) * 10,
        "is_public": spec.get("is_public", True),
    }
    return upsert(Series, {"slug": spec["slug"]}, values)


def _free_moved_parts(content: DemoContent, series: dict[str, Series]) -> None:
    """Take the demo articles whose series or part the files change out of their series first,
    so that parts can swap numbers (a part is unique in its series). Each is saved again, with
    its new part, through the services below, which tell the page cache."""
    wanted = {
        spec["slug"]: (series[spec["series"]].pk if spec.get("series") else None)
        for spec in content.articles
    }
    parts = {spec["slug"]: spec.get("series_part") for spec in content.articles}
    placed = Article.objects.filter(slug__in=wanted, series__isnull=False)
    moved = [
        slug
        for slug, series_id, part in placed.values_list("slug", "series_id", "series_part")
        if (series_id, part) != (wanted[slug], parts[slug])
    ]
    Article.objects.filter(slug__in=moved).update(series=None, series_part=None)


def _load_article(spec: dict, *, sections, authors, artists, works, shows, series) -> Article:
    article = Article.objects.filter(slug=spec["slug"]).first() or Article(slug=spec["slug"])
    values = {**values_of(Article, spec, ARTICLE_FIELDS), "section": sections[spec["section"]]}
    values["series"] = series[spec["series"]] if spec.get("series") else None
    values["series_part"] = spec.get("series_part")
    values["body"] = _body(spec["blocks"], works)
    for name, value in values.items():
        setattr(article, name, value)
    article.full_clean()
    services.article_save(article=article, user=None)  # a new one is a draft until it is moved
    article.tags.set(spec["tags"])
    article.featured_artists.set([artists[slug] for slug in spec["featured_artists"]])
    article.featured_artworks.set([works[slug] for slug in spec["featured_artworks"]])
    article.featured_exhibitions.set([shows[slug] for slug in spec.get("featured_exhibitions", [])])

    bylines = [
        upsert(ArticleAuthor, {"article": article, "author": authors[slug]}, {"position": index})
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
        upsert(
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
            figure.image = drawn_image(figure, "image", spec["picture"], f"{spec['picture']}.jpg")
        figure.alt_text = spec["alt"]
        figure.credit = ILLUSTRATION_CREDIT
        figure.caption = spec.get("caption", "")
    figure.full_clean()
    figure.save()
    return figure
