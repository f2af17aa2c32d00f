"""The demo content is loaded as a revision, so each demo object's history starts with it."""

import io

import pytest
from django.core.management import call_command
from reversion.models import Revision, Version

from articles.models import Article


@pytest.mark.django_db
def test_seed_demo_is_one_revision_loaded_by_seed_demo():
    """seed_demo stores one revision, commented "Loaded by seed_demo", holding every demo
    article with its parts."""
    call_command("seed_demo", stdout=io.StringIO())

    revision = Revision.objects.get()
    assert revision.comment == "Loaded by seed_demo"
    assert revision.user is None
    for article in Article.objects.all():
        assert Version.objects.get_for_object(article).get().revision == revision
