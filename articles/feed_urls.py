"""The feeds' addresses, under /feeds/: each feed in RSS and in Atom."""

from django.urls import path

from articles.feeds import ArticleFeed, ArtistFeed, SectionFeed, SeriesFeed, TagFeed

app_name = "feeds"

urlpatterns = [
    path("rss/", ArticleFeed.as_view("rss"), name="latest-rss"),
    path("atom/", ArticleFeed.as_view("atom"), name="latest-atom"),
    path("sections/<unicode_slug:slug>/rss/", SectionFeed.as_view("rss"), name="section-rss"),
    path("sections/<unicode_slug:slug>/atom/", SectionFeed.as_view("atom"), name="section-atom"),
    path("series/<unicode_slug:slug>/rss/", SeriesFeed.as_view("rss"), name="series-rss"),
    path("series/<unicode_slug:slug>/atom/", SeriesFeed.as_view("atom"), name="series-atom"),
    path("tags/<unicode_slug:slug>/rss/", TagFeed.as_view("rss"), name="tag-rss"),
    path("tags/<unicode_slug:slug>/atom/", TagFeed.as_view("atom"), name="tag-atom"),
    path("artists/<unicode_slug:slug>/rss/", ArtistFeed.as_view("rss"), name="artist-rss"),
    path("artists/<unicode_slug:slug>/atom/", ArtistFeed.as_view("atom"), name="artist-atom"),
]
