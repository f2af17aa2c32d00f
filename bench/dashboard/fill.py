"""The benchmark's rows: articles, their related links, a year of SlotDay rows (a million by
default) and two experiments' days per source article, written in bulk (no model signal, no
page cache)."""

import datetime as dt
import random

from django.db import connection, transaction
from django.utils import timezone

LINKS_PER_SOURCE = 10
KINDS = ("pinned", "approved", "suggested", "suggested", "suggested")
BATCH = 20_000
EXPERIMENT_SOURCES = 200  # source articles with an experiment's row on each day

# Constant SQL: every value goes in as a parameter of executemany.
INSERT_SLOT_DAYS = (
    "INSERT INTO recommendations_slotday "
    "(day, source_id, target_id, position, kind, impressions, clicks) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


def fill(*, articles: int, slot_days: int, days: int, seed: int) -> dict:
    from articles.models import Article, Section  # noqa: PLC0415 (Django is set up by now)
    from recommendations.models import (  # noqa: PLC0415
        Experiment,
        ExperimentDay,
        RelatedLink,
    )

    chance = random.Random(seed)  # noqa: S311 (made-up counts, not secrets)
    now = timezone.now()
    today = timezone.localdate()
    section = Section.objects.create(name="Bench", slug="bench")
    Article.objects.bulk_create(
        Article(
            title=f"Bench article {index}",
            slug=f"bench-article-{index}",
            standfirst="",
            body="",
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now - dt.timedelta(days=30),
        )
        for index in range(articles)
    )
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    pairs = [
        (ids[index], ids[(index + offset) % len(ids)])
        for index in range(len(ids))
        for offset in range(1, LINKS_PER_SOURCE + 1)
    ]
    RelatedLink.objects.bulk_create(
        (
            RelatedLink(source_id=source, target_id=target, score=chance.random() * 3)
            for source, target in pairs
        ),
        batch_size=5000,
    )
    rates = [chance.random() * 0.15 for _ in pairs]
    per_day = slot_days // days
    written = 0
    rows = []
    with transaction.atomic(), connection.cursor() as cursor:
        for day_index in range(days):
            day = today - dt.timedelta(days=day_index)
            for link in chance.sample(range(len(pairs)), min(per_day, len(pairs))):
                source, target = pairs[link]
                shown = int(chance.expovariate(1 / 40))
                clicked = sum(chance.random() < rates[link] for _ in range(min(shown, 50)))
                position = 1 + (link % LINKS_PER_SOURCE) % 6
                rows.append((day, source, target, position, KINDS[link % 5], shown, clicked))
                if len(rows) == BATCH:
                    cursor.executemany(INSERT_SLOT_DAYS, rows)
                    written += len(rows)
                    rows = []
        if rows:
            cursor.executemany(INSERT_SLOT_DAYS, rows)
            written += len(rows)
    for number, (a, b) in enumerate((("standard", "fresher"), ("standard", "more-diverse"))):
        running = number == 1
        experiment = Experiment.objects.create(
            name=f"Bench {a} against {b}",
            variant_a=a,
            variant_b=b,
            running=running,
            started_at=now - dt.timedelta(days=60 - 30 * number),
            ended_at=None if running else now - dt.timedelta(days=31),
        )
        # Per source article (the experiments' unit): each day, EXPERIMENT_SOURCES articles'
        # blocks seen and clicked, so the dashboard groups thousands of rows per experiment.
        ExperimentDay.objects.bulk_create(
            (
                ExperimentDay(
                    experiment=experiment,
                    day=today - dt.timedelta(days=offset),
                    source_id=source,
                    team=team,
                    impressions=chance.randint(10, 60),
                    clicks=chance.randint(0, 4),
                )
                for offset in range(30)
                for source in chance.sample(ids, min(EXPERIMENT_SOURCES, len(ids)))
                for team in ("a", "b")
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # constant SQL: the planner's statistics, both databases
    return {"articles": len(ids), "links": len(pairs), "slot_days": written, "days": days}
