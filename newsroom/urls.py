from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

import pagecache
from articles.cached_pages import PUBLIC_ARTICLES
from newsroom.sitemaps import SITEMAPS
from pagecache.query import reads_query

# A database error raised outside a view (a logged-in visitor's session) gets the friendly 503.
handler500 = "health.views.server_error"

urlpatterns = [
    # First: /healthz and /readyz (health/), which no other pattern may shadow.
    path("", include("health.urls")),
    path("admin/", admin.site.urls),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots-txt",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        # ?p=: the page of a section longer than a sitemap may be (the index links to them).
        reads_query("p")(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("feeds/", include("articles.feed_urls")),
    path("artists/", include("artists.urls")),
    path("artworks/", include("artworks.urls")),
    path("exhibitions/", include("exhibitions.urls")),
    path("search/", include("search.urls")),
    path("r/", include("recommendations.urls")),
    path("", include("articles.urls")),
]

# The site-wide pages routed here are cached like the apps' own (which register theirs from
# their ready()): the sitemaps list every public object, robots.txt nothing that changes.
pagecache.register_view("robots-txt")
for name in ("sitemap-index", "sitemap-section"):
    pagecache.register_view(name, depends_on=[PUBLIC_ARTICLES, pagecache.ANY_CONTENT])

if settings.DEBUG:
    from django.conf.urls.static import static

    from security.static_paths import serve_media

    urlpatterns += static(settings.MEDIA_URL, view=serve_media, document_root=settings.MEDIA_ROOT)
