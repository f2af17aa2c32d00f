"""images.tasks and the signals of images.registry: renditions made after a save commits."""

import logging

import factory
import pytest
import reversion
from django.core.files.storage import default_storage
from django.db.models.signals import post_save
from reversion.models import Version

from artworks.models import ArtworkImage
from images import tasks
from images.registry import spec_for
from images.renditions import rendition_names
from tests.factories import ArticleFigureFactory, ArtistFactory, ArtworkImageFactory

pytestmark = pytest.mark.django_db


def jpeg(width=1200, height=800, **params):
    return factory.django.ImageField(
        filename="photo.jpg", format="JPEG", width=width, height=height, **params
    )


def is_page_invalidation(callback) -> bool:
    """The page cache's own after-commit work (pagecache/invalidate.py), not a rendition."""
    return getattr(getattr(callback, "func", None), "__module__", "") == "pagecache.invalidate"


def exist(names) -> bool:
    return all(default_storage.exists(name) for name in names)


def artwork_image(capture, **fields) -> ArtworkImage:
    """An artwork image saved in a transaction that commits, with its renditions made."""
    with capture(execute=True):
        image = ArtworkImageFactory(image=jpeg(), **fields)
    image.refresh_from_db()
    return image


def test_renditions_are_made_after_the_upload_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = ArtworkImageFactory(image=jpeg())
    image.refresh_from_db()
    renditions = [callback for callback in callbacks if not is_page_invalidation(callback)]
    assert image.renditions == {} and len(renditions) == 1  # nothing made in the request

    renditions[0]()
    image.refresh_from_db()

    made = image.renditions
    assert made["source"] == image.image.name and made["focal"] == [0.5, 0.5]
    assert (made["width"], made["height"]) == (1200, 800)
    assert [size["w"] for size in made["widths"]] == [480, 960, 1200]
    assert exist(rendition_names(made)) and len(rendition_names(made)) == 7


@pytest.mark.parametrize(
    ("make", "file_field"),
    [
        (lambda: ArtistFactory(portrait=jpeg()), "portrait"),
        (lambda: ArticleFigureFactory(artwork=None, image=jpeg(), alt_text="A room"), "image"),
    ],
    ids=["artist portrait", "standalone figure"],
)
def test_every_registered_image_gets_renditions(
    django_capture_on_commit_callbacks, make, file_field
):
    with django_capture_on_commit_callbacks(execute=True):
        instance = make()
    instance.refresh_from_db()
    meta = instance._meta
    spec = spec_for(meta.app_label, meta.model_name, file_field)

    assert spec.is_up_to_date(instance)
    assert exist(rendition_names(spec.renditions(instance)))


