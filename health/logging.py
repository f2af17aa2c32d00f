"""One JSON object per log record, one line each (LOG_FORMAT=json, the default with DEBUG off).

Our own formatter rather than python-json-logger: forty lines, no dependency, and it knows
Django's records (the `request` and `status_code` that django.request and health pass) and
writes the same `time` format as gunicorn's access lines (deploy/gunicorn.conf.py), so that
both logs read alike. A traceback stays inside its record, escaped: one line, never a storm of
lines a log shipper would take for separate records."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has: anything else on a record came through `extra=`.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
}
SCALARS = (str, int, float, bool, type(None))
# What LOG_LEVEL and LOG_FORMAT take (newsroom/settings.py reads them in any case).
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("json", "text")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)  # django.server passes a socket, not a request
        if isinstance(path, str):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = path
        for name, value in vars(record).items():
            if name in STANDARD_ATTRIBUTES or name == "request" or not isinstance(value, SCALARS):
                continue
            entry.setdefault("status" if name == "status_code" else name, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_settings(log_format: str, *, level: str) -> dict:
    """Django's LOGGING: one handler on stderr in `log_format` (one of FORMATS), the root at
    `level` (one of LEVELS, any case: logging itself only takes upper case)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "health.logging.JsonFormatter"},
            "text": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": level.upper()},
        "loggers": {
            # Django's own console handler off: its records reach the root's, once, in the format.
            "django": {"handlers": [], "propagate": True},
            # 5xx with their traceback at ERROR; 4xx are in the access log already.
            "django.request": {"level": "ERROR"},
            # Every task start and finish is logged at INFO; only failures are worth a line.
            "django.tasks": {"level": "WARNING"},
            # Failed logins and lockouts are warnings; axes' INFO lines are chatter.
            "axes": {"level": "WARNING"},
        },
    }
