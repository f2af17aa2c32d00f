from django.apps import AppConfig

from images import uses


class ExhibitionsConfig(AppConfig):
    name = "exhibitions"

    def ready(self):
        # Here, not at the top: the module imports this app's models, loaded only now.
        from exhibitions import cached_pages, versions  # noqa: PLC0415

        cached_pages.register()
        versions.register()
        uses.register(self.get_model("Exhibition"), "image", folder="exhibitions")
