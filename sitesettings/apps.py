from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = "Site settings"

    def ready(self):
        from sitesettings import signals  # noqa: F401, PLC0415 (registers the cache reset)
