"""The impression beacon's body: the block's signed token as plain text, and nothing else
(recommendations/static/recommendations/impressions.js sends it with navigator.sendBeacon)."""

# A token of a full block is some two hundred characters; anything much bigger is not ours,
# and is refused before it is read.
MAX_BYTES = 2048


class BadBeacon(ValueError):
    """The body is not a token we could have made: the beacon answers 400 with this text."""


def token_from(request) -> str:
    """The token the beacon carries, or BadBeacon."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadBeacon("Content-Length is not a number.") from None
    if declared > MAX_BYTES:
        raise BadBeacon(f"The body is larger than {MAX_BYTES} bytes.")
    body = request.read(MAX_BYTES + 1)  # never more, whatever Content-Length said
    if len(body) > MAX_BYTES:
        raise BadBeacon(f"The body is larger than {MAX_BYTES} bytes.")
    try:
        token = body.decode("ascii").strip()
    except UnicodeDecodeError:
        raise BadBeacon("The body is not a block's token.") from None
    if not token:
        raise BadBeacon("The body is empty: it should be the block's token.")
    return token
