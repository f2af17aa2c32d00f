import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.backups.sites import Site, site_create, site_drop


@dataclass
class BackedUpSite:
    site: Site
    snapshot: dict
    archive: Path
    backup_output: str
    backup_seconds: float


@pytest.fixture(scope="session")
def backed_up(tmp_path_factory):
    """A site with content (tests/backups/content.py), its snapshot and one backup of it. The
    tests that use it never change it: each checks that afterwards."""
    site = site_create(tmp_path_factory.mktemp("backups") / "source")
    try:
        site.manage("migrate", "--verbosity=0")
        site.shell("from tests.backups.content import build; build()")
        snapshot = site.snapshot()
        started = time.monotonic()
        result = site.manage("backup")
        seconds = time.monotonic() - started
        (archive,) = Path(site.env["BACKUP_DIR"]).glob("newsroom-backup-*.tar.gz")
        yield BackedUpSite(site, snapshot, archive, result.stdout, seconds)
    finally:
        site_drop(site)


@pytest.fixture
def fresh_site(tmp_path):
    """A site with an empty database and no media, to restore into."""
    site = site_create(tmp_path / "fresh")
    try:
        yield site
    finally:
        site_drop(site)
