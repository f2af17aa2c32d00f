from django.apps import AppConfig


class FeaturingConfig(AppConfig):
    """The artists and artworks an article's text names (featuring/matching.py), found against
    every name of the catalogue (catalogue.py), refreshed when names change (receivers.py); the
    suggestions made of them on the article's change form, and what people decided (admin.py)."""

    name = "featuring"
    verbose_name = "Featuring"

    def ready(self):
        # Here, not at the top: these modules import models, loaded only now (and the admin
        # module the article admin, registered by the admin's autodiscovery before this runs).
        import pagecache  # noqa: PLC0415
        from articles.admin import ArticleAdmin  # noqa: PLC0415
        from featuring import receivers  # noqa: PLC0415
        from featuring.admin import FeaturingSuggestionsInline  # noqa: PLC0415
        from featuring.models import FeaturingDecision  # noqa: PLC0415

        receivers.connect()
        pagecache.not_shown(
            FeaturingDecision, why="an editor's decision on a suggestion; the admin only"
        )
        # The suggestions panel on the article's form, through the article admin's extension point.
        if FeaturingSuggestionsInline not in ArticleAdmin.extra_inlines:
            ArticleAdmin.extra_inlines.append(FeaturingSuggestionsInline)
