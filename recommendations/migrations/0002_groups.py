"""The two staff roles: Moderator (related links only) and Editor (all content and links).

Safe to run again (get_or_create, permissions added, never removed); reversing deletes the
two groups. Permissions are normally created after migrate (post_migrate), so in a fresh
database they are created here first.
"""

from django.db import migrations

from roles.permissions import CRUD, delete_groups, grant

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
    grant(apps, schema_editor, GROUPS)


def remove_groups(apps, schema_editor):
    delete_groups(apps, schema_editor, GROUPS)


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

    operations = [migrations.RunPython(create_groups, remove_groups)]
