from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "You may also like"

    def ready(self):
        from recommendations import signals  # noqa: F401, PLC0415 (connects the receivers)
