"""Staff users in the groups the data migrations create."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth.models import Group, User
from django.db import connection

# The data migrations that create the roles, and their forward functions.
ROLE_MIGRATIONS = {
    "recommendations.migrations.0002_groups": "create_groups",
    "articles.migrations.0003_roles": "create_roles",
    "featuring.migrations.0002_roles": "grant_decisions",
    "links.migrations.0002_inventory_roles": "grant_links",
    "recommendations.migrations.0007_experiment_roles": "grant_experiments",
}
ROLES = ("Contributor", "Editor", "Moderator")


def ensure_roles() -> None:
    """Tests with transaction=True flush the database, and the groups the data migrations made
    go with it; later tests of that kind get them back from the same migrations' code."""
    if Group.objects.filter(name__in=ROLES).count() == len(ROLES):
        return
    editor = SimpleNamespace(connection=connection)
    for module, function in ROLE_MIGRATIONS.items():
        getattr(importlib.import_module(module), function)(apps, editor)


def staff_in(client, group_name, username=None) -> User:
    """A staff member in the named group, logged in on `client` (when given)."""
    ensure_roles()
    user = User.objects.create_user(username or group_name.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    if client is not None:
        client.force_login(user)
    return user
