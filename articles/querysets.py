"""What the public may see, written once: an article is public when its status is "published"
and its publication time has come. `ArticleQuerySet.live_at()` says it in SQL for every view,
feed, sitemap, search and template tag; `is_live()` says the same of one article in hand (the
model's `is_published`, and the publishing services deciding whether an article entered or left
the public set); `live_condition()` hands live_at()'s own compiled SQL to the reads written by
hand. tests/articles/test_published.py holds them to one truth table."""

from datetime import UTC, datetime
from functools import cache

from django.apps import apps
from django.db import connections, models
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone


class Status(models.TextChoices):
    """An article's place in the workflow (Article.Status): here, beside the rule that reads it."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished (archived)"


def is_live(status: str, published_at, when) -> bool:
    """Whether an article with this status and publication time is public at `when`: the same
    test as ArticleQuerySet.live_at()."""
    return status == Status.PUBLISHED and published_at is not None and published_at <= when


def live_condition(connection, when) -> tuple[str, list]:
    """live_at(when)'s condition as SQL over the article table under its own name, and its
    values (`%s`, bound): for the reads written by hand (articles/card_reads.py). Compiled from
    live_at() itself, once per process and database, so the rule stays written once; `when`
    is bound as the query would bind it. Safe as SQL: Django's compiled text, quoted names and
    placeholders; the values are bound parameters."""
    sql, params, at = _live_condition(connection.alias)
    values = list(params)
    field = apps.get_model("articles", "Article")._meta.get_field("published_at")
    values[at] = field.get_db_prep_value(when, connection)
    return sql, values


# A moment no article is published at: how live_at()'s own `when` is found among its values.
_MARK = datetime(1001, 2, 3, 4, 5, 6, 789, tzinfo=UTC)


@cache
def _live_condition(alias: str) -> tuple[str, tuple, int]:
    connection = connections[alias]
    article = apps.get_model("articles", "Article")
    query = article.objects.live_at(_MARK).query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    marked = article._meta.get_field("published_at").get_db_prep_value(_MARK, connection)
    (at,) = [index for index, value in enumerate(params) if value == marked]
    return sql, tuple(params), at


class ArticleQuerySet(models.QuerySet):
    def with_status_published(self):
        return self.filter(status=Status.PUBLISHED)

    def live_at(self, when):
        """Published articles whose publication time has come by `when` (is_live() in SQL)."""
        return self.with_status_published().filter(published_at__lte=when)

    def scheduled_at(self, when):
        """Published articles whose publication time is still to come at `when`: given the
        status, the ones live_at(when) leaves out (Article.is_scheduled in SQL)."""
        return self.with_status_published().filter(published_at__gt=when)

    def count_live_at(self, when) -> tuple[int, datetime | None]:
        """How many are live at `when` (live_at(when).count()), and the first publication time
        of those scheduled at `when` (None when none is), the conditions of live_at() and
        scheduled_at() in one query."""
        found = self.with_status_published().aggregate(
            live=Count("pk", filter=Q(published_at__lte=when)),
            next=Min("published_at", filter=Q(published_at__gt=when)),
        )
        return found["live"], found["next"]

    def published(self):
        """What readers may see now: published, and the publication time has passed."""
        return self.live_at(timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What an article card shows (section, byline, lead image), in a fixed number of
        queries however many articles are listed."""
        return self.select_related("section").prefetch_related(
            _byline_prefetch(), _figures_prefetch(with_captions=False)
        )

    def for_detail(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.select_related("section").prefetch_related(
            _byline_prefetch(),
            _figures_prefetch(with_captions=True),
            "tags",
            "links",
            "featured_artists",
            _exhibitions_prefetch(),
        )


# The parts' models are looked up by name: they are defined in articles/models.py, which
# imports this module for the Article manager.


def _byline_prefetch():
    byline = apps.get_model("articles", "ArticleAuthor").objects.select_related("author")
    return Prefetch("article_authors", queryset=byline)


def _exhibitions_prefetch():
    # The article page's "On view" block names each show's venue.
    exhibitions = apps.get_model("exhibitions", "Exhibition").objects.select_related("venue")
    return Prefetch("featured_exhibitions", queryset=exhibitions.order_by("pk"))


def card_figures_prefetch(*, through: str = "") -> Prefetch:
    """The figures an article card needs for its lead image (as for_listing() loads them), for
    articles listed elsewhere (the admin) or reached through a relation: `through="target"`
    from a model whose `target` is an article."""
    return _figures_prefetch(with_captions=False, through=through)


def _figures_prefetch(*, with_captions: bool, through: str = ""):
    # Each figure's picture comes with it: its upload, the artwork image chosen, or the
    # artwork's images (the first shows; their manager joins their Image rows).
    figures = apps.get_model("articles", "ArticleFigure").objects
    figures = figures.select_related("image", "artwork", "artwork_image__image")
    lookups = ["artwork__images"]
    if with_captions:
        # The credits with their artists in one query (a join), not one query each.
        credits = apps.get_model("artworks", "ArtworkArtist").objects.select_related("artist")
        lookups.append(Prefetch("artwork__artist_credits", queryset=credits))
    lookup = f"{through}__figures" if through else "figures"
    return Prefetch(lookup, queryset=figures.prefetch_related(*lookups))
