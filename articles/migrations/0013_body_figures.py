"""Figures placed in the body (issue 18): which figures are the body's, and their size. The
ordered figures come first, then the body's (Article.all_figures)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_title_trigram_index"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="articlefigure",
            options={"ordering": ["in_body", "position", "pk"]},
        ),
        migrations.AddField(
            model_name="articlefigure",
            name="in_body",
            field=models.BooleanField(
                default=False,
                help_text="Placed in the text by a figure of the body.",
                verbose_name="in the body",
            ),
        ),
        migrations.AddField(
            model_name="articlefigure",
            name="size",
            field=models.CharField(
                choices=[
                    ("inline", "in the text column"),
                    ("wide", "wider than the text"),
                    ("full", "the full width of the page"),
                ],
                default="inline",
                max_length=10,
            ),
        ),
    ]
