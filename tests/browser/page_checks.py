"""The checkers the page tests run: the Nu HTML Checker (npm's vnu-jar, on Java) and axe-core
(npm) in Chromium. `make test` installs both into node_modules/ (package.json); without them the
tests are skipped with the reason, or fail when $NEWSROOM_REQUIRE_BROWSER is set."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


def require(path: Path, what: str) -> None:
    if path.exists() and (path != VNU_JAR or shutil.which("java")):
        return
    reason = f"{what} is not installed ({path}; `make test` runs `npm ci`, and Java for vnu)."
    if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def html_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """The Nu HTML Checker's errors for each page's HTML, as 'url line:col message' lines."""
    require(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    files = {}
    for index, (url, html) in enumerate(pages.items()):
        path = folder / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        files[path] = url
    result = subprocess.run(  # noqa: S603 (fixed arguments, our own files)
        [
            shutil.which("java"),
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    url_of = {path.name: url for path, url in files.items()}
    return [
        f"{url_of.get(m.get('url', '').rsplit('/', 1)[-1])} {m.get('lastLine')}:"
        f"{m.get('firstColumn')} "
        f"{m.get('message')} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def accessibility_violations(page, within: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page as loaded (or in the parts of it
    that the CSS selectors `within` pick)."""
    require(AXE_JS, "axe-core")
    # Run as Playwright's own code, not as an inline <script>, which the pages' Content
    # Security Policy rightly blocks.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # After the fonts in use have loaded: axe tells an icon font's ligature ("undo", drawn as
    # an arrow in the editor's toolbar) from text only once its font is there; before, it reads
    # the word as the button's visible text (a name mismatch, and grey text on grey).
    results = page.evaluate(
        "async (within) => {"
        " document.body.getBoundingClientRect();"
        " await new Promise((done) => requestAnimationFrame(() => done()));"
        " await document.fonts.ready;"
        " return await axe.run(within ? {include: within.map((s) => [s])} : document,"
        " {resultTypes: ['violations']}); }",
        within,
    )
    return [
        f"{page.url} {violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
