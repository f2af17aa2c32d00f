from django.db import migrations

from plaintext.rows import clean_existing_rows

MODELS = ["sitesettings.SiteSettings"]


def clean_plain_text(apps, schema_editor):
    """Rows saved before plain text was cleaned on save (plaintext/): control characters
    dropped, Unicode composed (NFC), space trimmed; only rows that change are written."""
    for label in MODELS:
        clean_existing_rows(apps.get_model(label), using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('sitesettings', '0002_images'),
    ]

    operations = [
        migrations.RunPython(clean_plain_text, migrations.RunPython.noop, elidable=True),
    ]
