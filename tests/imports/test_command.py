"""manage.py import_tate: progress, a summary, and a JSON report."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from imports.summary import ImportSummary, Skipped
from tests.imports.tate_collections import (
    ARTISTS_IN_FIXTURE,
    ARTWORKS_IMPORTED,
    FIXTURE,
    copy_fixture,
    write,
)

pytestmark = pytest.mark.django_db

BROKEN = "artworks/z/000/z00001-800001.json"


def test_the_command_logs_progress_prints_a_summary_and_writes_the_report(tmp_path):
    """Without a terminal: plain progress lines, the counts, the skipped file, the notes and
    the report."""
    out, report = io.StringIO(), tmp_path / "report.json"
    collection = copy_fixture(tmp_path / "tate")
    write(collection, BROKEN, "{")

    call_command("import_tate", str(collection), "--report", str(report), stdout=out)

    text = out.getvalue()
    assert "Artists [" in text and f"{ARTISTS_IN_FIXTURE}/{ARTISTS_IN_FIXTURE} (100%)" in text
    assert "Artworks [" in text and "/s, " in text and "left" in text
    assert f"Artworks: {ARTWORKS_IMPORTED} created, 0 updated, 0 unchanged, 1 skipped" in text
    assert "Skipped by reason: malformed JSON 1." in text
    assert f"{BROKEN}: malformed JSON" in text
    assert "Note: contributor role 'pupil of' imported as written: 1." in text
    data = json.loads(report.read_text())
    assert data["artworks"]["created"] == ARTWORKS_IMPORTED
    assert data["skipped_by_reason"] == {"malformed JSON": 1}
    assert data["skipped"][0]["file"] == BROKEN
    assert data["notes"]["contributor role 'pupil of' imported as written"] == 1
    assert data["dry_run"] is False


def test_the_report_goes_under_var_by_default(tmp_path, settings):
    """No --report: var/imports/tate-<time>[-dry-run].json."""
    settings.VAR_DIR = tmp_path

    call_command("import_tate", str(FIXTURE), "--dry-run", stdout=io.StringIO())

    [report] = (tmp_path / "imports").glob("tate-*-dry-run.json")
    assert json.loads(report.read_text())["dry_run"] is True


def test_a_path_that_is_no_collection_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no artists/ or artworks/ folder"):
        call_command("import_tate", str(tmp_path), stdout=io.StringIO())


def test_a_long_list_of_skips_is_cut_in_the_summary():
    """The summary shows the first 20 skipped files; the report has them all."""
    summary = ImportSummary(source="tate")
    for number in range(25):
        summary.skip("artwork", f"artworks/x/{number}.json", "no title")

    text = str(summary)

    assert "artworks/x/19.json: no title" in text and "artworks/x/20.json" not in text
    assert "... and 5 more in the report." in text
    assert len(summary.as_dict()["skipped"]) == 25
    assert summary.as_dict()["skipped"][0] == {
        **Skipped("artwork", "artworks/x/0.json", "no title").__dict__
    }
