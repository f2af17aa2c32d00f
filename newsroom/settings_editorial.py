"""Settings of the product's features, each read from the environment with its default:
"You may also like", the editorial workflow (preview links, pre-publish checks, working
copies, kept uploads), revisions, image uploads and renditions. settings.py takes them
from `read()`, which reads the environment each time the settings are run (tests run them
again under other environments). Every variable is documented in .env.example."""

from django.core.exceptions import ImproperlyConfigured

from newsroom.environment import env


def read() -> dict:
    """The settings below, by name."""
    # "You may also like" (see docs/recommendations.md for what each number does).
    RECOMMENDATIONS_WEIGHTS = {
        "tag": env("RECOMMENDATIONS_WEIGHT_TAG", 1.0, cast=float),
        "artist": env("RECOMMENDATIONS_WEIGHT_ARTIST", 1.5, cast=float),
        "artwork": env("RECOMMENDATIONS_WEIGHT_ARTWORK", 1.5, cast=float),
        "section": env("RECOMMENDATIONS_WEIGHT_SECTION", 0.25, cast=float),
        "series": env("RECOMMENDATIONS_WEIGHT_SERIES", 2.0, cast=float),
    }
    RECOMMENDATIONS_FLOOR = env("RECOMMENDATIONS_FLOOR", 0.6, cast=float)
    RECOMMENDATIONS_BLOCK_SIZE = env("RECOMMENDATIONS_BLOCK_SIZE", 4, cast=int)
    RECOMMENDATIONS_HALF_LIFE_DAYS = env("RECOMMENDATIONS_HALF_LIFE_DAYS", 365, cast=float)
    # "post": suggestions show until a moderator rejects them; "pre": only approved and pinned show.
    RECOMMENDATIONS_MODERATION = env("RECOMMENDATIONS_MODERATION", "post", choices=["post", "pre"])
    # The scoring every reader sees outside an experiment (recommendations/variants.py).
    RECOMMENDATIONS_VARIANT = env(
        "RECOMMENDATIONS_VARIANT",
        "standard",
        choices=["standard", "score-only", "fresher", "more-diverse"],
    )

    # Editorial workflow: how long a preview link sent from the admin keeps working.
    PREVIEW_LINK_HOURS = env("PREVIEW_LINK_HOURS", 48, cast=float)

    # Pre-publish checks (articles/prepublish/): run when an article is submitted, published or
    # scheduled. Each is "blocking", "warning" (goes ahead with a reason, kept in the publishing
    # record) or "off", per role: "contributor", "editor" (whoever may publish) and "system" (no
    # user: the demo, a command). Only what differs from the defaults in code goes here, e.g.
    # {"tags": {"editor": "blocking"}, "credit": {"contributor": "off"}}.
    PREPUBLISH_CHECKS: dict[str, dict[str, str]] = {}
    PREPUBLISH_HEADLINE_MAX = env("PREPUBLISH_HEADLINE_MAX", 100, cast=int, minimum=1)
    PREPUBLISH_STANDFIRST_MIN = env("PREPUBLISH_STANDFIRST_MIN", 40, cast=int, minimum=0)
    PREPUBLISH_STANDFIRST_MAX = env("PREPUBLISH_STANDFIRST_MAX", 300, cast=int, minimum=1)

    # Working copies (workingcopies/): autosaves of admin forms, kept per user and object until a
    # real save; the largest accepted, in bytes, and how many days an unused one is kept.
    WORKING_COPY_MAX_BYTES = env("WORKING_COPY_MAX_BYTES", 1_000_000, cast=int, minimum=1000)
    WORKING_COPY_DAYS = env("WORKING_COPY_DAYS", 30, cast=int, minimum=1)

    # Uploads kept across a form's validation error (images/kept_uploads.py): hours an image that
    # no figure, artwork or portrait took is kept before it is deleted, file and renditions.
    KEPT_UPLOAD_HOURS = env("KEPT_UPLOAD_HOURS", 24, cast=int, minimum=1)

    # Revisions (revisions/retention.py): the newest this many of each article, artist and artwork
    # are kept, and every revision in which an article was published.
    REVISIONS_KEEP = env("REVISIONS_KEEP", 50, cast=int, minimum=1)

    # Image uploads (images/validation.py): the largest file, in bytes, and the most pixels (width x
    # height) an upload may have. Pixels are checked from the header, before anything is decoded;
    # Pillow's own decompression-bomb limit (about 89 million) stays the ceiling.
    IMAGE_UPLOAD_MAX_BYTES = env("IMAGE_UPLOAD_MAX_BYTES", 25 * 1024 * 1024, cast=int, minimum=1)
    IMAGE_UPLOAD_MAX_PIXELS = env("IMAGE_UPLOAD_MAX_PIXELS", 60_000_000, cast=int, minimum=1)

    # Renditions (images/renditions.py), made after an upload commits: the widths, in pixels,
    # made of every image for srcset (comma-separated). An image narrower than the largest also
    # gets one at its own width; nothing is upscaled. After a change, `manage.py
    # rebuild_renditions` applies it.
    IMAGE_RENDITION_WIDTHS = env(
        "IMAGE_RENDITION_WIDTHS",
        [480, 960, 1600],
        cast=lambda raw: sorted({int(width) for width in raw.split(",") if width.strip()}),
    )
    if not IMAGE_RENDITION_WIDTHS or IMAGE_RENDITION_WIDTHS[0] < 16:
        raise ImproperlyConfigured("IMAGE_RENDITION_WIDTHS must list widths of at least 16 pixels.")
    # The link checker (links/checking/, docs/architecture.md "Outbound links"): who it says it
    # is (the User-Agent names the site's address and a contact), how politely it asks (requests
    # per host per minute, connections at once, seconds before a request is given up), how much
    # one pass may do, and how it schedules: two failed checks this many days apart make a link
    # dead; a healthy link is next checked after 1, 2, 4 ... days up to the most; a blocked one
    # (401/403/429, robots.txt) after Retry-After or this many days.
    LINK_CHECK_SITE_URL = env("LINK_CHECK_SITE_URL", "")
    LINK_CHECK_CONTACT = env("LINK_CHECK_CONTACT", "")
    LINK_CHECK_PER_HOST_PER_MINUTE = env("LINK_CHECK_PER_HOST_PER_MINUTE", 6, cast=int, minimum=1)
    LINK_CHECK_CONNECTIONS = env("LINK_CHECK_CONNECTIONS", 4, cast=int, minimum=1)
    LINK_CHECK_TIMEOUT = env("LINK_CHECK_TIMEOUT", 10.0, cast=float, minimum=0.1)
    LINK_CHECK_RUN_LINKS = env("LINK_CHECK_RUN_LINKS", 500, cast=int, minimum=1)
    LINK_CHECK_RUN_SECONDS = env("LINK_CHECK_RUN_SECONDS", 300, cast=int, minimum=1)
    LINK_CHECK_STRIKE_DAYS = env("LINK_CHECK_STRIKE_DAYS", 3, cast=float, minimum=0)
    LINK_CHECK_HEALTHY_MAX_DAYS = env("LINK_CHECK_HEALTHY_MAX_DAYS", 60, cast=float, minimum=1)
    LINK_CHECK_BLOCKED_DAYS = env("LINK_CHECK_BLOCKED_DAYS", 7, cast=float, minimum=0)
    # Archived copies of outbound links (links/archive.py): the Wayback Machine's address
    # (addresses of archived copies are built on it; tests point it at a local server), and
    # whether to ask it to save each link's page when an article is published (a background
    # task; off by default: it sends every outbound URL to the Internet Archive).
    LINK_ARCHIVE_BASE = env("LINK_ARCHIVE_BASE", "https://web.archive.org")
    LINK_ARCHIVE_SAVE = env("LINK_ARCHIVE_SAVE", False, cast=bool)
    return {name: value for name, value in locals().items() if name.isupper()}
