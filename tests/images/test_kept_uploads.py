"""Uploads kept across a validation error (images/kept_uploads.py): those no use took are
deleted after KEPT_UPLOAD_HOURS, on the next kept upload or by `delete_unused_images`."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleFigure
from artists.models import Artist
from artworks.models import ArtworkImage
from images import kept_uploads, uses
from images.models import Image
from tests.adminforms import form_errors, management_form
from tests.artworks.test_admin import artwork_data
from tests.factories import ArticleFigureFactory, ImageFactory, png_upload

pytestmark = pytest.mark.django_db


def test_unused_images_are_deleted_once_old_and_used_ones_never(settings):
    """A day-old image nobody took goes with its file; a used one and a fresh one stay."""
    settings.KEPT_UPLOAD_HOURS = 24
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=25)):
        abandoned = ImageFactory()
        used = ArticleFigureFactory(artwork=None, image=ImageFactory(), alt_text="A picture").image
    fresh = ImageFactory()
    path = abandoned.file.path

    output = io.StringIO()
    call_command("delete_unused_images", stdout=output)

    assert output.getvalue() == "1 unused image(s) deleted.\n"

    assert set(Image.objects.values_list("pk", flat=True)) == {used.pk, fresh.pk}
    assert not (settings.MEDIA_ROOT / path).exists()


def test_a_kept_token_expires_with_the_hours(settings):
    """A token older than KEPT_UPLOAD_HOURS no longer brings its image back."""
    settings.KEPT_UPLOAD_HOURS = 2
    use = uses.use_of(ArticleFigure, "image")
    image = ImageFactory()
    token = kept_uploads.token_for(image, use)

    assert kept_uploads.kept_image(token, use) == image
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        assert kept_uploads.kept_image(token, use) is None
    portrait = uses.use_of(Artist, "portrait")
    assert kept_uploads.kept_image(token, portrait) is None  # a figure's token, not a portrait's


def test_an_artworks_required_image_is_kept_across_an_error(admin_client):
    """Every image use keeps its upload: an artwork's image (a required file) too."""
    posted = artwork_data(
        earliest_year="1999",
        latest_year="1995",  # before the earliest: refused
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": png_upload("urn.png"),
            "images-0-alt_text": "The urn falling",
        },
    )

    refused = admin_client.post(reverse("admin:artworks_artwork_add"), posted)

    assert list(form_errors(refused)) == ["latest_year"]
    widget = refused.context["inline_admin_formsets"][1].formset.forms[0]["image"].field.widget
    assert widget.kept_name == "urn.png"
    posted |= {"latest_year": "1999", "images-0-image-kept": widget.kept_token}
    del posted["images-0-image"]

    saved = admin_client.post(reverse("admin:artworks_artwork_add"), posted)

    assert saved.status_code == 302, form_errors(saved)
    assert ArtworkImage.objects.get().image.original_name == "urn.png"
    assert Image.objects.count() == 1
