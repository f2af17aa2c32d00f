"""manage.py rebuild_renditions: every image again, or only the missing; broken files reported."""

import io

import factory
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from artists.models import Artist
from artworks.models import ArtworkImage
from tests.factories import ArtistFactory, ArtworkImageFactory

pytestmark = pytest.mark.django_db


def jpeg():
    return factory.django.ImageField(filename="photo.jpg", format="JPEG", width=900, height=600)


def rebuild(*options) -> str:
    out = io.StringIO()
    call_command("rebuild_renditions", *options, stdout=out)
    return out.getvalue()


def test_a_broken_file_is_reported_and_the_rest_is_made():
    good, broken = ArtworkImageFactory(image=jpeg()), ArtworkImageFactory(image=jpeg())
    default_storage.delete(broken.image.name)
    default_storage.save(broken.image.name, ContentFile(b"\xff\xd8 not a picture"))

    text = rebuild()

    assert "Renditions [" in text and "2/2 (100%)" in text
    assert f"Failed: artworks.ArtworkImage {broken.pk}: cannot make renditions" in text
    assert "Renditions: 1 made, 0 skipped, 1 failed." in text
    good.refresh_from_db()
    broken.refresh_from_db()
    assert good.renditions["source"] == good.image.name and broken.renditions == {}


def test_missing_skips_up_to_date_images_and_without_it_all_are_made_again():
    images = [ArtworkImageFactory(image=jpeg()) for _ in range(2)]
    rebuild("--model", "artworks.ArtworkImage")
    ArtworkImage.objects.filter(pk=images[0].pk).update(focal_y=0.2)

    assert "1 made, 1 skipped, 0 failed" in rebuild("--missing")
    assert "2 made, 0 skipped, 0 failed" in rebuild("--model", "artworks.ArtworkImage")


def test_model_option_limits_the_work():
    ArtworkImageFactory(image=jpeg())
    artist = ArtistFactory(portrait=jpeg())

    assert "1 made, 0 skipped" in rebuild("--model", "artists.Artist")
    assert Artist.objects.get(pk=artist.pk).portrait_renditions
    assert ArtworkImage.objects.get().renditions == {}


@pytest.mark.parametrize("label", ["nothing.Here", "articles.Section"])
def test_unknown_or_imageless_model_is_refused(label):
    with pytest.raises(CommandError):
        rebuild("--model", label)
