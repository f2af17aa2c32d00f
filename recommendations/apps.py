from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "You may also like"

    def ready(self):
        # Here, not at the top: these modules import models, loaded only now (and the admin
        # module the article admin, registered by the admin's autodiscovery before this runs).
        from articles.admin import ArticleAdmin  # noqa: PLC0415
        from recommendations import cached_pages, signals  # noqa: F401, PLC0415 (signals connects)
        from recommendations.admin import RelatedLinkInline  # noqa: PLC0415
        from recommendations.admin_block import ShownBlockInline  # noqa: PLC0415

        cached_pages.register()
        from recommendations import renames  # noqa: PLC0415

        renames.connect()
        # The article's own related links under it, through the article admin's extension point.
        for inline in (RelatedLinkInline, ShownBlockInline):  # the block as readers see it
            if inline not in ArticleAdmin.extra_inlines:
                ArticleAdmin.extra_inlines.append(inline)
