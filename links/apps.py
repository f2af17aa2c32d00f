from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LinksConfig(AppConfig):
    """The outbound links: every URL the site uses and where (models.py, inventory.py), checked
    in the background (checking/), archived when an article is published (archive.py), and the
    editors' queue of broken and moved links (admin.py)."""

    name = "links"
    verbose_name = "Outbound links"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import pagecache  # noqa: PLC0415
        from articles.admin import ArticleAdmin  # noqa: PLC0415
        from links import prepublish, receivers, registrations  # noqa: PLC0415
        from links.admin_panel import ArticleLinksPanel  # noqa: PLC0415
        from links.migrating import inventory_after_migrate  # noqa: PLC0415
        from links.models import Link, LinkUse  # noqa: PLC0415
        from links.tasks import start_checking  # noqa: PLC0415

        # Every deploy migrates: that queues the checker's first pass, which queues the next
        # (links/tasks.py), when the tasks backend is a real queue.
        post_migrate.connect(start_checking, sender=self, dispatch_uid="links.start_checking")

        # Until the readers' side registers what a link's state changes on a page (archive.py),
        # neither is shown on a public page.
        pagecache.not_shown(Link, why="the link checker's state; the admin only")
        pagecache.not_shown(LinkUse, why="where a URL is used; the admin only")

        # The inventory: the content apps' sources (registrations/), kept current (receivers.py).
        registrations.register_all()
        receivers.connect()
        post_migrate.connect(inventory_after_migrate, sender=self, dispatch_uid="links-migrated")
        # The article's side: its pre-publish check and its change form's panel.
        prepublish.register_check()
        if ArticleLinksPanel not in ArticleAdmin.extra_inlines:
            ArticleAdmin.extra_inlines.append(ArticleLinksPanel)
