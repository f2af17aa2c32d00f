"""Grants permissions to named groups from inside a data migration.

Permissions are normally created after migrate (post_migrate), so in a fresh database they are
created here first. Safe to run again: groups are got or created, permissions added, never
removed.
"""

from django.contrib.auth.management import create_permissions

CRUD = ("add", "change", "delete", "view")

# {group name: {app label: {model name: (action, ...)}}}; an action is "add", "change", ...
# or a custom permission's codename given whole (containing an underscore).
GroupSpec = dict[str, dict[str, dict[str, tuple[str, ...]]]]


def grant(apps, schema_editor, groups: GroupSpec) -> None:
    db = schema_editor.connection.alias
    _create_all_permissions(apps, db)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, apps_models in groups.items():
        permissions = []
        for app_label, models in apps_models.items():
            for model, actions in models.items():
                for action in actions:
                    codename = action if "_" in action else f"{action}_{model}"
                    permission = (
                        Permission.objects.using(db)
                        .filter(
                            content_type__app_label=app_label,
                            content_type__model=model,
                            codename=codename,
                        )
                        .first()
                    )
                    if permission is None:
                        raise LookupError(f"No permission {app_label}.{codename} for group {name}.")
                    permissions.append(permission)
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.add(*permissions)


def delete_groups(apps, schema_editor, names) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=list(names)).delete()


def _create_all_permissions(apps, db) -> None:
    for app_config in apps.get_app_configs():
        # create_permissions() skips apps without a models module, as the migration state's
        # stand-in app configs all are.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=db)
        finally:
            app_config.models_module = models_module
