"""The sitemap of artists' pages (every artist is public)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from artists.models import Artist


class ArtistSitemap(Sitemap):
    # Addresses a sitemap page lists (Django's default, 50,000, takes seconds to build at the
    # scale of a large archive; search engines read the index and follow every page).
    limit = 5000

    def items(self):
        return Artist.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, artist):
        return artist.updated_at

    def get_latest_lastmod(self):
        return Artist.objects.aggregate(latest=Max("updated_at"))["latest"]
