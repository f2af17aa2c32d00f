"""manage.py rebuild_renditions: every image again, or only the missing; broken files reported."""

import io

import factory
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from images.models import Image
from tests.factories import ArtistFactory, ArtworkImageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def jpeg():
    return factory.django.ImageField(filename="photo.jpg", format="JPEG", width=900, height=600)


def rebuild(*options) -> str:
    out = io.StringIO()
    call_command("rebuild_renditions", *options, stdout=out)
    return out.getvalue()


def test_a_broken_file_is_reported_and_the_rest_is_made():
    good, broken = ArtworkImageFactory(image__file=jpeg()), ArtworkImageFactory(image__file=jpeg())
    broken_use, good, broken = broken, good.image, broken.image
    default_storage.delete(broken.file.name)
    default_storage.save(broken.file.name, ContentFile(b"\xff\xd8 not a picture"))

    text = rebuild()

    assert "Renditions [" in text and "2/2 (100%)" in text
    shown_by = f"shown by artworks.ArtworkImage {broken_use.pk}"
    assert f"Failed: image {broken.pk}, {shown_by}: cannot make renditions" in text
    assert "Renditions: 1 made, 0 skipped, 1 failed." in text
    good.refresh_from_db()
    broken.refresh_from_db()
    assert good.renditions["source"] == good.file.name and broken.renditions == {}


def test_missing_skips_up_to_date_images_and_without_it_all_are_made_again():
    images = [ArtworkImageFactory(image__file=jpeg()).image for _ in range(2)]
    rebuild("--model", "artworks.ArtworkImage")
    Image.objects.filter(pk=images[0].pk).update(focal_y=0.2)

    assert "1 made, 1 skipped, 0 failed" in rebuild("--missing")
    assert "2 made, 0 skipped, 0 failed" in rebuild("--model", "artworks.ArtworkImage")


def test_model_option_limits_the_work():
    artwork_image = ArtworkImageFactory(image__file=jpeg())
    artist = ArtistFactory(portrait=ImageFactory(file=jpeg()))

    assert "1 made, 0 skipped" in rebuild("--model", "artists.Artist")
    assert Image.objects.get(pk=artist.portrait_id).renditions
    assert Image.objects.get(pk=artwork_image.image_id).renditions == {}


@pytest.mark.parametrize("label", ["nothing.Here", "articles.Section"])
def test_unknown_or_imageless_model_is_refused(label):
    with pytest.raises(CommandError):
        rebuild("--model", label)
