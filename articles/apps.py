from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete

from images import uses


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Here, not at the top: these modules import this app's models, loaded only now.
        from articles import cached_pages, services, versions  # noqa: PLC0415
        from articles.body_figures import sync  # noqa: PLC0415
        from articles.models import Article  # noqa: PLC0415

        cached_pages.register()
        versions.register()
        # However an article is deleted, it leaves the public set: the domain signal says so.
        pre_delete.connect(
            services.article_announce_deletion, sender=Article, dispatch_uid="article-deleted"
        )
        uses.register(self.get_model("ArticleFigure"), "image", folder="figures")
        # The body's figure nodes kept as in-body figures, whatever saved the body.
        post_save.connect(sync.sync_after_save, sender=Article, dispatch_uid="body-figures-sync")
