"""images.uses: the models that show an Image declare it, or a test fails."""

import pytest
from django.apps import apps

from articles.models import Section
from images import uses
from images.models import Image


def test_every_foreign_key_to_an_image_is_a_registered_use():
    """A new model that shows an Image must register it in its app's ready(): otherwise its
    uploads go to the wrong folder, its images outlive it and its pages miss new renditions."""
    keys = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.many_to_one and field.related_model is Image
    }

    assert keys == {(use.label, use.field) for use in uses.registered()}


def test_only_a_foreign_key_to_an_image_can_be_registered():
    with pytest.raises(TypeError):
        uses.register(Section, "name", folder="sections")
