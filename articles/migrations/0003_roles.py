"""The Contributor role, and the right to publish for editors.

Contributor: writes and edits drafts, submits them for review; cannot publish, and cannot
change or delete work that has been published (the article admin enforces the last two, since
they depend on the article's status). Editor: everything on content, and `publish_article`.
The Moderator and Editor groups themselves come from recommendations' 0002_groups.
"""

from django.db import migrations

from roles.permissions import CRUD, delete_groups, grant

VIEW = ("view",)

CONTRIBUTOR = {
    "articles": {
        "article": CRUD,
        "articlefigure": CRUD,
        "articlelink": CRUD,
        "articleauthor": CRUD,
        "author": VIEW,
        "section": VIEW,
    },
    # To find artists and artworks for figures and features, never to change them.
    "artists": {"artist": VIEW},
    "artworks": {"artwork": VIEW, "artworkimage": VIEW},
    "taggit": {"tag": ("add", "view")},
}


def create_roles(apps, schema_editor):
    grant(
        apps,
        schema_editor,
        {
            "Contributor": CONTRIBUTOR,
            "Editor": {"articles": {"article": ("publish_article",)}},
        },
    )


def remove_roles(apps, schema_editor):
    delete_groups(apps, schema_editor, ["Contributor"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0002_workflow"),
        ("recommendations", "0002_groups"),
        ("artists", "0001_initial"),
        ("artworks", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
