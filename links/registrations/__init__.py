"""The sources of outbound links the site's content apps have (links/sources.py), registered
from LinksConfig.ready(): `links` sits to the left of the content apps (its `LinkUse` points at
an article, and archive.py listens to the articles' domain signal), so they cannot import it,
and it registers them, one module per app, each replacing through that app's own write path."""

from django.contrib.auth.models import AbstractBaseUser

User = AbstractBaseUser | None


def register_all() -> None:
    # Here, not at the top: the modules import models, loaded only when ready() runs.
    from links.registrations import articles, artists, artworks, sitesettings  # noqa: PLC0415

    for module in (articles, artists, artworks, sitesettings):
        module.register()
