from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The Image model, safe uploads, and renditions made after an upload commits
    (images.tasks). Content shows images through foreign keys it registers (images.uses)."""

    name = "images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from images import receivers  # noqa: PLC0415 (imports the models: after they load)

        receivers.connect()
