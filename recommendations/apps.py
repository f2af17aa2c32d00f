from django.apps import AppConfig
from django.contrib import admin

from adminsite.index import IndexPanel


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "You may also like"

    def ready(self):
        # Here, not at the top: these modules import models, loaded only now (and the admin
        # module the article admin, registered by the admin's autodiscovery before this runs);
        # signals connects its receivers on import.
        from articles.admin import ArticleAdmin  # noqa: PLC0415
        from recommendations import (  # noqa: F401, PLC0415
            admin_dashboard,
            cached_pages,
            imported_names,
            renames,
            signals,
        )
        from recommendations.admin import RelatedLinkInline  # noqa: PLC0415
        from recommendations.admin_block import ShownBlockInline  # noqa: PLC0415

        cached_pages.register()
        renames.connect()
        imported_names.connect()  # an import's renames, which renames.py cannot see
        # The article's own related links under it, through the article admin's extension point.
        for inline in (RelatedLinkInline, ShownBlockInline):  # the block as readers see it
            if inline not in ArticleAdmin.extra_inlines:
                ArticleAdmin.extra_inlines.append(inline)
        # The moderators' dashboard, and its panel on the admin's home page.
        admin.site.add_view(
            "recommendations/dashboard/", admin_dashboard.dashboard_view, admin_dashboard.URL_NAME
        )
        admin.site.add_index_panel(
            IndexPanel(
                "recommendations/dashboard_panel.html",
                admin_dashboard.panel_context,
                stylesheets=("recommendations/dashboard.css",),
            )
        )
