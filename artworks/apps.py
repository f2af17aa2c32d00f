from django.apps import AppConfig

from images import uses


class ArtworksConfig(AppConfig):
    name = "artworks"

    def ready(self):
        uses.register(self.get_model("ArtworkImage"), "image", folder="artworks")
