"""The public lists' order as one index, with the key (articles/models.py, Article.Meta)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_admin_list_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_status_pub_idx",
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "-published_at", "-id"], name="article_status_pub_id_idx"
            ),
        ),
    ]
