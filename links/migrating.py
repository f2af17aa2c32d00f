"""Existing content inventoried once, when the migration that brings the inventory is applied
(0003_inventory_existing, which itself does nothing): after every migration has run, with the
models as the code has them, which a data migration could not use."""

from links import inventory

MARKER = ("links", "0003_inventory_existing")


def inventory_after_migrate(sender, plan=None, using="default", **kwargs):
    applied = {(m.app_label, m.name) for m, backwards in (plan or []) if not backwards}
    if MARKER in applied:
        inventory.rebuild()
