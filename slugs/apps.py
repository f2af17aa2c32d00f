from django.apps import AppConfig
from django.urls.converters import get_converters, register_converter

from slugs.converters import CONVERTER_NAME, UnicodeSlugConverter


class SlugsConfig(AppConfig):
    """Registers the URL converter before any URLconf is read (routes parse their converters
    when they are built). Registered once: Django refuses a second registration of a name, and
    ready() runs again when a test swaps INSTALLED_APPS."""

    name = "slugs"

    def ready(self):
        if CONVERTER_NAME not in get_converters():
            register_converter(UnicodeSlugConverter, CONVERTER_NAME)
