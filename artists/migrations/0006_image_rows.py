"""An artist's portrait becomes an images.Image row (images/moving.py): same file, same
renditions; the alt text stays with the artist.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import ImageColumns

MOVE = ImageColumns(
    "artists",
    "Artist",
    key="portrait_row",
    columns={
        "file": "portrait",
        "width": "portrait_width",
        "height": "portrait_height",
        "original_name": "portrait_original_name",
        "file_size": "portrait_file_size",
        "focal_x": "portrait_focal_x",
        "focal_y": "portrait_focal_y",
        "renditions": "portrait_renditions",
    },
)


class Migration(migrations.Migration):
    dependencies = [
        ("artists", "0005_clean_plain_text"),
        ("images", "0001_image"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="artist",
            name="portrait_row",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="images.image",
            ),
        ),
        migrations.RunPython(MOVE.forward, MOVE.backward),
        migrations.RemoveField(model_name="artist", name="portrait"),
        migrations.RemoveField(model_name="artist", name="portrait_width"),
        migrations.RemoveField(model_name="artist", name="portrait_height"),
        migrations.RemoveField(model_name="artist", name="portrait_original_name"),
        migrations.RemoveField(model_name="artist", name="portrait_file_size"),
        migrations.RemoveField(model_name="artist", name="portrait_focal_x"),
        migrations.RemoveField(model_name="artist", name="portrait_focal_y"),
        migrations.RemoveField(model_name="artist", name="portrait_renditions"),
        migrations.RenameField(model_name="artist", old_name="portrait_row", new_name="portrait"),
        migrations.AlterField(
            model_name="artist",
            name="portrait",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
            ),
        ),
    ]
