from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pagecache import checks, signals, tracking  # noqa: F401, PLC0415 (models are ready)

        tracking.connect()
        signals.connect()
