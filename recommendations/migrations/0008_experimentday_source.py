"""An experiment's daily sums per source article as well as per team: the article is the unit
of its test (docs/recommendations.md, "Experiments"). The rows counted before have no source:
they are kept, in the totals and out of the test."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_evergreen"),
        ("recommendations", "0007_experiment_roles"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="experimentday",
            name="experimentday_one_per_team",
        ),
        migrations.AddField(
            model_name="experimentday",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="articles.article",
            ),
        ),
        migrations.AddConstraint(
            model_name="experimentday",
            constraint=models.UniqueConstraint(
                fields=("experiment", "day", "source", "team"),
                name="experimentday_one_per_article_team",
            ),
        ),
    ]
