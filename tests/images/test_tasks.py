"""images.tasks and the signals of images.receivers: renditions made after a save commits."""

import logging

import factory
import pytest
import reversion
from django.core.files.storage import default_storage
from django.db.models.signals import post_save
from reversion.models import Version

from images import tasks, uses
from images.models import Image
from images.renditions import rendition_names
from images.signals import renditions_changed
from tests.factories import (
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkImageFactory,
    ExhibitionFactory,
    ImageFactory,
)

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


def stored_image(capture, **fields) -> Image:
    """An image saved in a transaction that commits, with its renditions made."""
    with capture(execute=True):
        image = ImageFactory(file=jpeg(), **fields)
    image.refresh_from_db()
    return image


# A use of each registered kind, showing a new JPEG: every registered use must be here.
MAKE_USE = {
    "artworks.ArtworkImage": lambda: ArtworkImageFactory(image__file=jpeg()),
    "articles.ArticleFigure": lambda: ArticleFigureFactory(
        artwork=None, image=ImageFactory(file=jpeg()), alt_text="A room"
    ),
    "artists.Artist": lambda: ArtistFactory(
        portrait=ImageFactory(file=jpeg()), portrait_alt_text="The artist"
    ),
    "exhibitions.Exhibition": lambda: ExhibitionFactory(
        image=ImageFactory(file=jpeg()), image_alt_text="The gallery"
    ),
}


def test_renditions_are_made_after_the_upload_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = ImageFactory(file=jpeg())
    image.refresh_from_db()
    renditions = [callback for callback in callbacks if not is_page_invalidation(callback)]
    assert image.renditions == {} and len(renditions) == 1  # nothing made in the request

    renditions[0]()
    image.refresh_from_db()

    made = image.renditions
    assert made["source"] == image.file.name and made["focal"] == [0.5, 0.5]
    assert (made["width"], made["height"]) == (1200, 800)
    assert [size["w"] for size in made["widths"]] == [480, 960, 1200]
    assert exist(rendition_names(made)) and len(rendition_names(made)) == 7


def test_every_registered_use_is_tested_below():
    assert {use.label for use in uses.registered()} == set(MAKE_USE)


@pytest.mark.parametrize("label", sorted(MAKE_USE))
def test_every_registered_image_gets_renditions_and_tells_its_pages(
    django_capture_on_commit_callbacks, label
):
    told = []

    def listen(sender, image, uses, **kwargs):
        told.append((image.pk, uses))

    renditions_changed.connect(listen, weak=False, dispatch_uid="test-told")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            row = MAKE_USE[label]()
    finally:
        renditions_changed.disconnect(dispatch_uid="test-told")
    use = next(use for use in uses.registered() if use.label == label)
    image = Image.objects.get(pk=getattr(row, use.attname))

    assert image.renditions_are_current() and exist(rendition_names(image.renditions))
    assert told == [(image.pk, [row])]


def test_each_use_has_its_own_folder():
    """Each registered use names the folder of its uploads."""
    assert {use.label: use.folder for use in uses.registered()} == {
        "artworks.ArtworkImage": "artworks",
        "articles.ArticleFigure": "figures",
        "artists.Artist": "artists/portraits",
        "exhibitions.Exhibition": "exhibitions",
    }


def test_a_save_that_changes_no_image_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        artwork_image = ArtworkImageFactory(image__file=jpeg())

    with django_capture_on_commit_callbacks() as callbacks:
        artwork_image.alt_text = "Another description"
        artwork_image.save()

    assert [callback for callback in callbacks if not is_page_invalidation(callback)] == []


