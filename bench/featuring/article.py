"""The 3,000-word article the matcher is timed on: paragraphs of the labelled set's articles
and the demo's (tests/fixtures/featuring/), in a seeded order, with the names they carry,
titles in italics, some in links, headings between them, until it holds WORDS words."""

import random
import re
from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "featuring"
WORDS = 3000


def _paragraphs() -> list[str]:
    paragraphs = []
    for name in ("articles.yaml", "demo_articles.yaml"):
        for article in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")):
            paragraphs += re.findall(r"<p>.*?</p>", article["body"], flags=re.S)
    return paragraphs


def _words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def article(words: int = WORDS, *, seed: int = 18) -> tuple[str, str, str]:
    """(title, standfirst, body HTML) of an article of about `words` words."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    paragraphs = _paragraphs()
    body, count = [], 0
    while count < words:
        rng.shuffle(paragraphs)
        for paragraph in paragraphs:
            if len(body) % 7 == 6:
                body.append("<h2>Another room</h2>")
            body.append(paragraph)
            count += _words(paragraph)
            if count >= words:
                break
    title = "Ai Weiwei, Hepworth and the Turner Prize: a season at Tate"
    standfirst = "From Sunflower Seeds to Pelagos, what to see this winter, and what to skip."
    return title, standfirst, "\n".join(body)
