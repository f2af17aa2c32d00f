"""Item 2, in one process: what the click redirect and the impression beacon cost a request
(Django's test client, DEBUG off), against a warm article page (the page cache on, each page
stored by one untimed request first), the three asked in turn for every sampled article, and
whether every request was counted (the sums in SlotDay before and after). Also the tokens the
concurrent run through gunicorn sends (concurrency.py): each article's block as readers see
it, and, every other article, as it was drawn during the experiment (so that run writes
ExperimentDay too)."""

import time
from collections import defaultdict

from django.db import connection
from django.test import Client, override_settings

from bench.measurement.blocks import experiment_id, figures, scoring, with_ratios
from bench.pages.timing import QueryCounter

# A reader's browser: the counting counts nothing from an agent that is not one
# (recommendations/counting/visitors.py).
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
READER = {"User-Agent": BROWSER}
KINDS = ("page", "click", "beacon")
EXPECTED = {"page": 200, "click": 302, "beacon": 204}


def block_item(article) -> dict | None:
    """What the counting needs of the block under `article` as readers see it now: its token
    and its slots' teams ("" outside an experiment), or None when it shows nothing."""
    from recommendations import slots  # noqa: PLC0415
    from recommendations.cards import related_block  # noqa: PLC0415

    token = related_block(article).token
    if not token:
        return None
    teams = [slot.team for slot in slots.load(token).slots]
    return {"url": article.get_absolute_url(), "token": token, "teams": teams}


def tokens_for(articles: list) -> list[dict]:
    """Each article's block item, every other one drawn during the experiment (its "drawn")."""
    experiment = experiment_id()
    items = []
    for number, article in enumerate(articles):
        drawn = "experiment" if number % 2 else "standard"
        with scoring(drawn, experiment):
            item = block_item(article)
        if item is not None:
            items.append({**item, "drawn": drawn})
    return items


def sums() -> dict:
    """Every click and impression counted so far, in SlotDay and in ExperimentDay by team."""
    from django.db.models import Sum  # noqa: PLC0415

    from recommendations.models import ExperimentDay, SlotDay  # noqa: PLC0415

    slot = SlotDay.objects.aggregate(clicks=Sum("clicks"), impressions=Sum("impressions"))
    teams = {"a": [0, 0], "b": [0, 0]}
    for team, clicks, impressions in (
        ExperimentDay.objects.values("team")
        .annotate(c=Sum("clicks"), i=Sum("impressions"))
        .values_list("team", "c", "i")
    ):
        teams[team] = [clicks, impressions]
    return {
        "clicks": slot["clicks"] or 0,
        "impressions": slot["impressions"] or 0,
        "teams": teams,
        "slot_rows": SlotDay.objects.count(),
    }


def expected(sent: list[tuple[str, dict, int]]) -> dict:
    """What the sums must grow by for these requests: (kind, block item, position clicked)."""
    grown = {"clicks": 0, "impressions": 0, "teams": {"a": [0, 0], "b": [0, 0]}}
    for kind, item, position in sent:
        if kind == "click":
            grown["clicks"] += 1
            team = item["teams"][position - 1]
            if team:
                grown["teams"][team][0] += 1
        elif kind == "beacon":
            grown["impressions"] += len(item["teams"])
            for team in filter(None, item["teams"]):
                grown["teams"][team][1] += 1
    return grown


def difference(after: dict, before: dict) -> dict:
    return {
        "clicks": after["clicks"] - before["clicks"],
        "impressions": after["impressions"] - before["impressions"],
        "teams": {
            team: [a - b for a, b in zip(after["teams"][team], before["teams"][team], strict=True)]
            for team in ("a", "b")
        },
    }


def ask(client: Client, kind: str, item: dict, position: int) -> dict:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        if kind == "page":
            response = client.get(item["url"], secure=True)
        elif kind == "click":
            response = client.get(f"/r/{item['token']}/{position}/", secure=True)
        else:
            response = client.post(
                "/r/seen/", item["token"], content_type="text/plain", secure=True
            )
        elapsed = time.perf_counter() - started
    return {
        "ms": elapsed * 1000,
        "queries": counter.count,
        "status": response.status_code,
        "hit": response.get("X-Page-Cache") == "HIT",
    }


def time_counting(items: list[dict], *, rounds: int) -> dict:
    """Every round asks, for each block item, its warm article page, a click on one of its
    slots (the next slot each round) and the beacon, in that order."""
    client = Client(headers=READER)
    samples: dict[str, list[dict]] = defaultdict(list)
    sent = []
    before = sums()
    with override_settings(PAGE_CACHE=True):
        for item in items:  # untimed: the pages stored by the page cache
            client.get(item["url"], secure=True)
        for turn in range(rounds):
            for number, item in enumerate(items):
                position = (number + turn) % len(item["teams"]) + 1
                for kind in KINDS:
                    samples[kind].append(ask(client, kind, item, position))
                    sent.append((kind, item, position))
    counted = difference(sums(), before)
    wanted = expected(sent)
    errors = {kind: sum(s["status"] != EXPECTED[kind] for s in samples[kind]) for kind in KINDS}
    return {
        "requests": with_ratios({kind: figures(samples[kind]) for kind in KINDS}, "page"),
        "page_hits": sum(sample["hit"] for sample in samples["page"]),
        "errors": errors,
        "counted": counted,
        "expected": wanted,
        "exact": counted == wanted,
    }
