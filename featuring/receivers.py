"""When names change, every process's catalogue is rebuilt on its next search (catalogue.py):
an artist's name or sort name, an artwork's title or a credit saved (the admin, the shell, a
revision restored, the demo), a row deleted, an import finished (it writes in bulk, without
model signals). Saves that change no name (a bio, a date, the same credit again) leave the
catalogue alone: rebuilding 70,000 titles takes seconds. The new version is set at once and
again when the transaction commits, so that no process keeps a catalogue of the rows before it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from featuring import catalogue
from imports.signals import collection_imported


def _changed(using: str | None) -> None:
    # Now, for this process and its transaction (a test, the shell), and again once the
    # transaction commits: a process that rebuilt in between read the rows from before.
    catalogue.names_changed()
    transaction.on_commit(catalogue.names_changed, using=using)


def _artist_saved(sender, instance, using=None, **kwargs):
    known = catalogue.loaded()
    if known is None or (
        known.artist_names.get(instance.pk),
        known.artist_sort_names.get(instance.pk),
    ) != (instance.name, instance.sort_name):
        _changed(using)


def _artwork_saved(sender, instance, using=None, **kwargs):
    known = catalogue.loaded()
    if known is None or known.artwork_titles.get(instance.pk) != instance.title:
        _changed(using)


def _credit_saved(sender, instance, using=None, **kwargs):
    known = catalogue.loaded()
    if known is None or instance.artist_id not in known.artwork_artists.get(
        instance.artwork_id, ()
    ):
        _changed(using)


def _deleted(sender, instance, using=None, **kwargs):
    _changed(using)


def _imported(sender, **kwargs):
    _changed(None)  # sent after the import's batches are written


def connect() -> None:
    saved = {Artist: _artist_saved, Artwork: _artwork_saved, ArtworkArtist: _credit_saved}
    for model, receiver in saved.items():
        post_save.connect(receiver, sender=model, dispatch_uid=f"featuring-{model.__name__}-saved")
        post_delete.connect(
            _deleted, sender=model, dispatch_uid=f"featuring-{model.__name__}-deleted"
        )
    collection_imported.connect(_imported, dispatch_uid="featuring-imported")
