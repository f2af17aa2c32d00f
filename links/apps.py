from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LinksConfig(AppConfig):
    """The outbound links: every URL the site uses and where (models.py, inventory.py), checked
    in the background (checking/), archived when an article is published (archive.py), shown
    to readers with the archived copy once dead (readers.py), and the editors' queue of broken
    and moved links (admin.py)."""

    name = "links"
    verbose_name = "Outbound links"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import pagecache  # noqa: PLC0415
        from articles import link_notes  # noqa: PLC0415
        from articles.admin import ArticleAdmin  # noqa: PLC0415
        from articles.signals import article_public_state_changed  # noqa: PLC0415
        from links import archive, prepublish, readers, receivers, registrations  # noqa: PLC0415  # noqa: PLC0415
        from links.admin_panel import ArticleLinksPanel  # noqa: PLC0415
        from links.migrating import inventory_after_migrate  # noqa: PLC0415
        from links.models import Link, LinkUse  # noqa: PLC0415
        from links.tasks import start_checking  # noqa: PLC0415

        # Every deploy migrates: that queues the checker's first pass, which queues the next
        # (links/tasks.py), when the tasks backend is a real queue.
        post_migrate.connect(start_checking, sender=self, dispatch_uid="links.start_checking")

        # The inventory: the content apps' sources (registrations/), kept current (receivers.py).
        registrations.register_all()
        receivers.connect()
        post_migrate.connect(inventory_after_migrate, sender=self, dispatch_uid="links-migrated")
        # The article's side: its pre-publish check and its change form's panel.
        prepublish.register_check()
        if ArticleLinksPanel not in ArticleAdmin.extra_inlines:
            ArticleAdmin.extra_inlines.append(ArticleLinksPanel)
        # An article's page shows the state of its links (readers.py records every link of the
        # articles it renders): a link saved makes stale exactly those pages. Not content:
        # search results and sitemaps do not show it.
        pagecache.register_model(Link, content=False)
        # A use (its archived copy's address) is a part of the article it belongs to; the use
        # of an artist's or an artwork's URL (no article) is shown nowhere.
        pagecache.register_part(LinkUse, belongs_to=["article"], content=False)
        link_notes.register(readers.notes_for)
        article_public_state_changed.connect(
            archive.on_public_state_changed, dispatch_uid="links-archive"
        )
