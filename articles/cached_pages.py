"""What the page cache needs to know about articles (registered from ArticlesConfig.ready()):
the models pages show, the views that are cached and the lists each depends on, which lists an
article is in (its footprint), when scheduled articles go live, and what a change of an
article's place for readers (the domain signal, articles/signals.py), of its figures or of its
featured artists, artworks and exhibitions means for those lists."""

from django.db.models.signals import m2m_changed, post_delete, post_save

import pagecache
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    Author,
    Section,
    Series,
    TaggedArticle,
)
from articles.public_state import PublicState
from articles.records import PublicationEvent, SlugRedirect
from articles.signals import article_public_state_changed
from artists import cached_pages as artist_pages
from artists.models import Artist
from artworks import cached_pages as artwork_pages
from artworks.models import Artwork, ArtworkArtist
from exhibitions import cached_pages as exhibition_pages
from exhibitions.models import Exhibition
from pagecache import invalidate as pages

# Which articles are public, and their order: the home page, the list, the latest feeds.
PUBLIC_ARTICLES = pagecache.set_key("public:articles")
# What every arrival or departure touches: the lists above, search results and sitemaps.
LISTED = frozenset({PUBLIC_ARTICLES, pagecache.ANY_CONTENT})
FeaturedArtist = Article.featured_artists.through
FeaturedArtwork = Article.featured_artworks.through
FeaturedExhibition = Article.featured_exhibitions.through


def section_key(slug: str) -> str:
    return pagecache.set_key("public:section", slug)


def tag_key(slug: str) -> str:
    return pagecache.set_key("public:tag", slug)


# Which series have a public part, and their order: the series index.
SERIES_INDEX = pagecache.set_key("public:series-index")


def series_key(slug: str) -> str:
    """The public parts of a series: its page and feeds list them, and every part's page shows
    its public neighbours and their count ("Part 2 of 4", articles/series_parts.py)."""
    return pagecache.set_key("public:series", slug)


def _in_series(kwargs) -> list[str]:
    return [series_key(kwargs["slug"])]


def _in_section(kwargs) -> list[str]:
    return [section_key(kwargs["slug"])]


def _with_tag(kwargs) -> list[str]:
    return [tag_key(kwargs["slug"])]


def _featuring_artist(kwargs) -> list[str]:
    return [artist_pages.listing_key(kwargs["slug"])]


def register() -> None:
    pagecache.register_model(Article)
    pagecache.register_model(Author)
    pagecache.register_model(Series)
    # Every page shows the sections (the navigation): it depends on all of them at once.
    pagecache.register_model(Section, shown_as_set=True)
    for part in (ArticleAuthor, ArticleFigure, ArticleLink, TaggedArticle):
        pagecache.register_part(part)
    pagecache.not_shown(PublicationEvent, why="the publishing record, on the admin page only")
    pagecache.not_shown(SlugRedirect, why="an old address answers a 301, never cached")

    for name in ("articles:home", "articles:article-list", "feeds:latest-rss", "feeds:latest-atom"):
        pagecache.register_view(name, depends_on=[PUBLIC_ARTICLES])
    # The article and what it shows are tracked; the "You may also like" block is made stale
    # when one of its targets comes or goes (recommendations registers that footprint).
    pagecache.register_view("articles:article-detail")
    for name in ("articles:section-detail", "feeds:section-rss", "feeds:section-atom"):
        pagecache.register_view(name, depends_on=_in_section)
    for name in ("articles:tag-detail", "feeds:tag-rss", "feeds:tag-atom"):
        pagecache.register_view(name, depends_on=_with_tag)
    for name in ("feeds:artist-rss", "feeds:artist-atom"):
        pagecache.register_view(name, depends_on=_featuring_artist)
    for name in ("articles:series-detail", "feeds:series-rss", "feeds:series-atom"):
        pagecache.register_view(name, depends_on=_in_series)
    # Which series have a public part: a part arriving, leaving or moving, any series saved.
    pagecache.register_view(
        "articles:series-list", depends_on=[SERIES_INDEX, pagecache.all_key(Series)]
    )
    pagecache.uncached_view("articles:article-preview", why="a draft shown to one link's holder")

    pagecache.register_footprint(Article, public_article_keys)
    pagecache.register_schedule(
        Article, next_after=_next_publication_after, went_live_between=_went_live_between
    )
    article_public_state_changed.connect(
        _public_state_changed, sender=Article, dispatch_uid="pagecache-article-public-state"
    )
    post_save.connect(_series_changed, sender=Article, dispatch_uid="pagecache-article-series")
    post_save.connect(_figure_changed, sender=ArticleFigure, dispatch_uid="pagecache-figure-save")
    post_delete.connect(_figure_changed, sender=ArticleFigure, dispatch_uid="pagecache-figure-del")
    for through in (FeaturedArtist, FeaturedArtwork, FeaturedExhibition):
        m2m_changed.connect(_featured_changed, sender=through, dispatch_uid=f"pagecache-{through}")


# The lists an article is in --------------------------------------------------------------------


