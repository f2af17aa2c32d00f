"""The two staff roles: Moderator (related links only) and Editor (all content and links).

Safe to run again (get_or_create, permissions added, never removed); reversing deletes the
two groups. Permissions are normally created after migrate (post_migrate), so in a fresh
database they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")

GROUPS = {
    "Moderator": {
        "recommendations": {"relatedlink": CRUD},
        # To find articles in the autocomplete and see what they moderate, never to edit them.
        "articles": {"article": ("view",), "section": ("view",)},
    },
    "Editor": {
        "articles": {
            model: CRUD
            for model in ("article", "articleauthor", "articlefigure", "articlelink", "author", "section")
        },
        "artists": {"artist": CRUD},
        "artworks": {model: CRUD for model in ("artwork", "artworkartist", "artworkimage")},
        "taggit": {"tag": CRUD},
        "sitesettings": {"sitesettings": ("change", "view")},
        "recommendations": {"relatedlink": CRUD},
    },
}


def create_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        # create_permissions() skips apps without a models module, as the migration state's
        # stand-in app configs all are.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=db)
        finally:
            app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, apps_models in GROUPS.items():
        wanted = [
            (app_label, f"{action}_{model}")
            for app_label, models in apps_models.items()
            for model, actions in models.items()
            for action in actions
        ]
        permissions = []
        for app_label, codename in wanted:
            permission = Permission.objects.using(db).filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None:
                raise LookupError(f"No permission {app_label}.{codename} for group {name}.")
            permissions.append(permission)
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.add(*permissions)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("recommendations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        ("artists", "0001_initial"),
        ("artworks", "0001_initial"),
        ("sitesettings", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
