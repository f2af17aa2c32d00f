"""The cost the links app adds to a publish: `article_publish` timed with every receiver that
the links app connected (to any signal: the domain signal, the models' save signals) and with
them taken away, in one run, on articles whose bodies link to a local site that counts what it
is sent (it must be sent nothing: no check runs in the request)."""

import statistics
import time
import weakref

from django.db.models import signals as model_signals

from articles import services
from articles import signals as article_signals
from articles.models import Article, Section

SIGNALS = [
    article_signals.article_public_state_changed,
    model_signals.pre_save,
    model_signals.post_save,
    model_signals.m2m_changed,
    model_signals.post_delete,
]


def _is_links(entry) -> bool:
    receiver = entry[1]
    if isinstance(receiver, weakref.ref):  # WeakMethod is one too
        receiver = receiver()
    return (getattr(receiver, "__module__", "") or "").startswith("links")


class _LinksReceiversOff:
    def __enter__(self):
        self.kept = [(signal, list(signal.receivers)) for signal in SIGNALS]
        for signal, receivers in self.kept:
            signal.receivers = [entry for entry in receivers if not _is_links(entry)]
            signal.sender_receivers_cache.clear()
        return self

    def __exit__(self, *exc):
        for signal, receivers in self.kept:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def links_receivers() -> int:
    return sum(1 for signal in SIGNALS for entry in signal.receivers if _is_links(entry))


def _articles(count: int, origin: str, *, tag: str) -> list[Article]:
    section, _ = Section.objects.get_or_create(slug="bench-links", defaults={"name": "Bench"})
    made = []
    for n in range(count):
        links = "".join(
            f'<p>See <a href="{origin}/page/{tag}-{n}-{i}">link {i}</a>.</p>' for i in range(20)
        )
        article = Article(
            title=f"Links bench {tag} {n}",
            slug=f"links-bench-{tag}-{n}",
            body=links,
            standfirst="A standfirst long enough for the pre-publish checks to accept it.",
            section=section,
        )
        services.article_save(article=article, user=None)
        made.append(article)
    return made


def _time_publishes(articles: list[Article]) -> list[float]:
    times = []
    for article in articles:
        started = time.perf_counter()
        services.article_publish(article=article, user=None)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(count: int, origin: str) -> dict:
    with_links = _articles(count, origin, tag="on")
    without = _articles(count, origin, tag="off")
    _time_publishes(_articles(3, origin, tag="warm"))
    on_ms = _time_publishes(with_links)
    with _LinksReceiversOff():
        off_ms = _time_publishes(without)
    on, off = statistics.median(on_ms), statistics.median(off_ms)
    return {
        "publishes": count,
        "links_each": 20,
        "receivers": links_receivers(),
        "on_ms": on,
        "off_ms": off,
        "ratio": on / off if off else 1.0,
    }
