"""Content Security Policy nonces in cached pages: a nonce is good for one response only.

A page is stored with its nonce replaced by a placeholder, and each response served from the
cache gets the request's own nonce (the one Django's CSP middleware puts in the header). The
ETag is computed over the stored form, so it stays the same from one response to the next."""

from django.utils.csp import generate_nonce

PLACEHOLDER = b"csp-nonce-placeholder-7f3a9c"


def request_nonce(request):
    """The request's nonce object (Django's LazyNonce), or None without the CSP middleware."""
    return getattr(request, "_csp_nonce", None)


def to_stored(request, content: bytes) -> tuple[bytes, bool]:
    """The content with this response's nonce replaced, and whether it had one."""
    nonce = request_nonce(request)
    if not nonce:  # a LazyNonce is false until something used it
        return content, False
    return content.replace(str(nonce).encode(), PLACEHOLDER), True


def to_served(request, content: bytes) -> bytes:
    nonce = request_nonce(request)
    if nonce is None:
        nonce = generate_nonce()
    return content.replace(PLACEHOLDER, str(nonce).encode())
