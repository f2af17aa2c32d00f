"""The steps of the serving benchmark that use Django, each in a process of its own with the same
environment as the gunicorn it measures (DATABASE_URL, REDIS_URL, CACHE_KEY_PREFIX, PAGE_CACHE):

- build: migrate, write the corpus (bench/corpus/), then sample the URL sets to request;
- fresh: against the warm server, change an article's title and rename an artist it features
  through the ORM (a normal save(), so every signal fires), and see whether the very next
  response shows the change.
"""

import html
import inspect
import json
import time
import uuid
from pathlib import Path
from random import Random

from bench.corpus.build import build_corpus
from bench.corpus.sampling import LAST_NAMES, TAG_QUALIFIERS, TAG_WORDS
from bench.shared.gunicorn import get

# After a change, how long to keep asking when the next response did not show it (reported).
FRESH_WAIT_S = 5.0


def run_step(args) -> int:
    import django  # noqa: PLC0415

    django.setup()
    result = _build(args) if args.step == "build" else _fresh(args)
    Path(args.result).write_text(json.dumps(result))
    return 0


def corpus_arguments(pairs: list[str], build_corpus) -> dict:
    """--corpus NAME=VALUE pairs as build_corpus() keyword arguments, each converted to the
    type of that parameter's default; an unknown name is refused with the known ones."""
    parameters = inspect.signature(build_corpus).parameters
    known = {name for name, p in parameters.items() if p.kind is p.KEYWORD_ONLY}
    known -= {"progress", "articles", "seed"}
    arguments = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or name not in known:
            raise SystemExit(f"--corpus {pair!r}: expected NAME=VALUE, NAME one of {sorted(known)}")
        arguments[name] = _convert(raw, parameters[name].default, pair)
    return arguments


def _convert(raw: str, default, pair: str):
    """`raw` as the type of `default` (bool, int, float, str; a number or None for None)."""
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() not in {"true", "false"}:
            raise SystemExit(f"--corpus {pair!r}: expected true or false")
        return text.lower() == "true"
    kinds = [type(default)] if isinstance(default, int | float) else [int, float]
    if default is None and text.lower() == "none":
        return None
    for kind in kinds:
        try:
            return kind(text)
        except ValueError:
            continue
    if default is None or isinstance(default, str):
        return raw
    raise SystemExit(f"--corpus {pair!r}: expected a {type(default).__name__}")


def _build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    # Article pages show "You may also like": computed, when the corpus can, as on a real site.
    extra = corpus_arguments(args.corpus, build_corpus)
    if "recommendations" in inspect.signature(build_corpus).parameters:
        extra.setdefault("recommendations", True)
    summary = build_corpus(articles=args.articles, seed=args.seed, progress=print, **extra)
    built = time.perf_counter()
    print(summary, flush=True)
    rng = Random(args.seed)  # noqa: S311 (which URLs to ask for, not secrets)
    urls = sample_urls(rng, articles=args.urls, artists=args.artist_urls, searches=args.search_urls)
    number = connection.cursor().connection.server_version
    return {
        "migrate_s": migrated - started,
        "corpus_s": built - migrated,
        "corpus": summary.as_dict(),
        "corpus_arguments": extra,
        "counts": _counts(),
        "urls": urls,
        "database_version": f"{number // 10000}.{number % 10000}",
    }


def _counts() -> dict:
    from django.apps import apps  # noqa: PLC0415

    counted = {}
    for label in ("articles.Article", "artists.Artist", "artworks.Artwork", "articles.Author"):
        try:
            counted[label.split(".")[1].lower() + "s"] = apps.get_model(label).objects.count()
        except LookupError:
            pass
    return counted


def sample_urls(rng: Random, *, articles: int, artists: int, searches: int) -> dict:
    """The URL sets of the scenarios, and the article and artist of the freshness check."""
    from urllib.parse import urlencode  # noqa: PLC0415

    from django.urls import reverse  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from artists.models import Artist  # noqa: PLC0415

    public = list(Article.objects.published().order_by("pk").values_list("pk", "slug"))
    chosen = rng.sample(public, min(articles, len(public)))
    artist_rows = list(Artist.objects.order_by("pk").values_list("pk", "slug"))
    chosen_artists = rng.sample(artist_rows, min(artists, len(artist_rows)))
    # Search queries: tag words, artists' last names, then qualified tags ("Dutch etching").
    words = [word.replace("-", " ") for word in TAG_WORDS] + list(LAST_NAMES)
    queries = list(dict.fromkeys(words))
    while len(queries) < searches:
        queries.append(f"{rng.choice(TAG_QUALIFIERS)} {rng.choice(TAG_WORDS).replace('-', ' ')}")
        queries = list(dict.fromkeys(queries))
    search, picked = reverse("search:search"), rng.sample(queries, searches)
    featured = (
        Article.featured_artists.through.objects.filter(article_id__in=[pk for pk, _ in chosen])
        .order_by("article_id", "artist_id")
        .values_list("article_id", "artist_id")
        .first()
    )
    if featured is None:
        raise SystemExit("No sampled article features an artist: the freshness check needs one.")
    return {
        "bare": ["/bench/bare/"],
        "articles": [reverse("articles:article-detail", args=[slug]) for _, slug in chosen],
        "home": [reverse("articles:home")],
        "artists": [reverse("artists:artist-detail", args=[slug]) for _, slug in chosen_artists],
        "search": [f"{search}?{urlencode({'q': query})}" for query in picked],
        "fresh_article": featured[0],
        "fresh_artist": featured[1],
    }


def _fresh(args) -> dict:
    from articles.models import Article  # noqa: PLC0415
    from artists.models import Artist  # noqa: PLC0415

    token = uuid.uuid4().hex[:8]
    article = Article.objects.get(pk=args.article)
    artist = Artist.objects.get(pk=args.artist)
    url = args.base_url + article.get_absolute_url()
    first, second = get(url), get(url)  # the second is a cache hit when the page cache is on
    if first.status != 200 or html.escape(article.title) not in second.text():
        raise SystemExit(f"{url} answered {first.status} without the article's title")

    article.title = f"{article.title} (changed {token})"
    article.save()
    title = _visible(url, html.escape(article.title))

    artist.name = f"{artist.name} Renamed{token}"
    artist.save()
    name = _visible(url, html.escape(artist.name))
    on_artist_page = _visible(
        args.base_url + artist.get_absolute_url(), html.escape(artist.name), wait=0
    )
    return {
        "url": url,
        "headers_before": {k: v for k, v in second.headers.items() if _cache_header(k)},
        "title": title,
        "artist": name,
        "artist_page": on_artist_page,
    }


def _cache_header(name: str) -> bool:
    name = name.lower()
    return name in {"age", "cache-control", "etag", "last-modified"} or "cache" in name


def _visible(url: str, text: str, *, wait: float = FRESH_WAIT_S) -> dict:
    """Whether the very next response shows `text`; if not, after how long one does."""
    started = time.perf_counter()
    answer = get(url)
    result = {"next_response": text in answer.text(), "status": answer.status, "after_s": 0.0}
    while text not in answer.text() and time.perf_counter() - started < wait:
        time.sleep(0.1)
        answer = get(url)
    seen = text in answer.text()
    result["after_s"] = round(time.perf_counter() - started, 2) if seen else None
    return result
