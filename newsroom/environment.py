"""Reading settings from the environment: the only way newsroom/settings.py reads it.

A wrong value stops the start with a message naming the variable and what it takes. Words are
read in any case ("warning", "WARNING", "Warning"), as people and other tools (gunicorn's
--log-level) write them."""

import os
import zoneinfo
from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})
# What a cast takes, in words, for the message about a value it refused.
TAKES = {int: "a whole number", float: "a number"}


def env(
    name: str,
    default=None,
    *,
    cast: Callable = str,
    required: bool = False,
    choices: Iterable[str] | None = None,
    minimum: float | None = None,
):
    """One setting from the environment, or `default` when it is unset or empty.

    `choices`: the values it may take, matched in any case and returned as spelled here (with
    `cast=list`, each item is one of them). `minimum`: the smallest number it may be."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        if required:
            raise ImproperlyConfigured(f"Set the {name} environment variable (see .env.example).")
        return default
    if cast is bool:
        return _flag(name, raw)
    if cast is list:
        items = [item.strip() for item in raw.split(",") if item.strip()]
        return items if choices is None else [_choice(name, item, choices) for item in items]
    if choices is not None:
        return _choice(name, raw, choices)
    try:
        value = cast(raw)
    except ValueError as error:
        takes = TAKES.get(cast)
        if takes:
            raise ImproperlyConfigured(f"{name} must be {takes}, not {raw!r}.") from None
        raise ImproperlyConfigured(f"{name} has an invalid value {raw!r}: {error}") from error
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def _choice(name: str, raw: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    by_folded = {choice.casefold(): choice for choice in choices}
    found = by_folded.get(raw.strip().casefold())
    if found is None:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed} (any case), not {raw!r}.")
    return found


def time_zone(raw: str) -> str:
    """A time zone's name as the zone database spells it ("europe/london": "Europe/London")."""
    name = raw.strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        spelled = {zone.casefold(): zone for zone in zoneinfo.available_timezones()}
        if name.casefold() not in spelled:
            raise ValueError("not a time zone such as Europe/London or UTC") from None
        return spelled[name.casefold()]
    return name
