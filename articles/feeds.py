"""RSS and Atom feeds of the newest public articles: all of them, or one section's, one tag's,
one series' (newest first, as feed readers expect, not in part order), or those featuring one
artist. Every feed starts from `published()`.

A feed is made afresh for each request (`ArticleFeed.as_view`), so its methods may use the
request to make every address absolute. An item carries the byline (one author element per
author), the section and tags as categories, the standfirst as its summary, the body as its
content (with the figures placed in it, as the page shows them), the publication and
last-change times, and the lead figure's picture as an enclosure.
"""

import mimetypes
import re
from urllib.parse import urljoin, urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from taggit.models import Tag

from articles.body_figures.render import body_html
from articles.feed_formats import UNKNOWN_LENGTH, AtomFeed, RssFeed
from articles.link_notes import load as load_link_notes
from articles.models import Article, Section
from articles.selectors import articles_featuring, tag_has_public_content
from articles.series import Series
from articles.series_parts import public_parts
from artists.models import Artist
from artworks.models import ArtworkArtist
from sitesettings.models import SiteSettings

FEED_SIZE = 30
FORMATS = {"rss": RssFeed, "atom": AtomFeed}
# Sanitized bodies (richtext.sanitize) and the figures' markup (images/markup.py) always quote
# attributes with double quotes.
_HREF = re.compile(r'((?:href|src)=")([^"]*)(")')
_SRCSET = re.compile(r'(srcset=")([^"]*)(")')


class ArticleFeed(Feed):
    """The newest public articles; subclasses narrow them to a section, a tag or an artist."""

    @classmethod
    def as_view(cls, format_name: str):
        """A view that makes a feed of this kind, "rss" or "atom", for each request (Django's
        feeds are one shared instance, where the request could not be kept)."""

        def view(request, *args, **kwargs):
            feed = cls()
            feed.feed_type = FORMATS[format_name]
            feed.request = request
            feed.site = SiteSettings.current()
            return feed(request, *args, **kwargs)

        return view

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        articles = self.articles(obj).for_listing().prefetch_related("tags").newest_first()
        articles = list(articles[:FEED_SIZE])
        # The captions of the figures in the bodies name the artworks' artists: read for those
        # figures only (no query when no body has a figure).
        in_bodies = [f for a in articles for f in a.body_figures() if f.artwork_id]
        credits = ArtworkArtist.objects.select_related("artist")
        prefetch_related_objects(in_bodies, Prefetch("artwork__artist_credits", queryset=credits))
        # What readers are told beside the bodies' links (an archived copy of a dead link):
        # read for all the items at once, only those whose body has a link (as body_html asks).
        load_link_notes([article for article in articles if "<a " in (article.body or "")])
        return articles

    def title(self, obj):
        return self.site.publisher_name

    def link(self, obj):
        return reverse("articles:home")

    def description(self, obj):
        return self.site.tagline or f"The latest articles from {self.site.publisher_name}."

    def author_name(self, obj):
        # Atom needs an author for the feed when an entry has none (an article without a byline).
        return self.site.publisher_name

    def item_title(self, article):
        # Plain text, as every value given to the formats (articles.feed_formats escapes
        # each for its element): Django's default escapes it as HTML once more.
        return article.title

    def item_description(self, article):
        return article.standfirst or article.meta_description

    def item_guid(self, article):
        """A tag URI (RFC 4151) on the article's key, so that a new slug is not a new item to
        readers: the site's host name (no port) and the day it was first published."""
        host = urlsplit(f"//{self.request.get_host()}").hostname
        first = article.first_published_at or article.published_at
        return f"tag:{host},{first:%Y-%m-%d}:article:{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_categories(self, article):
        """The section, then the tags; a tag named as the section ("travel") is not repeated."""
        names = [article.section.name, *(tag.name for tag in article.tags.all())]
        first_of_each = {}
        for name in names:
            first_of_each.setdefault(name.casefold(), name)
        return list(first_of_each.values())

    def item_enclosures(self, article):
        enclosure = lead_picture_enclosure(article, self.request.build_absolute_uri)
        return [enclosure] if enclosure else []

    def item_extra_kwargs(self, article):
        page = self.request.build_absolute_uri(article.get_absolute_url())
        return {
            "authors": [author.name for author in article.byline()],
            "content": absolute_links(body_html(article), base=page),
        }


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, section):
        return super().articles(section).filter(section=section)

    def title(self, section):
        return f"{section.name} | {self.site.publisher_name}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return f"{section.name} from {self.site.publisher_name}, newest first."


