"""The Internet Archive's Wayback address of a URL at a moment, built from the URL alone (no
request): `<base>/web/<YYYYMMDDhhmmss>/<url>`.

The timestamp is UTC, to the second. It names no capture: the Wayback Machine answers with the
capture of that URL nearest to the moment, before or after it (a redirect to the capture's own
timestamp), so the address of a URL at an article's publication time shows the page as near as
the Archive has it to what the article's readers saw then.

The URL is written after the timestamp as it is (the Archive reads everything after the
timestamp's slash as the URL, query string included), made a valid URI: the host in IDNA
(punycode), the scheme and host in lower case, user and password left out (never sent to a
third party), characters a URI may not hold percent-encoded as UTF-8 (spaces, non-ASCII, quotes)
and existing escapes kept. The fragment is kept: browsers never send it, and it takes the
reader to the same place in the archived page. A URL that is not http(s) with a host, or whose
address would not fit the column (`LinkUse.archive_url`), has none."""

from datetime import UTC, datetime
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings

MAX_LENGTH = 2100  # LinkUse.archive_url
# What may stay as it is in each part of a URI (RFC 3986's unreserved, sub-delims, ":" and "@",
# and "%" so that existing escapes are kept); everything else is percent-encoded as UTF-8.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def base() -> str:
    """Where the Archive is (`LINK_ARCHIVE_BASE`; tests point it at a local server)."""
    return settings.LINK_ARCHIVE_BASE.rstrip("/")


def archivable(url: str) -> str | None:
    """`url` as the Archive is given it (a valid http(s) URI), or None when it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError:  # an unclosed "[" of an IPv6 host, a port that is no number
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:  # a label too long, or one IDNA refuses
        return None
    if ":" in host:
        host = f"[{host}]"  # IPv6
    if any(c in host for c in "/?#@ \\\"'<>%") or any(ord(c) < 33 for c in host):
        return None
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit(
        (
            scheme,
            netloc,
            quote(parts.path, safe=_PATH_SAFE) or "/",
            quote(parts.query, safe=_QUERY_SAFE),
            quote(parts.fragment, safe=_QUERY_SAFE),
        )
    )


def timestamp(moment: datetime) -> str:
    """The Wayback timestamp of `moment`: UTC, `YYYYMMDDhhmmss`."""
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def moment_of(address: str) -> datetime | None:
    """The moment a Wayback address of ours names (its timestamp), or None."""
    prefix = f"{base()}/web/"
    if not address.startswith(prefix):
        return None
    stamp = address[len(prefix) : len(prefix) + 14]
    try:
        return datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def wayback_address(url: str, moment: datetime) -> str | None:
    """The Wayback address of `url` at `moment`, or None when the URL has none."""
    target = archivable(url)
    if target is None:
        return None
    address = f"{base()}/web/{timestamp(moment)}/{target}"
    return address if len(address) <= MAX_LENGTH else None


def save_address(url: str) -> str | None:
    """Where to ask the Archive to save `url` now ("Save Page Now"), or None."""
    target = archivable(url)
    return None if target is None else f"{base()}/save/{target}"
