"""The sitemap of public exhibitions' pages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from exhibitions.models import Exhibition


class ExhibitionSitemap(Sitemap):
    limit = 5000  # as the artists' sitemap (artists/sitemaps.py)

    def items(self):
        return Exhibition.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, exhibition):
        return exhibition.updated_at

    def get_latest_lastmod(self):
        return Exhibition.objects.public().aggregate(latest=Max("updated_at"))["latest"]
