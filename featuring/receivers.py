"""When names change, every process's catalogue is rebuilt on its next search: an artist or an
artwork saved or deleted, a credit added or removed (the admin, the shell, a revision restored,
the demo), or an import finished (it writes in bulk, without model signals)."""

from django.db.models.signals import post_delete, post_save

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from featuring.catalogue import names_changed
from imports.signals import collection_imported

_MODELS = (Artist, Artwork, ArtworkArtist)


def _on_row(sender, **kwargs):
    names_changed()


def _on_import(sender, **kwargs):
    names_changed()


def connect() -> None:
    for model in _MODELS:
        post_save.connect(_on_row, sender=model, dispatch_uid=f"featuring-{model.__name__}-saved")
        post_delete.connect(
            _on_row, sender=model, dispatch_uid=f"featuring-{model.__name__}-deleted"
        )
    collection_imported.connect(_on_import, dispatch_uid="featuring-imported")