def public_article_keys(article_ids) -> set[str]:
    """The lists these articles appear in (as the database has them now): the public lists, their
    sections' and tags' pages, their series' pages and feeds (and so their parts' pages), and
    the pages of the artists, artworks and exhibitions they feature or show."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    found = set(LISTED)
    places = Article.objects.filter(pk__in=ids).values_list("section__slug", "series__slug")
    for section, series in places:
        found.add(section_key(section))
        if series is not None:
            found |= {series_key(series), SERIES_INDEX}
    tags = TaggedArticle.objects.filter(content_object_id__in=ids)
    found.update(tag_key(slug) for slug in tags.values_list("tag__slug", flat=True))
    featured = FeaturedArtist.objects.filter(article_id__in=ids)
    found.update(artist_keys(featured.values_list("artist_id", flat=True)))
    artworks = set(
        FeaturedArtwork.objects.filter(article_id__in=ids).values_list("artwork_id", flat=True)
    )
    artworks.update(
        ArticleFigure.objects.filter(article_id__in=ids, artwork__isnull=False).values_list(
            "artwork_id", flat=True
        )
    )
    found.update(artwork_keys(artworks))
    shows = FeaturedExhibition.objects.filter(article_id__in=ids)
    found.update(exhibition_keys(shows.values_list("exhibition_id", flat=True)))
    return found


def exhibition_keys(exhibition_ids) -> set[str]:
    """The lists of articles on these exhibitions' pages."""
    ids = sorted(set(exhibition_ids))
    if not ids:
        return set()
    slugs = Exhibition.objects.filter(pk__in=ids).values_list("slug", flat=True)
    return {exhibition_pages.listing_key(slug) for slug in slugs}


def artwork_keys(artwork_ids) -> set[str]:
    """The lists of articles on these artworks' pages and on their artists' pages."""
    ids = sorted(set(artwork_ids))
    if not ids:
        return set()
    slugs = Artwork.objects.filter(pk__in=ids).values_list("slug", flat=True)
    found = {artwork_pages.listing_key(slug) for slug in slugs}
    artists = ArtworkArtist.objects.filter(artwork_id__in=ids).values_list("artist_id", flat=True)
    return found | artist_keys(artists)


def artist_keys(artist_ids) -> set[str]:
    """The lists of articles on these artists' pages."""
    ids = sorted(set(artist_ids))
    if not ids:
        return set()
    slugs = Artist.objects.filter(pk__in=ids).values_list("slug", flat=True)
    return {artist_pages.listing_key(slug) for slug in slugs}


# Scheduled publication (pagecache/schedule.py) -------------------------------------------------


def _next_publication_after(moment):
    return (
        Article.objects.with_status_published()
        .filter(published_at__gt=moment)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def _went_live_between(start, end):
    return Article.objects.live_at(end).filter(published_at__gt=start).values_list("pk", flat=True)


# Changes ---------------------------------------------------------------------------------------


def _public_state_changed(
    sender, article, before: PublicState | None, after: PublicState | None, **kwargs
):
    """An article's status, publication time or section changed (or it is being deleted): the
    next go-live is recomputed, and the lists it entered, left or moved in are made stale."""
    if (before is None or after is None) or (before.status, before.published_at) != (
        after.status,
        after.published_at,
    ):
        pages.schedule_changed()
    was_public = before is not None and before.public
    if not (was_public or (after is not None and after.public)):
        return  # never in front of readers: no list showed it, and none does now
    if after is None:  # being deleted: its lists are read now, while its rows are there
        pages.members_leaving(Article, [article.pk])
        return
    extra = set(LISTED)
    if was_public and before.section_id != after.section_id:
        slug = Section.objects.filter(pk=before.section_id).values_list("slug", flat=True).first()
        if slug:
            extra.add(section_key(slug))
    pages.members_changed(Article, [article.pk], extra=extra)


def _series_changed(sender, instance: Article, created=False, raw=False, **kwargs):
    """An article moved into, out of or within a series (its series or part changed): both
    series' pages, feeds and parts' navigation are stale (the article's own page shows it, and
    is stale as every saved article's is)."""
    now = (instance.series_id, instance.series_part)
    stored = getattr(instance, "stored_series", (None, None))
    if raw or now == stored:
        return
    instance.stored_series = now
    ids = {now[0], stored[0]} - {None}
    if ids:
        slugs = Series.objects.filter(pk__in=ids).values_list("slug", flat=True)
        pages.keys_changed({series_key(slug) for slug in slugs} | {SERIES_INDEX})


def _figure_changed(sender, instance: ArticleFigure, raw=False, **kwargs):
    """A figure added to or taken from a public article moves it in or out of the "articles
    featuring" lists of the artwork and its artists; a body figure that showed another artwork
    before its node changed (articles/body_figures/) takes it out of that one's."""
    artworks = {instance.artwork_id, getattr(instance, "artwork_before", None)} - {None}
    if raw or not artworks:
        return
    if Article.objects.published().filter(pk=instance.article_id).exists():
        pages.members_changed(Article, [instance.article_id], extra=LISTED | artwork_keys(artworks))


def _featured_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """An article's featured artists, artworks or exhibitions changed (from either side of the
    relation)."""
    if action == "pre_clear":
        instance._pagecache_cleared = set(_related_pks(sender, instance, reverse))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    pks = pk_set if action != "post_clear" else getattr(instance, "_pagecache_cleared", set())
    other_model = type(instance) if reverse else model
    articles, others = (pks, {instance.pk}) if reverse else ({instance.pk}, pks)
    names = {pagecache.ANY_CONTENT}
    names |= {pagecache.object_key(Article, pk) for pk in articles}
    names |= {pagecache.object_key(other_model, pk) for pk in others}
    pages.keys_changed(names)
    public = list(Article.objects.published().filter(pk__in=articles).values_list("pk", flat=True))
    if public:
        lists = {Artist: artist_keys, Artwork: artwork_keys, Exhibition: exhibition_keys}
        lists = lists[other_model](others)
        pages.members_changed(Article, public, extra=LISTED | lists)


def _related_pks(through, instance, reverse):
    """The pks on the other side of an article's (or, reversed, an artist's) relation."""
    article_field, other_field = (field.attname for field in through._meta.concrete_fields[1:3])
    mine, theirs = (other_field, article_field) if reverse else (article_field, other_field)
    return through.objects.filter(**{mine: instance.pk}).values_list(theirs, flat=True)
