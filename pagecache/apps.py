from django.apps import AppConfig

# Registers the deployment check (its decorator runs on import).
from pagecache import (
    checks,  # noqa: F401
    registry,
)


class PageCacheConfig(AppConfig):
    """The mechanism only: each app registers its models and views from its own ready()
    (pagecache/registry.py)."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        # Here, not at the top: models may be imported only once the apps are loaded.
        from images.models import Image  # noqa: PLC0415

        # Pictures (the images pipeline, a mechanism like this one, not a content app) are shown
        # by every page that loads one: a new file or focal point makes those pages stale. New
        # renditions arrive through images.signals.renditions_changed (signals.py).
        registry.register_model(Image)
