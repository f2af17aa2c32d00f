"""An artwork's images become images.Image rows (images/moving.py): same files, same
renditions; the alt text and credit stay with the artwork's image.
"""

import django.db.models.deletion
from django.db import migrations, models

import images.fields
from images.moving import ImageColumns

MOVE = ImageColumns(
    "artworks",
    "ArtworkImage",
    key="image_row",
    columns={
        "file": "image",
        "width": "width",
        "height": "height",
        "original_name": "original_name",
        "file_size": "file_size",
        "focal_x": "focal_x",
        "focal_y": "focal_y",
        "renditions": "renditions",
    },
)


class Migration(migrations.Migration):
    dependencies = [
        ("artworks", "0007_credit_role_in_words"),
        ("images", "0001_image"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="artworkimage",
            name="image_row",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="images.image",
            ),
        ),
        migrations.RunPython(MOVE.forward, MOVE.backward),
        # Undone, the file column comes back before the rows are filled again: with a default,
        # which SQLite needs to rebuild the table (the other columns may be empty).
        migrations.AlterField(
            model_name="artworkimage",
            name="image",
            field=images.fields.SafeImageField(
                default="",
                height_field="height",
                max_length=200,
                original_name_field="original_name",
                size_field="file_size",
                upload_to="artworks/",
                width_field="width",
            ),
        ),
        migrations.RemoveField(model_name="artworkimage", name="image"),
        migrations.RemoveField(model_name="artworkimage", name="width"),
        migrations.RemoveField(model_name="artworkimage", name="height"),
        migrations.RemoveField(model_name="artworkimage", name="original_name"),
        migrations.RemoveField(model_name="artworkimage", name="file_size"),
        migrations.RemoveField(model_name="artworkimage", name="focal_x"),
        migrations.RemoveField(model_name="artworkimage", name="focal_y"),
        migrations.RemoveField(model_name="artworkimage", name="renditions"),
        migrations.RenameField(model_name="artworkimage", old_name="image_row", new_name="image"),
        migrations.AlterField(
            model_name="artworkimage",
            name="image",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="images.image"
            ),
        ),
    ]
