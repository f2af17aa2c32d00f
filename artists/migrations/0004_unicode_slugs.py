from django.db import migrations, models

from slugs.repair import repair_slugs


def repair(apps, schema_editor):
    """Artists saved outside a form with an empty slug, or one no address can hold, get one."""
    Artist = apps.get_model("artists", "Artist")
    repair_slugs(Artist, source="name", fallback="artist", using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('artists', '0003_tate'),
    ]

    operations = [
        # allow_unicode and blank are checked by forms only: no change to the table (on SQLite
        # an AlterField would copy it).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='artist',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, blank=True, help_text="The last part of the artist's address. Leave empty to make it from the name.", max_length=255, unique=True),
                ),
            ],
        ),
        migrations.RunPython(repair, migrations.RunPython.noop),
    ]
