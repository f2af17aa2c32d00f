"""Benchmark of image renditions: making them for a large photograph, and reading them on a page.

    .venv/bin/python -m bench.images                  # appends its figures to docs/benchmarks.md
    .venv/bin/python -m bench.images --runs 3 --renders 10 --no-record

1. make_renditions() on a 6000x4000 JPEG (blurred colour, a gradient and fine noise: about 7 MB
   at quality 90), on one CPU core; the median of --runs, then again with Image.draft disabled.
2. An article with --figures figures (half artworks' images, half uploads, 2400x1600), saved so
   that their renditions are made by the real path (on-commit task, immediate backend); then its
   page rendered --renders times by the test client, counting image files opened (PIL.Image.open,
   Storage.open: must be 0), queries and time. All in a temporary directory, removed at the end.
"""

import argparse
import io
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import connection, transaction
from django.db.models.fields.files import FieldFile
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image, ImageFilter, JpegImagePlugin, features

from bench.shared.entries import append_to_section, bullet
from bench.shared.entries import table as markdown_table
from bench.shared.machine import cpu_and_memory
from bench.shared.paths import DOC, ROOT

SECTION = "## Images"
SECTION_INTRO = f"""{SECTION}

`bench/images/` times `images.renditions.make_renditions` on a 6000x4000 JPEG on one core, and
renders an article page with 20 figures whose renditions are made, counting the image files the
render opens (the target is none: pages read the stored renditions JSON only).
"""
TARGET_S = 3.0


def photo_jpeg(size=(6000, 4000), seed=1) -> bytes:
    """A photograph-like JPEG at quality 90: smooth colour fields, a gradient, fine noise."""
    width, height = size
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    small = (width // 8, height // 8)
    colour = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3))
    colour = colour.filter(ImageFilter.GaussianBlur(6)).resize(size, Image.Resampling.BICUBIC)
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.frombytes("L", size, rng.randbytes(width * height)).convert("RGB")
    picture = Image.blend(Image.blend(colour, gradient, 0.4), noise, 0.1)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def setup_django(workdir: Path):
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("MEDIA_ROOT", None)
    os.environ.update(DJANGO_SETTINGS_MODULE="newsroom.settings", DEBUG="false")
    os.environ.update(SECRET_KEY="bench-only-" + "k" * 50, ALLOWED_HOSTS="testserver")
    os.environ.update(NEWSROOM_VAR_DIR=str(workdir), STATIC_ROOT=str(workdir / "static"))
    os.environ.update(TASKS_BACKEND="immediate", LOG_LEVEL="WARNING")  # tasks run on commit
    # Plain HTTP from the test client, as behind a proxy that has ended TLS; and every render
    # builds the page, which the page cache would otherwise answer from the second on.
    os.environ.update(SECURE_SSL_REDIRECT="false", PAGE_CACHE="false")
    (workdir / "static").mkdir(parents=True, exist_ok=True)
    import django  # noqa: PLC0415

    django.setup()


def time_renditions(*, size=(6000, 4000), runs=5) -> dict:
    """Median seconds of make_renditions on one stored JPEG, with and without Image.draft."""
    from images.models import Image as StoredImage  # noqa: PLC0415
    from images.renditions import make_renditions, rendition_names  # noqa: PLC0415

    data = photo_jpeg(size)
    name = default_storage.save("bench/photo.jpg", ContentFile(data))
    original = FieldFile(None, StoredImage._meta.get_field("file"), name)

    made = make_renditions(original, focal=(0.3, 0.4))  # a warm-up, and the files to count
    seconds = [_timed(make_renditions, original, focal=(0.3, 0.4)) for _ in range(runs)]
    with mock.patch.object(JpegImagePlugin.JpegImageFile, "draft", lambda *args: None):
        full_decode = [_timed(make_renditions, original, focal=(0.3, 0.4)) for _ in range(runs)]
    names = rendition_names(made)
    return {
        "size": size,
        "bytes": len(data),
        "runs": runs,
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "full_decode_median_s": statistics.median(full_decode),
        "files": len(names),
        "written_bytes": sum(default_storage.size(name) for name in names),
    }


