"""The sitemap of artists' pages (every artist is public)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from artists.models import Artist


class ArtistSitemap(Sitemap):
    def items(self):
        return Artist.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, artist):
        return artist.updated_at

    def get_latest_lastmod(self):
        return Artist.objects.aggregate(latest=Max("updated_at"))["latest"]
