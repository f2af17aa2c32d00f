"""Who works the queue of broken and moved links: the Editor group changes links (replace,
accept a redirect, ignore, recheck) and sees where they are used."""

from django.db import migrations

from roles.permissions import grant

GROUPS = {"Editor": {"links": {"link": ("change", "view"), "linkuse": ("view",)}}}


def grant_links(apps, schema_editor):
    grant(apps, schema_editor, GROUPS)


class Migration(migrations.Migration):
    dependencies = [
        ("links", "0001_initial"),
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant_links, migrations.RunPython.noop)]
