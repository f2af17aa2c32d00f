"""The inventory kept current (inventory.py): a registered source saved or deleted, whatever
saved it (the admin, a service, the shell, a revert, the demo), in the writer's transaction;
and an import, which writes artists and artworks in bulk without model signals, on the
imports' domain signal."""

from django.db.models.signals import post_delete, post_save, pre_delete

from imports.signals import collection_imported
from links import inventory
from links.sources import registered, source_of


def _saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    source = source_of(sender)
    if source is None:
        return
    if update_fields is not None and not set(update_fields) & set(source.fields):
        return  # a save of other columns (a save count, a publication time) uses the same links
    inventory.sync_uses(instance, created=created and not raw)


def _deleting(sender, instance, **kwargs):
    inventory.about_to_delete(instance)


def _deleted(sender, instance, **kwargs):
    inventory.forget(instance)


def _imported(sender, **kwargs):
    """Sent once the import's batches are written: every imported artist and artwork synced,
    a chunk of 500 in a few queries (the import does not say which it wrote)."""
    for source in registered():
        if any(field.name == "tate_id" for field in source.model._meta.concrete_fields):
            inventory.sync_all(source, source.model._default_manager.filter(tate_id__isnull=False))


def connect() -> None:
    for source in registered():
        name = source.model.__name__
        post_save.connect(_saved, sender=source.model, dispatch_uid=f"links-{name}-saved")
        pre_delete.connect(_deleting, sender=source.model, dispatch_uid=f"links-{name}-deleting")
        post_delete.connect(_deleted, sender=source.model, dispatch_uid=f"links-{name}-deleted")
    collection_imported.connect(_imported, dispatch_uid="links-imported")
