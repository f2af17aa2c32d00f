"""Reading Tate's collection data where it is: a checkout (a folder with `artists/` and
`artworks/`), or a `.tar.gz` / `.tgz` / `.tar` or `.zip` of one (the folders may sit inside one
top folder, as in GitHub's archives: `collection-master/artworks/...`).

Files are read one at a time, never all at once: a compressed tar cannot be read out of order,
so it is read twice, once for the artists (and to count the artworks), once for the artworks.
Nothing is ever extracted to disk, so names in an archive cannot write anywhere. A file larger
than MAX_FILE_BYTES (Tate's are a few kilobytes) is handed on as None, to be reported.
"""

import os
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_FILE_BYTES = 1024 * 1024
KINDS = ("artists", "artworks")


class SourceError(Exception):
    """The path is no Tate collection: nothing was imported."""


@dataclass(frozen=True)
class SourceFile:
    name: str  # the path inside the checkout or archive, as reports show it
    content: bytes | None  # None: larger than MAX_FILE_BYTES


def kind_of(name: str) -> str | None:
    """'artists' or 'artworks' for a JSON file in those folders (at the top, or inside one top
    folder), None for anything else (the README, the CSV files, other folders)."""
    parts = [part for part in PurePosixPath(name).parts if part not in ("", ".")]
    if not parts or not parts[-1].endswith(".json"):
        return None
    for index in (0, 1):
        if len(parts) > index + 1 and parts[index] in KINDS:
            return parts[index]
    return None


class DirectorySource:
    def __init__(self, root: Path):
        self.root = root
        self._names = {kind: self._list(kind) for kind in KINDS}

    def _list(self, kind: str) -> list[str]:
        names = []
        for folder, _subfolders, files in os.walk(self.root / kind):
            relative = Path(folder).relative_to(self.root).as_posix()
            names += [f"{relative}/{name}" for name in files if name.endswith(".json")]
        return sorted(names)

    def count(self, kind: str) -> int:
        return len(self._names[kind])

    def files(self, kind: str) -> Iterator[SourceFile]:
        for name in self._names[kind]:
            path = self.root / name
            too_big = path.stat().st_size > MAX_FILE_BYTES
            yield SourceFile(name, None if too_big else path.read_bytes())

    def close(self):
        pass


class ZipSource:
    def __init__(self, path: Path):
        self.archive = zipfile.ZipFile(path)
        self._members = {kind: [] for kind in KINDS}
        for info in self.archive.infolist():
            kind = kind_of(info.filename)
            if kind and not info.is_dir():
                self._members[kind].append(info)

    def count(self, kind: str) -> int:
        return len(self._members[kind])

    def files(self, kind: str) -> Iterator[SourceFile]:
        for info in self._members[kind]:
            with self.archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)
            yield SourceFile(info.filename, content if len(content) <= MAX_FILE_BYTES else None)

    def close(self):
        self.archive.close()


class TarSource:
    def __init__(self, path: Path):
        self.path = path
        self._counts = dict.fromkeys(KINDS, 0)
        for member in self._members():
            self._counts[kind_of(member.name)] += 1

    def _members(self) -> Iterator[tarfile.TarInfo]:
        with tarfile.open(self.path, mode="r|*") as archive:
            self._archive = archive
            for member in archive:
                if member.isfile() and kind_of(member.name):
                    yield member

    def count(self, kind: str) -> int:
        return self._counts[kind]

    def files(self, kind: str) -> Iterator[SourceFile]:
        for member in self._members():
            if kind_of(member.name) != kind:
                continue
            if member.size > MAX_FILE_BYTES:
                yield SourceFile(member.name, None)
                continue
            handle = self._archive.extractfile(member)
            yield SourceFile(member.name, handle.read() if handle else None)

    def close(self):
        pass


def open_source(path: Path) -> DirectorySource | ZipSource | TarSource:
    """The collection at `path`; SourceError when it holds no Tate artist or artwork file."""
    path = Path(path)
    try:
        if path.is_dir():
            source = DirectorySource(path)
        elif path.name.lower().endswith(".zip"):
            source = ZipSource(path)
        elif path.name.lower().endswith((".tar.gz", ".tgz", ".tar")):
            source = TarSource(path)
        else:
            raise SourceError(f"{path}: give a folder, a .tar.gz, .tgz, .tar or a .zip.")
    except (OSError, tarfile.TarError, zipfile.BadZipFile) as error:
        raise SourceError(f"{path}: cannot be read ({error}).") from error
    if not any(source.count(kind) for kind in KINDS):
        raise SourceError(
            f"{path}: no artists/ or artworks/ folder of JSON files (Tate's layout) found."
        )
    return source
