"""A deployment check: a page cache in each process's own memory cannot be told about an edit
made in another process."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_for_pages(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in each process's own memory: an edit made through one "
                "process leaves the pages cached by the others unchanged.",
                hint="Set REDIS_URL (one Redis shared by every process), or PAGE_CACHE=false.",
                id="pagecache.W001",
            )
        ]
    return []
