"""`python -m bench.corpus`: the corpus on its own, into the configured database (DATABASE_URL
or NEWSROOM_VAR_DIR), which must hold no articles yet. What it makes: bench/corpus/build.py."""

import argparse
import sys

from bench.corpus.build import build_corpus, setup_django
from bench.corpus.sampling import ARTIST_EXPONENT, TAG_EXPONENT


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    setup_django()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    if args.migrate:
        call_command("migrate", verbosity=0, interactive=False)
    if Article.objects.exists():
        print(
            "This database already has articles: point DATABASE_URL or NEWSROOM_VAR_DIR at an "
            "empty one (the corpus would mix with them).",
            file=sys.stderr,
        )
        return 1
    summary = build_corpus(
        articles=args.articles,
        artists=args.artists,
        tags=args.tags,
        seed=args.seed,
        progress=lambda message: print(message, flush=True),
        tag_exponent=args.tag_exponent,
        artist_exponent=args.artist_exponent,
        artworks=args.artworks,
        artwork_images=args.artwork_images,
        authors=args.authors,
        figures_per_article=args.figures_per_article,
        recommendations=args.recommendations,
    )
    print(summary)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description="A synthetic corpus of published articles for benchmarks.",
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--artists", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument(
        "--artworks", type=int, default=None, help="default: twice --articles (200,000)"
    )
    parser.add_argument("--authors", type=int, default=500)
    parser.add_argument(
        "--figures-per-article",
        type=int,
        default=4,
        help="each article gets 1 to this many figures of artworks (4; 0 for none)",
    )
    parser.add_argument(
        "--no-artwork-images",
        dest="artwork_images",
        action="store_false",
        help="no image rows for artworks (figures then show nothing)",
    )
    parser.add_argument(
        "--no-recommendations",
        dest="recommendations",
        action="store_false",
        help='do not compute "You may also like" after writing',
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tag-exponent", type=float, default=TAG_EXPONENT)
    parser.add_argument("--artist-exponent", type=float, default=ARTIST_EXPONENT)
    parser.add_argument(
        "--migrate", action="store_true", help="Run the migrations first (a fresh database)."
    )
    return parser
