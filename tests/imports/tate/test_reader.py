"""The import reads a checkout, a .tar.gz or a .zip of Tate's data, with or without a top
folder, and says so when a path holds no collection."""

import tarfile
import zipfile

import pytest

from artworks.models import Artwork
from imports.services import tate_collection_import
from imports.tate.reader import SourceError, kind_of, open_source
from tests.imports.tate_collections import (
    ARTISTS_IMPORTED,
    ARTISTS_IN_FIXTURE,
    ARTWORKS_IMPORTED,
    ARTWORKS_IN_FIXTURE,
    FIXTURE,
    NOTES_OF_FIXTURE,
)

pytestmark = pytest.mark.django_db


def make_tar(target, *, top="collection-master"):
    with tarfile.open(target, "w:gz") as archive:
        archive.add(FIXTURE, arcname=top)
    return target


def make_zip(target, *, top="collection-master"):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(FIXTURE.rglob("*")):
            archive.write(path, f"{top}/{path.relative_to(FIXTURE)}")
    return target


@pytest.mark.parametrize("make", [make_tar, make_zip], ids=["tar.gz", "zip"])
def test_an_archive_imports_as_the_checkout_does(tmp_path, make):
    """The same records, and the same notes, as from the folder."""
    archive = make(tmp_path / f"tate.{'tar.gz' if make is make_tar else 'zip'}")

    summary = tate_collection_import(path=archive)

    assert (summary.artists.created, summary.artworks.created) == (
        ARTISTS_IMPORTED,
        ARTWORKS_IMPORTED,
    )
    assert summary.skipped == []
    assert summary.notes == NOTES_OF_FIXTURE
    assert Artwork.objects.get(tate_id=93227).title == "Table and Pillar"


def test_an_archive_without_a_top_folder_is_read_too(tmp_path):
    """artists/ and artworks/ at the root of the archive, as `tar -C checkout` makes them."""
    with tarfile.open(tmp_path / "tate.tgz", "w:gz") as archive:
        for folder in ("artists", "artworks"):
            archive.add(FIXTURE / folder, arcname=f"./{folder}")

    source = open_source(tmp_path / "tate.tgz")

    assert (source.count("artists"), source.count("artworks")) == (
        ARTISTS_IN_FIXTURE,
        ARTWORKS_IN_FIXTURE,
    )


def test_the_checkout_is_read_in_a_stable_order():
    """Sorted file names: the same run reports the same files in the same order."""
    names = [file.name for file in open_source(FIXTURE).files("artworks")]

    assert names == sorted(names) and len(names) == ARTWORKS_IN_FIXTURE


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("artworks/a/000/a00001-1035.json", "artworks"),
        ("artists/a/ai-weiwei-8208.json", "artists"),
        ("collection-master/artists/a/ai-weiwei-8208.json", "artists"),
        ("./artworks/a/000/a00001-1035.json", "artworks"),
        ("collection-master/artwork_data.csv", None),
        ("README.md", None),
        ("a/b/artworks/a/000/a00001-1035.json", None),
        ("artworks/a/000/notes.txt", None),
    ],
)
def test_which_files_are_records(name, kind):
    """JSON files under artists/ or artworks/, at the top or in one top folder."""
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp, "no artists/ or artworks/ folder"),
        (lambda tmp: tmp / "missing.zip", "cannot be read"),
        (lambda tmp: (tmp / "tate.json").write_text("{}") and tmp / "tate.json", "give a folder"),
        (
            lambda tmp: (tmp / "bad.zip").write_text("not a zip") and tmp / "bad.zip",
            "cannot be read",
        ),
    ],
    ids=["empty-folder", "missing", "other-file", "damaged-zip"],
)
def test_a_path_that_is_no_collection_is_refused(tmp_path, make, message):
    """Nothing is imported, and the message says why."""
    with pytest.raises(SourceError, match=message):
        tate_collection_import(path=make(tmp_path))
    assert not Artwork.objects.exists()


def test_a_truncated_archive_is_refused(tmp_path):
    """A download cut short is reported as unreadable, not imported in part unknowingly."""
    archive = make_tar(tmp_path / "tate.tar.gz")
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with pytest.raises(SourceError, match="cannot be read"):
        tate_collection_import(path=archive)
