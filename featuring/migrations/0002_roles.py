"""Who may decide on the names found in an article: whoever may change the article (Editor,
and a Contributor on their own drafts; the article admin checks the article too). Decisions
are written with the article, never edited afterwards, so Contributors get no change or delete."""

from django.db import migrations

from roles.permissions import CRUD, grant

GROUPS = {
    "Editor": {"featuring": {"featuringdecision": CRUD}},
    "Contributor": {"featuring": {"featuringdecision": ("add", "view")}},
}


def grant_decisions(apps, schema_editor):
    grant(apps, schema_editor, GROUPS)


class Migration(migrations.Migration):
    dependencies = [
        ("featuring", "0001_initial"),
        ("articles", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant_decisions, migrations.RunPython.noop)]
