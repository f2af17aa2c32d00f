"""Which addresses are outbound links, the form they are kept in, and finding and replacing
them in rich text (an `<a href>`) and in plain text.

The key of a `Link` is the address as written, with only what cannot change its meaning made
uniform: spaces around it dropped, the scheme and host in lower case, a default port (`:80` for
http, `:443` for https) dropped, and the fragment (`#part`) dropped, since it never reaches the
server and one page linked at two places is one page to check. Path and query stay as written
(a server may tell `/A` from `/a`, and `?a=1&b=2` from `?b=2&a=1`).

Only absolute http(s) addresses are outbound; an address on one of the site's own hosts
(`LINKS_OWN_HOSTS`, by default `ALLOWED_HOSTS` without the loopback names) is not.
"""

import html
import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

LOOPBACK = {"localhost", "127.0.0.1", "[::1]", "::1"}
_DEFAULT_PORTS = {"http": 80, "https": 443}

# An <a> tag's href as the sanitizer writes it (nh3 serialises every attribute in double
# quotes, `"` inside as &quot;): the value is group 2, between groups 1 and 3.
_HREF = re.compile(r'(<a\s(?:[^>"]|"[^"]*")*?\bhref=")([^"]*)(")', re.IGNORECASE)
# An address in plain text: up to a space, a quote or an angle bracket.
_TEXT_URL = re.compile(r"""\bhttps?://[^\s<>"'`]+""", re.IGNORECASE)
_TRAILING = ".,;:!?'\"”’»"


def own_hosts() -> set[str]:
    configured = getattr(settings, "LINKS_OWN_HOSTS", None)
    if configured is None:
        configured = [host for host in settings.ALLOWED_HOSTS if host not in LOOPBACK]
    return {host.lower() for host in configured if host and host != "*"}


def _is_own(host: str, hosts: set[str]) -> bool:
    return any(
        host == own or (own.startswith(".") and (host == own[1:] or host.endswith(own)))
        for own in hosts
    )


def outbound(url: str, *, hosts: set[str] | None = None) -> str | None:
    """The address's key if it is an outbound link (see the module's docstring), else None."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # an unclosed [ in the host, a port that is no number
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in _DEFAULT_PORTS or not host or len(url) > 2000:
        return None
    if _is_own(host, own_hosts() if hosts is None else hosts):
        return None
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if parts.username or parts.password:
        netloc = f"{parts.netloc.rpartition('@')[0]}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(key: str) -> str:
    return (urlsplit(key).hostname or "")[:255]


def in_html(text: str) -> list[str]:
    """Every link's address in rich text, as written (entities decoded), in order."""
    return [html.unescape(match.group(2)) for match in _HREF.finditer(text or "")]


def in_text(text: str) -> list[str]:
    """Every http(s) address written in plain text, in order, without the punctuation that
    ends a sentence after it (a closing bracket too, unless the address opened one)."""
    return [_trimmed(match.group(0)) for match in _TEXT_URL.finditer(text or "")]


def _trimmed(url: str) -> str:
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def _replacement(written: str, old_key: str, new: str) -> str | None:
    """`new` for an address written as `written` if it is the link `old_key` (its fragment
    kept when `new` has none), else None."""
    if outbound(written, hosts=set()) != old_key:
        return None
    fragment = urlsplit(written.strip()).fragment
    return f"{new}#{fragment}" if fragment and "#" not in new else new


def replace_in_html(text: str, old_key: str, new: str) -> str:
    """The rich text with every link to `old_key` pointing at `new` instead; nothing else is
    touched. The new address is escaped for an attribute (html.escape: `&`, `<`, `>`, quotes)."""

    def swap(match: re.Match) -> str:
        replaced = _replacement(html.unescape(match.group(2)), old_key, new)
        if replaced is None:
            return match.group(0)
        return match.group(1) + html.escape(replaced, quote=True) + match.group(3)

    return _HREF.sub(swap, text or "")


def replace_in_text(text: str, old_key: str, new: str) -> str:
    def swap(match: re.Match) -> str:
        written = _trimmed(match.group(0))
        replaced = _replacement(written, old_key, new)
        if replaced is None:
            return match.group(0)
        return replaced + match.group(0)[len(written) :]

    return _TEXT_URL.sub(swap, text or "")


def replace_whole(value: str, old_key: str, new: str) -> str:
    """A field holding one address: `new` if it is the link `old_key`, else unchanged."""
    replaced = _replacement(value or "", old_key, new)
    return value if replaced is None else replaced
