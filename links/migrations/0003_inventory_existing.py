"""Marks the moment existing content is inventoried: links/migrating.py rebuilds the inventory
after the migrate run that applies this (post_migrate), with the models as they are then."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("links", "0002_inventory_roles")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
