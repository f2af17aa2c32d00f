"""The sections of /sitemap.xml (an index): each is /sitemap-<name>.xml, paginated by Django."""

from articles.sitemaps import ArticleSitemap, SectionSitemap, SeriesSitemap, TagSitemap
from artists.sitemaps import ArtistSitemap
from artworks.sitemaps import ArtworkSitemap
from exhibitions.sitemaps import ExhibitionSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "series": SeriesSitemap,
    "artists": ArtistSitemap,
    "artworks": ArtworkSitemap,
    "exhibitions": ExhibitionSitemap,
}
