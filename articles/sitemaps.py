"""Sitemaps of public articles, and of the sections, tags and public series that have public
articles.

A section or tag page with no public article is left out (an empty list is no page to offer a
search engine); it is listed from the minute its first article is public. Its lastmod is the
latest change among its public articles.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Section
from articles.series import Series

# Article.modified_at in SQL: the last save, or the publication time when that came later.
LAST_CHANGE = Greatest("updated_at", "published_at")


class ArticleSitemap(Sitemap):
    # Addresses a sitemap page lists (Django's default, 50,000, takes seconds to build at the
    # scale of a large archive; search engines read the index and follow every page).
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .annotate(last_change=LAST_CHANGE)
            .only("slug", "updated_at", "published_at")
            .newest_first()
        )

    def lastmod(self, article):
        return article.last_change

    def get_latest_lastmod(self):
        # One aggregate, rather than Django's default of loading every article.
        return Article.objects.published().aggregate(latest=Max(LAST_CHANGE))["latest"]


def _latest_public_change(relation: str):
    """The latest change among the public articles whose `relation` (section, tags) is the
    outer row, as a subquery: None when it has no public article."""
    changes = (
        Article.objects.published()
        .filter(**{relation: OuterRef("pk")})
        .annotate(last_change=LAST_CHANGE)
        .order_by("-last_change")
        .values("last_change")[:1]
    )
    return Subquery(changes)


class SectionSitemap(Sitemap):
    def items(self):
        return (
            Section.objects.annotate(last_change=_latest_public_change("section"))
            .filter(last_change__isnull=False)
            .order_by("order", "name")
        )

    def lastmod(self, section):
        return section.last_change


class TagSitemap(Sitemap):
    def items(self):
        return (
            Tag.objects.annotate(last_change=_latest_public_change("tags"))
            .filter(last_change__isnull=False)
            .order_by("slug")
        )

    def location(self, tag):
        return reverse("articles:tag-detail", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return tag.last_change


class SeriesSitemap(Sitemap):
    def items(self):
        return (
            Series.objects.public()
            .annotate(last_change=_latest_public_change("series"))
            .filter(last_change__isnull=False)
            .order_by("order", "title")
        )

    def lastmod(self, series):
        return series.last_change
