from django.apps import AppConfig

import pagecache


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = "Site settings"

    def ready(self):
        # Here, not at the top: this app's models are loaded only now.
        from sitesettings.models import SiteSettings  # noqa: PLC0415

        # Every page shows the settings (footer, publisher's name): it depends on the one row.
        pagecache.register_model(SiteSettings, shown_as_set=True)
