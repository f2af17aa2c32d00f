from django.apps import AppConfig

from images import uses


class ArtistsConfig(AppConfig):
    name = "artists"

    def ready(self):
        # Here, not at the top: the module imports this app's models, loaded only now.
        from artists import cached_pages, versions  # noqa: PLC0415

        cached_pages.register()
        versions.register()
        uses.register(self.get_model("Artist"), "portrait", folder="artists/portraits")
