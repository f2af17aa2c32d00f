"""A figure's standalone upload becomes an images.Image row (images/moving.py): same file,
same renditions; the alt text and credit stay with the figure.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import ImageColumns

MOVE = ImageColumns(
    "articles",
    "ArticleFigure",
    key="image_row",
    columns={
        "file": "image",
        "width": "image_width",
        "height": "image_height",
        "original_name": "original_name",
        "file_size": "file_size",
        "focal_x": "focal_x",
        "focal_y": "focal_y",
        "renditions": "renditions",
    },
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_clean_plain_text"),
        ("images", "0001_image"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlefigure",
            name="image_row",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="images.image",
            ),
        ),
        migrations.RunPython(MOVE.forward, MOVE.backward),
        migrations.RemoveField(model_name="articlefigure", name="image"),
        migrations.RemoveField(model_name="articlefigure", name="image_width"),
        migrations.RemoveField(model_name="articlefigure", name="image_height"),
        migrations.RemoveField(model_name="articlefigure", name="original_name"),
        migrations.RemoveField(model_name="articlefigure", name="file_size"),
        migrations.RemoveField(model_name="articlefigure", name="focal_x"),
        migrations.RemoveField(model_name="articlefigure", name="focal_y"),
        migrations.RemoveField(model_name="articlefigure", name="renditions"),
        migrations.RenameField(model_name="articlefigure", old_name="image_row", new_name="image"),
        migrations.AlterField(
            model_name="articlefigure",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="Or upload an image that is not an artwork.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
                verbose_name="standalone image",
            ),
        ),
    ]
