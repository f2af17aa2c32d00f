"""Every HTML response's Content Security Policy carries a nonce.

Django's ContentSecurityPolicyMiddleware puts a nonce in the header only when something used
it while the page was built (its LazyNonce). Admin pages always do; a public page does only
when it has an inline script, and a page served from the page cache (pagecache/nonces.py) only
when the stored page had one. A policy whose nonce comes and goes with the page's contents is
hard to reason about and to test, so this middleware makes it unconditional for HTML: the
nonce then allows exactly the scripts that carry it, and nothing more.
"""


class NonceOnEveryPageMiddleware:
    """Put it right after django.middleware.csp.ContentSecurityPolicyMiddleware: it must run
    before that middleware writes the header, and after every other middleware (the page
    cache included) has built or served the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        nonce = getattr(request, "_csp_nonce", None)
        if nonce is not None and response.get("Content-Type", "").startswith("text/html"):
            str(nonce)  # evaluating the LazyNonce generates it; the header then names it
        return response
