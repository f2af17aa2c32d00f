from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    name = "revisions"
    verbose_name = "Revisions"

    def ready(self):
        from revisions import registry, signals  # noqa: F401, PLC0415 (signals connects receivers)

        registry.register_models()
