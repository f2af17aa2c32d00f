from django.apps import AppConfig


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
        from articles.signals import article_public_state_changed  # noqa: PLC0415
        from links import archive, readers  # noqa: PLC0415
        from links.models import Link, LinkUse  # noqa: PLC0415

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
