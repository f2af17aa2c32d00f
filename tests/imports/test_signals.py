"""An import tells the rest of the site that it wrote records (imports/signals.py)."""

import pytest

from imports.services import tate_collection_import
from imports.signals import collection_imported

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def listener(sender, **kwargs):
        calls.append(kwargs["summary"])

    collection_imported.connect(listener)
    yield calls
    collection_imported.disconnect(listener)


def test_sent_once_after_an_import_with_its_summary(collection, heard):
    summary = tate_collection_import(path=collection)
    assert heard == [summary] and summary.artworks.created


def test_not_sent_after_a_dry_run(collection, heard):
    tate_collection_import(path=collection, dry_run=True)
    assert heard == []
