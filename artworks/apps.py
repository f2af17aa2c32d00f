from django.apps import AppConfig

from images import uses


class ArtworksConfig(AppConfig):
    name = "artworks"

    def ready(self):
        # Here, not at the top: the module imports this app's models, loaded only now.
        from artworks import cached_pages, versions  # noqa: PLC0415

        cached_pages.register()
        versions.register()
        uses.register(self.get_model("ArtworkImage"), "image", folder="artworks")