def test_new_focal_point_makes_a_new_crop_and_deletes_the_old(django_capture_on_commit_callbacks):
    image = stored_image(django_capture_on_commit_callbacks)
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
    image = stored_image(django_capture_on_commit_callbacks)
    old_original, old_set = image.file.name, rendition_names(image.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        image.file = ImageFactory.build(file=jpeg(width=900, height=900)).file
        image.save()
    image.refresh_from_db()

    assert image.renditions["source"] == image.file.name != old_original
    assert exist(rendition_names(image.renditions))
    assert not any(default_storage.exists(name) for name in old_set)
    assert default_storage.exists(old_original)


def test_storing_renditions_records_no_revision_and_sends_no_model_signal(
    django_capture_on_commit_callbacks,
):
    """A queryset update: no post_save, so no revision, no recommendation refresh, no task."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ImageFactory(file=jpeg())
    versions, saves = Version.objects.count(), []
    post_save.connect(saves.append, sender=Image, weak=False, dispatch_uid="test-saves")
    try:
        with reversion.create_revision():
            status = tasks.make_image_renditions.call(image.pk)
    finally:
        post_save.disconnect(dispatch_uid="test-saves", sender=Image)

    assert status == tasks.MADE
    assert Version.objects.count() == versions and saves == []


def test_a_newer_upload_is_never_overwritten(django_capture_on_commit_callbacks):
    """The editor uploaded again while the task ran: its renditions are not stored."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ImageFactory(file=jpeg())
    stale = Image.objects.get(pk=image.pk)
    Image.objects.filter(pk=image.pk).update(file="artworks/2026/11/newer.jpg")

    outcome = tasks.refresh_renditions(stale)

    assert outcome.status == tasks.SUPERSEDED
    assert Image.objects.get(pk=image.pk).renditions == {}
    folder = "renditions/" + image.file.name.rsplit(".", 1)[0]
    assert default_storage.listdir(folder) == ([], [])  # the files made were deleted


def test_a_focal_point_moved_meanwhile_keeps_the_shared_widths(django_capture_on_commit_callbacks):
    """Only the crop is discarded: the widths have the names the newer task writes too."""
    with django_capture_on_commit_callbacks(execute=False):
        image = ImageFactory(file=jpeg())
    stale = Image.objects.get(pk=image.pk)
    Image.objects.filter(pk=image.pk).update(focal_x=0.9)
    folder = "renditions/" + image.file.name.rsplit(".", 1)[0]

    outcome = tasks.refresh_renditions(stale)

    assert outcome.status == tasks.SUPERSEDED
    assert Image.objects.get(pk=image.pk).renditions == {}
    files = default_storage.listdir(folder)[1]
    assert "w480.webp" in files and not any(name.startswith("social") for name in files)


def test_a_missing_original_is_a_warning_not_an_error(django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=False):
        image = ImageFactory(file=jpeg())
    default_storage.delete(image.file.name)

    with caplog.at_level(logging.WARNING, logger="images.tasks"):
        status = tasks.make_image_renditions.call(image.pk)

    assert status == tasks.FAILED
    assert f"No renditions for image {image.pk}" in caplog.text


def test_a_deleted_image_is_skipped_quietly():
    assert tasks.make_image_renditions.call(10**9) == "gone"


@pytest.mark.parametrize("label", sorted(MAKE_USE))
def test_deleting_a_use_deletes_its_image_and_renditions_not_the_original(
    django_capture_on_commit_callbacks, label
):
    with django_capture_on_commit_callbacks(execute=True):
        row = MAKE_USE[label]()
    use = next(use for use in uses.registered() if use.label == label)
    image = Image.objects.get(pk=getattr(row, use.attname))
    made = rendition_names(image.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        row.delete()

    assert not Image.objects.filter(pk=image.pk).exists()
    assert made and not any(default_storage.exists(name) for name in made)
    assert default_storage.exists(image.file.name)


def test_removing_a_portrait_deletes_its_image_and_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        artist = ArtistFactory(portrait=ImageFactory(file=jpeg()))
    image = Image.objects.get(pk=artist.portrait_id)
    made = rendition_names(image.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        artist.portrait = None
        artist.save()

    assert not Image.objects.filter(pk=image.pk).exists()
    assert made and not any(default_storage.exists(name) for name in made)


def test_a_raw_save_queues_renditions_too(django_capture_on_commit_callbacks):
    """Reverts write images back as raw saves (as loaddata does): still queued."""
    image = stored_image(django_capture_on_commit_callbacks)
    Image.objects.filter(pk=image.pk).update(renditions={})
    image.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        image.save_base(raw=True)
    image.refresh_from_db()

    assert image.renditions["source"] == image.file.name
