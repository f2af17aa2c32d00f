"""The sitemap of artworks' pages (every artwork is public)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from artworks.models import Artwork


class ArtworkSitemap(Sitemap):
    # Addresses a sitemap page lists (Django's default, 50,000, takes seconds to build at the
    # scale of a large archive; search engines read the index and follow every page).
    limit = 5000

    def items(self):
        return Artwork.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, artwork):
        return artwork.updated_at

    def get_latest_lastmod(self):
        return Artwork.objects.aggregate(latest=Max("updated_at"))["latest"]
