from django.apps import AppConfig


class ArtistsConfig(AppConfig):
    name = "artists"
