"""Reading settings from the environment: the only way newsroom/settings.py reads it."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None, *, cast=str, required=False):
    """Read one setting from the environment: the only way settings read it."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        if required:
            raise ImproperlyConfigured(f"Set the {name} environment variable (see .env.example).")
        return default
    if cast is bool:
        value = raw.strip().lower()
        if value in {"1", "true", "yes", "on"}:
            return True
        if value in {"0", "false", "no", "off"}:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    try:
        return cast(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} has an invalid value {raw!r}: {error}") from error
