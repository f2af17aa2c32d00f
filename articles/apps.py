from django.apps import AppConfig

from images import uses


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        uses.register(self.get_model("ArticleFigure"), "image", folder="figures")
