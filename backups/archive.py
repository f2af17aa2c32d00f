"""The archive: one .tar.gz holding the database part, the media files under media/, and
manifest.json, written last, which lists every other member with its size and sha256.

Reading never trusts the archive: each member is checked (a regular file, a name this format
uses, inside the destination by tarfile's "data" filter) and copied into a staging folder while
it is hashed; only then is the manifest compared with what was actually read. Nothing outside
the staging folder is touched until the whole archive has passed.
"""

import gzip
import hashlib
import io
import json
import shutil
import tarfile
import time
import zlib
from pathlib import Path, PurePosixPath

from backups.errors import ArchiveRefused

FORMAT = "newsroom-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
# The database part's name says what it holds, so a dump is never fed to the wrong tool.
DATABASE_PARTS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class HashingReader:
    """A file wrapper that hashes what tarfile reads from it, so that each part is read once and
    its checksum is of exactly the bytes that went into the archive."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


class ArchiveWriter:
    """Writes the parts, then the manifest that lists them."""

    def __init__(self, path: Path):
        self.tar = tarfile.open(path, "w:gz", compresslevel=6)
        self.parts: list[dict] = []

    def add_file(self, source: Path, name: str) -> dict:
        with source.open("rb") as file:
            info = self.tar.gettarinfo(arcname=name, fileobj=file)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o644
            reader = HashingReader(file)
            self.tar.addfile(info, reader)
        part = {"name": name, "bytes": info.size, "sha256": reader.sha256.hexdigest()}
        self.parts.append(part)
        return part

    def add_manifest(self, manifest: dict) -> dict:
        """Write the manifest, last; returns it with the list of parts."""
        manifest = {**manifest, "parts": self.parts}
        data = json.dumps(manifest, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o644
        info.mtime = int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        return manifest

    def close(self) -> None:
        self.tar.close()


def archive_unpack(*, path: Path, staging: Path) -> tuple[dict, Path]:
    """Copy the archive's members into `staging` and check them against its manifest. Returns
    the manifest and the staged database part; the media files are under staging/media/.
    Raises ArchiveRefused, having written nothing outside `staging`."""
    if not path.is_file():
        raise ArchiveRefused(f"{path}: no such file.")
    read = {}
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                name = _checked_name(member, staging)
                if name is None:
                    continue
                if name in read:
                    raise ArchiveRefused(f"{path} holds {name} twice: not a Newsroom backup.")
                read[name] = _copy_hashed(tar.extractfile(member), staging / name)
            # tar stops at its end-of-archive blocks; gzip checks its CRC only at the end of
            # the stream, so read to the end: a damaged byte anywhere is caught.
            while tar.fileobj.read(CHUNK):
                pass
    except (tarfile.TarError, gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise ArchiveRefused(
            f"{path} is damaged or is not a Newsroom backup ({error}). Nothing was changed."
        ) from error
    manifest = _manifest(path, staging, read)
    database = manifest["database"]["part"]
    return manifest, staging / database


def _checked_name(member: tarfile.TarInfo, staging: Path) -> str | None:
    """The member's name, once it is known to be a regular file this format uses, inside the
    staging folder; None for a plain folder entry. Refuses everything else."""
    name = member.name
    try:
        tarfile.data_filter(member, str(staging))
    except tarfile.FilterError as error:
        raise ArchiveRefused(f"Refused: the archive holds an unsafe member ({error}).") from error
    parts = PurePosixPath(name).parts
    if name.startswith("/") or ".." in parts or "\\" in name:
        raise ArchiveRefused(f"Refused: the archive holds an unsafe path {name!r}.")
    if member.isdir() and (name + "/").startswith(MEDIA_PREFIX):
        return None
    if not member.isfile():
        raise ArchiveRefused(
            f"Refused: {name!r} in the archive is not a regular file (a link or a device); "
            "a Newsroom backup holds only files."
        )
    if name != MANIFEST and name not in DATABASE_PARTS.values():
        if not name.startswith(MEDIA_PREFIX) or len(parts) < 2:
            raise ArchiveRefused(
                f"Refused: {name!r} is not part of a Newsroom backup. Nothing was changed."
            )
    return name


def _copy_hashed(source, target: Path) -> tuple[int, str]:
    target.parent.mkdir(parents=True, exist_ok=True)
    sha256, size = hashlib.sha256(), 0
    with target.open("xb") as out:
        while chunk := source.read(CHUNK):
            sha256.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return size, sha256.hexdigest()


def _manifest(path: Path, staging: Path, read: dict[str, tuple[int, str]]) -> dict:
    """The manifest, once every part it lists was read with its size and checksum, and nothing
    else was in the archive."""
    if MANIFEST not in read:
        raise ArchiveRefused(f"{path} has no {MANIFEST}: it is not a Newsroom backup.")
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
        parts = {part["name"]: (part["bytes"], part["sha256"]) for part in manifest["parts"]}
        vendor = manifest["database"]["vendor"]
        fmt, version = manifest["format"], manifest["format_version"]
    except (ValueError, KeyError, TypeError) as error:
        raise ArchiveRefused(
            f"{path} has no readable manifest: it is damaged or not a Newsroom backup."
        ) from error
    if fmt != FORMAT:
        raise ArchiveRefused(f"{path} is not a Newsroom backup (its format is {fmt!r}).")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ArchiveRefused(
            f"{path} was written by a newer Newsroom (backup format {version}); this one reads "
            f"format {FORMAT_VERSION}. Restore it with that version."
        )
    database = DATABASE_PARTS.get(vendor)
    if database is None or manifest["database"].get("part") != database or database not in parts:
        raise ArchiveRefused(f"{path}: the manifest names no database part for {vendor!r}.")
    del read[MANIFEST]
    for name, (size, sha256) in parts.items():
        if name not in read:
            raise ArchiveRefused(f"{path} is incomplete: {name} is missing. Nothing was changed.")
        if read[name] != (size, sha256):
            raise ArchiveRefused(
                f"{path} is damaged: {name} does not match its checksum. Nothing was changed."
            )
    extra = sorted(set(read) - set(parts))
    if extra:
        raise ArchiveRefused(f"{path} holds files its manifest does not list: {extra[0]} ...")
    return manifest


def media_files(root: Path, *, skip: Path | None = None):
    """Every regular file under root, as (path, name in the archive), sorted; symbolic links
    are not followed, and `skip` (the backup's own folder, if it is inside root) is left out."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if skip is not None and path.is_relative_to(skip):
            continue
        if path.is_file() and not path.is_symlink():
            yield path, MEDIA_PREFIX + path.relative_to(root).as_posix()


def media_install(*, staged: Path, root: Path) -> int:
    """Move the staged media files into root (replacing files of the same name; files that the
    backup does not have are left as they are). Returns how many were moved."""
    moved = 0
    if not staged.is_dir():
        return moved
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            target = root / path.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
            moved += 1
    return moved
