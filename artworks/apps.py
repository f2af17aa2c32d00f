from django.apps import AppConfig


class ArtworksConfig(AppConfig):
    name = "artworks"