class TagFeed(ArticleFeed):
    """A tag's articles; a tag that only drafts carry is a 404, as its page is."""

    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        if not tag_has_public_content(tag):
            raise Http404("No public content carries this tag.")
        return tag

    def articles(self, tag):
        return super().articles(tag).filter(tags__slug=tag.slug)

    def title(self, tag):
        return f"{tag.name} | {self.site.publisher_name}"

    def link(self, tag):
        return reverse("articles:tag-detail", kwargs={"slug": tag.slug})

    def description(self, tag):
        return f"Articles tagged “{tag.name}” at {self.site.publisher_name}, newest first."


class SeriesFeed(ArticleFeed):
    """A public series' public parts, newest first; a hidden or unknown series is a 404."""

    def get_object(self, request, slug):
        return get_object_or_404(Series.objects.public(), slug=slug)

    def articles(self, series):
        return public_parts(series)

    def title(self, series):
        return f"{series.title} | {self.site.publisher_name}"

    def link(self, series):
        return series.get_absolute_url()

    def description(self, series):
        return series.description or f"{series.title}, a series at {self.site.publisher_name}."


class ArtistFeed(ArticleFeed):
    """Articles featuring an artist, by name, in a figure or through an artwork."""

    def get_object(self, request, slug):
        return get_object_or_404(Artist, slug=slug)

    def items(self, artist):
        return articles_featuring(artist).for_listing().prefetch_related("tags")[:FEED_SIZE]

    def title(self, artist):
        return f"Articles featuring {artist.name} | {self.site.publisher_name}"

    def link(self, artist):
        return artist.get_absolute_url()

    def description(self, artist):
        return f"Articles featuring {artist.name} at {self.site.publisher_name}, newest first."


def lead_picture_enclosure(article, absolute) -> Enclosure | None:
    """The lead picture as the page shows it: the middle rendition (960 pixels wide by default)
    once renditions are made, else the original. Only the original's size is stored
    (renditions are never measured, and opening files is not a feed's job), so a rendition's
    length is UNKNOWN_LENGTH."""
    shown = article.lead_image()
    if shown is None:
        return None
    picture = shown.picture
    if picture.has_renditions:
        url, length = picture.src, UNKNOWN_LENGTH
    else:
        url, length = shown.file.url, str(shown.image.file_size or UNKNOWN_LENGTH)
    mime_type, _ = mimetypes.guess_type(urlsplit(url).path)
    if not url or mime_type is None:
        return None
    return Enclosure(absolute(url), str(length), mime_type)


def absolute_links(html: str, *, base: str) -> str:
    """`html` (a sanitized body, its figures written in) with every link and picture address
    made absolute against the article's address, as a feed reader shows it away from the
    site."""
    html = _HREF.sub(lambda match: match[1] + urljoin(base, match[2]) + match[3], html or "")
    return _SRCSET.sub(lambda match: match[1] + _absolute_srcset(match[2], base) + match[3], html)


def _absolute_srcset(srcset: str, base: str) -> str:
    """ "/media/a.webp 480w, /media/b.webp 960w" with each address absolute."""
    candidates = []
    for candidate in srcset.split(","):
        address, _, descriptor = candidate.strip().partition(" ")
        candidates.append(f"{urljoin(base, address)} {descriptor}".strip())
    return ", ".join(candidates)
