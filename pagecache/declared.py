"""What the apps have declared to the page cache (through registry.py), read by the mechanism:
tracking.py, owners.py, policies.py, footprint.py, schedule.py. Keyed by model label, so that
nothing here imports a model."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Shown:
    as_set: bool
    content: bool


@dataclass(frozen=True)
class Part:
    belongs_to: tuple[str, ...] | None  # None: every foreign key to a shown model
    content: bool


@dataclass(frozen=True)
class Schedule:
    label: str
    next_after: Callable[[datetime], datetime | None]
    went_live_between: Callable[[datetime, datetime], Iterable]


SHOWN: dict[str, Shown] = {}
PARTS: dict[str, Part] = {}
NOT_SHOWN: dict[str, str] = {}  # label: why no page shows it
# View name: a function of the URL's keyword arguments giving the set keys its pages depend on.
VIEWS: dict[str, Callable[[dict], Iterable[str]]] = {}
UNCACHED_VIEWS: dict[str, str] = {}  # view name: why it is never cached
FOOTPRINTS: dict[str, list[Callable[[list], Iterable[str]]]] = defaultdict(list)
SCHEDULES: dict[str, Schedule] = {}


def label_of(model) -> str:
    return model._meta.label_lower


def shown(model) -> Shown | None:
    return SHOWN.get(label_of(model))


def part(model) -> Part | None:
    return PARTS.get(label_of(model))
