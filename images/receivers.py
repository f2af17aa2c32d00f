"""The model signals of images.Image, connected by ImagesConfig.ready:

- post_save: when the stored renditions are not those of the current file and focal point,
  images.tasks.make_image_renditions is queued after the transaction commits; nothing is ever
  made while the request runs. Raw saves count too: a revert writes images back that way.
- post_delete: the image's rendition files are deleted after the transaction commits (the
  original is left alone: a revision may bring the image back, and its renditions are then
  made again).
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from images.models import Image
from images.renditions import delete_rendition_files
from images.tasks import make_image_renditions


def connect() -> None:
    post_save.connect(image_saved, sender=Image, dispatch_uid="images.renditions:save")
    post_delete.connect(image_deleted, sender=Image, dispatch_uid="images.renditions:delete")


def image_saved(sender, instance, using=None, **kwargs):
    if not instance.renditions_are_current():
        # robust: the save has committed; a queue that fails is logged, and
        # `manage.py rebuild_renditions --missing` catches up.
        enqueue = partial(make_image_renditions.enqueue, instance.pk)
        transaction.on_commit(enqueue, using=using, robust=True)


def image_deleted(sender, instance, using=None, **kwargs):
    renditions = instance.stored_renditions()
    if renditions:
        storage = instance.file.storage
        transaction.on_commit(partial(delete_rendition_files, storage, renditions), using=using)
