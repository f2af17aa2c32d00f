from django.apps import AppConfig

from images import uses


class ArtistsConfig(AppConfig):
    name = "artists"

    def ready(self):
        uses.register(self.get_model("Artist"), "portrait", folder="artists/portraits")
