from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    """The history, diff, revert and recovery of what the content apps register
    (`<app>/versions.py`, from their own ready(): revisions names no content model)."""

    name = "revisions"
    verbose_name = "Revisions"

    def ready(self):
        # Here, not at the top: signals imports reversion's models, loaded only now; importing
        # it connects its receivers.
        from revisions import signals  # noqa: F401, PLC0415
