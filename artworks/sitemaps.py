"""The sitemap of artworks' pages (every artwork is public)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from artworks.models import Artwork


class ArtworkSitemap(Sitemap):
    def items(self):
        return Artwork.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, artwork):
        return artwork.updated_at

    def get_latest_lastmod(self):
        return Artwork.objects.aggregate(latest=Max("updated_at"))["latest"]
