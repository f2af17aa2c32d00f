"""The migrations that moved the image columns of artwork images, figures and artists into
images.Image rows (images/moving.py): same stored names, same renditions, no file opened (none
exists here), old revisions rewritten, and back again."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("artworks", "0007_credit_role_in_words"),
    ("articles", "0006_clean_plain_text"),
    ("artists", "0005_clean_plain_text"),
    ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ("images", None),
]
RENDITIONS = {"source": "artworks/2026/01/a.jpg", "focal": [0.25, 0.5], "widths": [{"w": 480}]}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    nodes = [target for target in targets if target[1] is not None]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_content(apps) -> dict:
    """Rows as they were before the move, and a revision of the artwork image."""
    artwork = apps.get_model("artworks", "Artwork").objects.create(title="Urn", slug="urn")
    shown = apps.get_model("artworks", "ArtworkImage").objects.create(
        artwork=artwork,
        image="artworks/2026/01/a.jpg",
        width=1200,
        height=800,
        original_name="urn.jpg",
        file_size=5000,
        focal_x=0.25,
        renditions=RENDITIONS,
        alt_text="An urn",
    )
    artist = apps.get_model("artists", "Artist").objects.create(
        name="Ai",
        sort_name="Ai",
        slug="ai",
        portrait="artists/portraits/2026/01/p.png",
        portrait_width=300,
        portrait_height=400,
        portrait_alt_text="The artist",
    )
    section = apps.get_model("articles", "Section").objects.create(name="News", slug="news")
    article = apps.get_model("articles", "Article").objects.create(
        title="A", slug="a", section=section
    )
    figure = apps.get_model("articles", "ArticleFigure").objects.create(
        article=article,
        image="figures/2026/01/f.webp",
        image_width=10,
        image_height=20,
        alt_text="A room",
    )
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="artworks", model="artworkimage"
    )[0]
    revision = apps.get_model("reversion", "Revision").objects.create(
        comment="Before", date_created=timezone.now()
    )
    fields = {
        "artwork": artwork.pk,
        "image": "artworks/2025/12/older.jpg",
        "width": 600,
        "height": 400,
        "focal_x": 0.5,
        "focal_y": 0.5,
        "alt_text": "An urn",
    }
    version = apps.get_model("reversion", "Version").objects.create(
        revision=revision,
        content_type=content_type,
        object_id=str(shown.pk),
        db="default",
        format="json",
        object_repr="An urn",
        serialized_data=json.dumps(
            [{"model": "artworks.artworkimage", "pk": shown.pk, "fields": fields}]
        ),
    )
    return {"shown": shown.pk, "artist": artist.pk, "figure": figure.pk, "version": version.pk}


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_every_file_and_rendition_and_is_undone_the_same_way():
    made = old_content(migrate(BEFORE))

    apps = migrate(latest())
    image_model = apps.get_model("images", "Image")
    shown = apps.get_model("artworks", "ArtworkImage").objects.get(pk=made["shown"])
    image = image_model.objects.get(pk=shown.image_id)
    assert (image.file.name, image.width, image.height) == ("artworks/2026/01/a.jpg", 1200, 800)
    assert (image.original_name, image.file_size, image.focal_x) == ("urn.jpg", 5000, 0.25)
    assert image.renditions == RENDITIONS
    portrait = image_model.objects.get(
        pk=apps.get_model("artists", "Artist").objects.get(pk=made["artist"]).portrait_id
    )
    assert (portrait.file.name, portrait.width) == ("artists/portraits/2026/01/p.png", 300)
    figure = apps.get_model("articles", "ArticleFigure").objects.get(pk=made["figure"])
    assert image_model.objects.get(pk=figure.image_id).file.name == "figures/2026/01/f.webp"
    assert image_model.objects.count() == 3

    versions = apps.get_model("reversion", "Version").objects
    version = versions.get(pk=made["version"])
    assert json.loads(version.serialized_data)[0]["fields"]["image"] == image.pk
    [held] = versions.filter(revision=version.revision, object_id=str(image.pk)).exclude(
        pk=version.pk
    )
    assert json.loads(held.serialized_data)[0]["fields"]["file"] == "artworks/2025/12/older.jpg"

    apps = migrate(BEFORE)
    shown = apps.get_model("artworks", "ArtworkImage").objects.get(pk=made["shown"])
    assert (shown.image.name, shown.width, shown.focal_x) == ("artworks/2026/01/a.jpg", 1200, 0.25)
    assert shown.renditions == RENDITIONS
    artist = apps.get_model("artists", "Artist").objects.get(pk=made["artist"])
    assert (artist.portrait.name, artist.portrait_height) == (
        "artists/portraits/2026/01/p.png",
        400,
    )
    version = apps.get_model("reversion", "Version").objects.get(pk=made["version"])
    fields = json.loads(version.serialized_data)[0]["fields"]
    assert (fields["image"], fields["width"]) == ("artworks/2025/12/older.jpg", 600)
    assert apps.get_model("reversion", "Version").objects.count() == 1

    migrate(latest())
