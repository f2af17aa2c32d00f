from django.db import migrations

from slugs.repair import repair_slugs
from tagging.slugs import works


def repair(apps, schema_editor):
    """Tags whose slug is empty ("🎨" before tagging/slugs.py) or taggit's "_1" get a readable
    one from their name ("artist-palette", "artist-palette-2"); every other tag keeps its slug."""
    Tag = apps.get_model("taggit", "Tag")
    using = schema_editor.connection.alias
    repair_slugs(Tag, source="name", fallback="tag", using=using, works=works, from_source=True)


class Migration(migrations.Migration):

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
