from django.db import migrations, models

from slugs.repair import repair_slugs


def repair(apps, schema_editor):
    """Rows saved outside a form with an empty slug, or one no address can hold, get one."""
    using = schema_editor.connection.alias
    repair_slugs(apps.get_model("articles", "Section"), source="name", fallback="section", using=using)
    repair_slugs(apps.get_model("articles", "Author"), source="name", fallback="author", using=using)
    repair_slugs(apps.get_model("articles", "Article"), source="title", fallback="article", using=using)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_images'),
    ]

    operations = [
        # allow_unicode and blank are checked by forms only: no change to the tables (on SQLite
        # an AlterField would copy each table).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='article',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, blank=True, help_text="The last part of the article's address. Leave empty to make it from the title.", max_length=255, unique=True),
                ),
                migrations.AlterField(
                    model_name='author',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, blank=True, help_text='Leave empty to make it from the name.', max_length=200, unique=True),
                ),
                migrations.AlterField(
                    model_name='section',
                    name='slug',
                    field=models.SlugField(allow_unicode=True, blank=True, help_text="The last part of the section's address. Leave empty to make it from the name.", max_length=100, unique=True),
                ),
                migrations.AlterField(
                    model_name='slugredirect',
                    name='old_slug',
                    field=models.SlugField(allow_unicode=True, max_length=255, unique=True),
                ),
            ],
        ),
        migrations.RunPython(repair, migrations.RunPython.noop),
    ]
