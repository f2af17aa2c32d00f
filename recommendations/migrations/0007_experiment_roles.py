"""Moderators and editors run experiments (add, change, view: no delete, an experiment's clicks
are its record) and read the measurement behind the dashboard.

Safe to run again (roles.grant: permissions added, never removed); reversing removes these
permissions from the two groups and leaves the groups."""

from django.db import migrations

from roles.permissions import grant

MEASUREMENT = {
    "experiment": ("add", "change", "view"),
    "slotday": ("view",),
    "experimentday": ("view",),
}
GROUPS = {
    "Moderator": {"recommendations": MEASUREMENT},
    "Editor": {"recommendations": MEASUREMENT},
}


def grant_experiments(apps, schema_editor):
    grant(apps, schema_editor, GROUPS)


def revoke_experiments(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    codenames = [f"{action}_{model}" for model, actions in MEASUREMENT.items() for action in actions]
    permissions = Permission.objects.using(db).filter(
        content_type__app_label="recommendations", codename__in=codenames
    )
    for group in Group.objects.using(db).filter(name__in=list(GROUPS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("recommendations", "0006_experiment_started_by"),
        ("recommendations", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant_experiments, revoke_experiments)]