def _timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def build_article(*, figures=20, size=(2400, 1600)):
    """A published article whose figures' renditions were made after each save committed."""
    from articles.models import Article, ArticleFigure, Section  # noqa: PLC0415
    from artworks.models import Artwork, ArtworkImage  # noqa: PLC0415
    from images.models import Image as StoredImage  # noqa: PLC0415

    section = Section.objects.create(name="Bench", slug="bench")
    when = timezone.now() - timedelta(hours=1)
    article = Article.objects.create(
        title="Pictures", slug="pictures", section=section, status="published", published_at=when
    )
    for position in range(figures):
        upload = ContentFile(photo_jpeg(size, seed=position), name="photo.jpg")
        with transaction.atomic():  # as the admin's request: tasks run when it commits
            picture = StoredImage.objects.create(file=upload)
            if position % 2:
                ArticleFigure.objects.create(
                    article=article, position=position, image=picture, alt_text="A photograph"
                )
            else:
                artwork = Artwork.objects.create(title=f"Work {position}", slug=f"w{position}")
                ArtworkImage.objects.create(artwork=artwork, image=picture, alt_text="A work")
                ArticleFigure.objects.create(article=article, position=position, artwork=artwork)
    return article


def measure_page(article, *, renders=20) -> dict:
    """Render the article page `renders` times (after one warm-up): time, queries, files opened."""
    # DEBUG is off, but nothing was collected: static files by their plain names.
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    client, seconds, queries = Client(), [], []
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
        client.get(article.get_absolute_url())
        with (  # counted, still called
            mock.patch.object(Image, "open", wraps=Image.open) as image_open,
            mock.patch.object(Storage, "open", autospec=True, side_effect=Storage.open) as opened,
        ):
            for _ in range(renders):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(article.get_absolute_url())
                    seconds.append(time.perf_counter() - started)
                queries.append(len(captured))
                assert response.status_code == 200, response.status_code
    shown = [figure.shown_image() for figure in article.figures.all()]
    return {
        "figures": len(shown),
        "renders": renders,
        "opened": image_open.call_count + opened.call_count,
        "median_ms": statistics.median(seconds) * 1000,
        "max_ms": max(seconds) * 1000,
        "queries": statistics.median(queries),
        "webp_sources": response.content.count(b'type="image/webp"'),
        "with_renditions": sum(image.picture.has_renditions for image in shown if image),
    }


def machine() -> str:
    cpu, _ = cpu_and_memory()
    return (
        f"Machine: {os.cpu_count()} CPUs, {cpu}; the process pinned to one "
        f"core. Python {platform.python_version()}, Django {metadata.version('django')}, Pillow "
        f"{metadata.version('pillow')} (libjpeg-turbo {features.version('libjpeg_turbo')}, "
        f"libwebp {features.version('webp')}). Load average (1 min) at the end: "
        f"{os.getloadavg()[0]:.2f}."
    )


def table(r: dict, p: dict) -> str:
    """The figures against their targets, as a Markdown table."""
    missed = "" if r["median_s"] < TARGET_S else " **(missed)**"
    rows = [
        ("", "target", "measured"),
        ("---", "---", "---"),
        (f"make_renditions, {r['size'][0]}x{r['size'][1]} JPEG ({r['bytes'] / 1e6:.1f} MB), "
         f"one core, median of {r['runs']}", f"< {TARGET_S:g} s", f"{r['median_s']:.2f} s{missed}"),
        ("same: min / max", "", f"{r['min_s']:.2f} / {r['max_s']:.2f} s"),
        ("same without Image.draft (full decode)", "", f"{r['full_decode_median_s']:.2f} s"),
        ("files written, their size", "", f"{r['files']}, {r['written_bytes'] / 1e3:,.0f} kB"),
        (f"article page, {p['figures']} figures ({p['with_renditions']} with renditions): "
         f"image files opened in {p['renders']} renders", "0", str(p["opened"])),
        ("article page render: median / max", "", f"{p['median_ms']:.1f} / {p['max_ms']:.1f} ms"),
        ("queries per render (median)", "", f"{p['queries']:.0f}"),
        ("WebP sources in the page", "", str(p["webp_sources"])),
    ]  # fmt: skip
    return markdown_table(rows)


def record(text: str) -> None:
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=DOC)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.images", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="timed make_renditions runs (5)")
    parser.add_argument("--figures", type=int, default=20)
    parser.add_argument("--renders", type=int, default=20, help="timed page renders (20)")
    parser.add_argument("--no-record", dest="record", action="store_false")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-images-"))
    try:
        setup_django(workdir)
        from django.core.management import call_command  # noqa: PLC0415

        call_command("migrate", verbosity=0, interactive=False)
        print("Timing make_renditions...", flush=True)
        renditions = time_renditions(runs=args.runs)
        print(f"Building an article with {args.figures} figures...", flush=True)
        page = measure_page(build_article(figures=args.figures), renders=args.renders)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = table(renditions, page)
    print("\n" + result)
    if args.record:
        command = " ".join([".venv/bin/python -m bench.images", *(argv or sys.argv[1:])])
        bullets = bullet(machine())
        record(
            f"### {date.today().isoformat()}: renditions\n\n`{command}`\n\n{bullets}\n\n{result}\n"
        )
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0
