"""Blocks, their tokens and their counts, for the counting tests."""

from recommendations import slots
from recommendations.models import ExperimentDay, SlotDay
from tests.factories import ArticleFactory

# A reader's browser, as the counting expects one (visitors.py): counted unless told otherwise.
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
READER = {"User-Agent": BROWSER}


def block_of(source, targets, *, kinds=None, teams=None, experiment=None) -> slots.Block:
    kinds = kinds or ["suggested"] * len(targets)
    teams = teams or [""] * len(targets)
    return slots.Block(
        source.pk,
        tuple(
            slots.Slot(n, target.pk, kind, team)
            for n, (target, kind, team) in enumerate(zip(targets, kinds, teams, strict=True), 1)
        ),
        experiment.pk if experiment is not None else None,
    )


def token_of(source, targets, **options) -> str:
    return slots.dump(block_of(source, targets, **options))


def three_targets():
    return [ArticleFactory(title=f"Target {n}") for n in range(1, 4)]


def slot_days() -> list[tuple]:
    """Every SlotDay row as (position, target id, kind, impressions, clicks), in slot order."""
    return list(
        SlotDay.objects.order_by("position").values_list(
            "position", "target_id", "kind", "impressions", "clicks"
        )
    )


def team_days() -> dict[str, tuple[int, int]]:
    """Each team's (impressions, clicks)."""
    return {
        team: (impressions, clicks)
        for team, impressions, clicks in ExperimentDay.objects.values_list(
            "team", "impressions", "clicks"
        )
    }


def team_sources() -> set[int | None]:
    """The source articles the teams' rows were counted for."""
    return set(ExperimentDay.objects.values_list("source_id", flat=True))


def nothing_counted() -> bool:
    return not SlotDay.objects.exists() and not ExperimentDay.objects.exists()
