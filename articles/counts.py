"""How many public articles a paginated list has (every one, a section's, a tag's), kept in the
cache with exact invalidation (pagecache/counts.py) instead of a COUNT on each cold page: at
100,000 articles on PostgreSQL that COUNT read every public article for each page of the list.

Each count depends on the set key its pages depend on (articles/cached_pages.py: moved whenever
a public article comes, goes or changes section or tags) and on the section or tag itself (its
slug, its assignments); it is true until the next scheduled article of the list goes live
(`ArticleQuerySet.count_live_at`)."""

from django.utils import timezone
from taggit.models import Tag

import pagecache
from articles.cached_pages import PUBLIC_ARTICLES, section_key, tag_key
from articles.models import Article, Section, TaggedArticle
from pagecache.counts import Counted, kept


def public_count(name: str, articles, *, depends_on) -> int:
    """How many of `articles` (a queryset of Article: a list's articles, whatever their
    state) are public now."""

    def count() -> Counted:
        total, next_live = articles.count_live_at(timezone.now())
        return Counted(total, until=next_live)

    return kept(f"articles:{name}", count, depends_on=depends_on)


def all_public() -> int:
    return public_count("all", Article.objects.all(), depends_on=[PUBLIC_ARTICLES])


def public_in_section(section: Section) -> int:
    return public_count(
        f"section:{section.pk}",
        Article.objects.filter(section=section),
        depends_on=[section_key(section.slug), pagecache.object_key(Section, section.pk)],
    )


def public_with_tag(tag: Tag) -> int:
    tagged = TaggedArticle.objects.filter(tag=tag).values("content_object_id")
    return public_count(
        f"tag:{tag.pk}",
        Article.objects.filter(pk__in=tagged),
        depends_on=[tag_key(tag.slug), pagecache.object_key(Tag, tag.pk)],
    )