def test_a_save_that_changes_no_image_queues_nothing(django_capture_on_commit_callbacks):
    image = artwork_image(django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks() as callbacks:
        image.alt_text = "Another description"
        image.save()

    assert [callback for callback in callbacks if not is_page_invalidation(callback)] == []


def test_new_focal_point_makes_a_new_crop_and_deletes_the_old(django_capture_on_commit_callbacks):
    image = artwork_image(django_capture_on_commit_callbacks)
    before = image.renditions

    with django_capture_on_commit_callbacks(execute=True):
        image.focal_x = 0.1
        image.save()
    image.refresh_from_db()

    assert image.renditions["focal"] == [0.1, 0.5]
    assert image.renditions["social"]["name"] != before["social"]["name"]
    assert not default_storage.exists(before["social"]["name"])
    assert exist(rendition_names(image.renditions))


def test_new_upload_replaces_the_old_renditions(django_capture_on_commit_callbacks):
    """The new set is made, then the old one deleted; the old original is left alone."""
    image = artwork_image(django_capture_on_commit_callbacks)
    old_original, old_set = image.image.name, rendition_names(image.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        replacement = ArtworkImageFactory.build(image=jpeg(width=900, height=900))
        image.image = replacement.image
        image.save()
    image.refresh_from_db()

    assert image.renditions["source"] == image.image.name != old_original
    assert exist(rendition_names(image.renditions))
    assert not any(default_storage.exists(name) for name in old_set)
    assert default_storage.exists(old_original)


def test_storing_renditions_records_no_revision_and_sends_no_signal(
    django_capture_on_commit_callbacks,
):
    """A queryset update: no post_save, so no revision, no recommendation refresh, no task."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ArtworkImageFactory(image=jpeg())
    versions, saves = Version.objects.count(), []
    post_save.connect(saves.append, sender=ArtworkImage, weak=False, dispatch_uid="test-saves")
    try:
        with reversion.create_revision():
            status = tasks.make_image_renditions.call("artworks", "artworkimage", image.pk, "image")
    finally:
        post_save.disconnect(dispatch_uid="test-saves", sender=ArtworkImage)

    assert status == tasks.MADE
    assert Version.objects.count() == versions and saves == []


def test_a_newer_upload_is_never_overwritten(django_capture_on_commit_callbacks):
    """The editor uploaded again while the task ran: its renditions are not stored."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ArtworkImageFactory(image=jpeg())
    stale = ArtworkImage.objects.get(pk=image.pk)
    ArtworkImage.objects.filter(pk=image.pk).update(image="artworks/2026/11/newer.jpg")

    outcome = tasks.refresh_renditions(spec_for("artworks", "artworkimage", "image"), stale)

    assert outcome.status == tasks.SUPERSEDED
    assert ArtworkImage.objects.get(pk=image.pk).renditions == {}
    folder = "renditions/" + image.image.name.rsplit(".", 1)[0]
    assert default_storage.listdir(folder) == ([], [])  # the files made were deleted


def test_a_focal_point_moved_meanwhile_keeps_the_shared_widths(django_capture_on_commit_callbacks):
    """Only the crop is discarded: the widths have the names the newer task writes too."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ArtworkImageFactory(image=jpeg())
    stale = ArtworkImage.objects.get(pk=image.pk)
    ArtworkImage.objects.filter(pk=image.pk).update(focal_x=0.9)
    folder = "renditions/" + image.image.name.rsplit(".", 1)[0]

    outcome = tasks.refresh_renditions(spec_for("artworks", "artworkimage", "image"), stale)

    assert outcome.status == tasks.SUPERSEDED
    assert ArtworkImage.objects.get(pk=image.pk).renditions == {}
    files = default_storage.listdir(folder)[1]
    assert "w480.webp" in files and not any(name.startswith("social") for name in files)


def test_a_missing_original_is_a_warning_not_an_error(django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=False):
        image = ArtworkImageFactory(image=jpeg())
    default_storage.delete(image.image.name)

    with caplog.at_level(logging.WARNING, logger="images.tasks"):
        status = tasks.make_image_renditions.call("artworks", "artworkimage", image.pk, "image")

    assert status == tasks.FAILED
    assert f"No renditions for artworks.ArtworkImage {image.pk}" in caplog.text


def test_a_deleted_object_is_skipped_quietly():
    assert tasks.make_image_renditions.call("artworks", "artworkimage", 10**9, "image") == "gone"


def test_deleting_the_object_deletes_its_renditions_not_the_original(
    django_capture_on_commit_callbacks,
):
    image = artwork_image(django_capture_on_commit_callbacks)
    made = rendition_names(image.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not any(default_storage.exists(name) for name in made)
    assert default_storage.exists(image.image.name)


def test_removing_a_portrait_deletes_its_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        artist = ArtistFactory(portrait=jpeg())
    artist.refresh_from_db()
    made = rendition_names(artist.portrait_renditions)

    with django_capture_on_commit_callbacks(execute=True):
        artist.portrait = None
        artist.save()
    artist.refresh_from_db()

    assert artist.portrait_renditions == {}
    assert made and not any(default_storage.exists(name) for name in made)


def test_a_raw_save_queues_renditions_too(django_capture_on_commit_callbacks):
    """Reverts write an artwork's images back as raw saves (as loaddata does): still queued."""
    image = artwork_image(django_capture_on_commit_callbacks)
    ArtworkImage.objects.filter(pk=image.pk).update(renditions={})
    image.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        image.save_base(raw=True)
    image.refresh_from_db()

    assert image.renditions["source"] == image.image.name
