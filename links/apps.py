from django.apps import AppConfig


class LinksConfig(AppConfig):
    """The outbound links: every URL the site uses and where (models.py, inventory.py), checked
    in the background (checking/), archived when an article is published (archive.py), and the
    editors' queue of broken and moved links (admin.py)."""

    name = "links"
    verbose_name = "Outbound links"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import pagecache  # noqa: PLC0415
        from links.models import Link, LinkUse  # noqa: PLC0415

        # Until the readers' side registers what a link's state changes on a page (archive.py),
        # neither is shown on a public page.
        pagecache.not_shown(Link, why="the link checker's state; the admin only")
        pagecache.not_shown(LinkUse, why="where a URL is used; the admin only")
