from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """Safe uploads, and renditions made after an upload commits (images.tasks)."""

    name = "images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from images import registry  # noqa: PLC0415 (models must be loaded first)

        registry.connect_signals()
