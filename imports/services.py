"""Importing a museum's open collection data: `tate_collection_import()` (docs/import.md)."""

import tarfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from django.utils import timezone

from artists.models import Artist
from imports.signals import collection_imported
from imports.summary import ImportSummary
from imports.tags import TagResolver
from imports.tate.parsing import parse_artist, parse_artwork
from imports.tate.reader import SourceError, SourceFile, open_source
from imports.tate.records import Skip
from imports.tate.writers import ArtistWriter, ArtworkWriter
from pagecache import invalidate as pages

DEFAULT_BATCH_SIZE = 500


class Bar(Protocol):
    def advance(self, count: int = 1): ...
    def finish(self): ...


class _NoBar:
    def advance(self, count: int = 1):
        pass

    def finish(self):
        pass


def tate_collection_import(
    *,
    path: Path,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    progress: Callable[[str, int], Bar] | None = None,
) -> ImportSummary:
    """Create or update the artists, then the artworks, of Tate's collection data at `path`
    (a checkout, .tar.gz or .zip), `batch_size` records a transaction. `progress(label, total)`
    gives a bar for each of the two passes. With `dry_run` nothing is written: the summary says
    what would be. SourceError when `path` is no Tate collection or cannot be read."""
    started = time.monotonic()
    summary = ImportSummary(
        source=str(path),
        dry_run=dry_run,
        batch_size=batch_size,
        started_at=timezone.now().isoformat(timespec="seconds"),
    )
    bar = progress or (lambda label, total: _NoBar())
    tags = TagResolver()
    source = open_source(path)
    try:
        writer = ArtistWriter(summary=summary, tags=tags, dry_run=dry_run)
        in_source = _import(
            source.files("artists"),
            parse_artist,
            writer,
            batch_size,
            bar("Artists", source.count("artists")),
        )
        artist_ids = dict(Artist.objects.filter(tate_id__isnull=False).values_list("tate_id", "pk"))
        # A dry run wrote none of the new artists: count their works as it would.
        known = set(artist_ids) | (in_source if dry_run else set())
        writer = ArtworkWriter(
            artist_ids=artist_ids,
            known_artists=known,
            summary=summary,
            tags=tags,
            dry_run=dry_run,
        )
        _import(
            source.files("artworks"),
            parse_artwork,
            writer,
            batch_size,
            bar("Artworks", source.count("artworks")),
        )
    except (tarfile.TarError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise SourceError(
            f"{path} could not be read to the end ({error}); the batches before were imported."
        ) from error
    finally:
        source.close()
        if not dry_run:  # bulk writes send no signals: every page is rebuilt on its next request
            pages.everything()
            collection_imported.send(sender=tate_collection_import, summary=summary)
    summary.seconds = time.monotonic() - started
    return summary


def _import(files: Iterator[SourceFile], parse, writer, batch_size: int, bar: Bar) -> set[int]:
    """Parse each file, write the records in batches; returns the Tate ids read."""
    summary, seen, batch = writer.summary, set(), []
    for file in files:
        try:
            if file.content is None:
                raise Skip("file too large")
            record = parse(file.content)
            if record.tate_id in seen:
                raise Skip("duplicate Tate id", f"{record.tate_id} is in an earlier file too")
        except Skip as skip:
            summary.skip(writer.kind, file.name, skip.reason, skip.detail)
            bar.advance()
            continue
        seen.add(record.tate_id)
        summary.notes.update(record.notes)
        batch.append((file.name, record))
        if len(batch) >= batch_size:
            writer.write(batch)
            bar.advance(len(batch))
            batch = []
    if batch:
        writer.write(batch)
        bar.advance(len(batch))
    bar.finish()
    return seen
