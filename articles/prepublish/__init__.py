"""Pre-publish checks: run by the publishing services (articles/services.py) when an article is
submitted, published or scheduled, and shown in the article admin's checks panel. The registry
and the rules of severity are in registry.py; the built-in checks, one module per group, register
themselves when this package is imported (a later app registers its own from its ready())."""

from articles.prepublish import figures, filing, text  # noqa: F401 (they register their checks)
from articles.prepublish.registry import (
    BLOCKING,
    OFF,
    WARNING,
    Check,
    ChecksRefused,
    Report,
    Result,
    Subject,
    enforce,
    register,
    registered,
    role_of,
    run,
    with_checked_parts,
)

__all__ = [
    "BLOCKING",
    "OFF",
    "WARNING",
    "Check",
    "ChecksRefused",
    "Report",
    "Result",
    "Subject",
    "enforce",
    "register",
    "registered",
    "role_of",
    "run",
    "with_checked_parts",
]
