from django.apps import AppConfig


class FeaturingConfig(AppConfig):
    """The artists and artworks an article's text names (featuring/matching.py), found against
    every name of the catalogue (catalogue.py), refreshed when names change (receivers.py)."""

    name = "featuring"
    verbose_name = "Featuring"

    def ready(self):
        # Here, not at the top: receivers import models, loaded only now.
        from featuring import receivers  # noqa: PLC0415

        receivers.connect()
