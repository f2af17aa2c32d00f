from django.apps import AppConfig

# Registers the deployment check (its decorator runs on import).
from pagecache import checks  # noqa: F401


class PageCacheConfig(AppConfig):
    """The mechanism only: each app registers its models and views from its own ready()
    (pagecache/registry.py)."""

    name = "pagecache"
    verbose_name = "Page cache"
