from django.apps import AppConfig, apps
from django.db.models.signals import pre_save

# Models of other projects whose text is ours to clean, by label: they cannot inherit our base.
CLEANED_THIRD_PARTY_MODELS = ["taggit.Tag"]


class PlaintextConfig(AppConfig):
    name = "plaintext"
    verbose_name = "Plain text"

    def ready(self):
        # Here, not at the top: the models of every app are loaded only now.
        from plaintext.models import CleanTextModel, clean_before_save  # noqa: PLC0415

        cleaned = [model for model in apps.get_models() if issubclass(model, CleanTextModel)]
        cleaned += [apps.get_model(label) for label in CLEANED_THIRD_PARTY_MODELS]
        for model in cleaned:
            pre_save.connect(clean_before_save, sender=model, dispatch_uid=f"plaintext:{model}")
