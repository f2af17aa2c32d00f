from django.db import migrations, models

from slugs.repair import repair_slugs


def repair(apps, schema_editor):
    """Artworks saved outside a form with an empty slug, or one no address can hold, get one."""
    Artwork = apps.get_model("artworks", "Artwork")
    repair_slugs(Artwork, source="title", fallback="artwork", using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('artworks', '0004_title_index'),
    ]

    operations = [
        # allow_unicode and blank are checked by forms only: no change to the table (on SQLite
        # an AlterField would copy it).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='artwork',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, blank=True, help_text="The last part of the artwork's address. Leave empty to make it from the title.", max_length=255, unique=True),
                ),
            ],
        ),
        migrations.RunPython(repair, migrations.RunPython.noop),
    ]
