from django.apps import AppConfig


class TaggingConfig(AppConfig):
    """The admin's tag autocomplete (forms.py), and the slug every new tag gets (slugs.py)."""

    name = "tagging"

    def ready(self):
        from tagging import slugs  # noqa: PLC0415 (taggit's models must be loaded first)

        slugs.connect_signals()
