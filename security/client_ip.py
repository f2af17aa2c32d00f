"""The address a request came from, as our own proxies saw it (AXES_CLIENT_IP_CALLABLE).

Each proxy we run appends the address it got the request from to X-Forwarded-For (nginx:
`$proxy_add_x_forwarded_for`, deploy/nginx.conf). Behind TRUSTED_PROXY_COUNT of them the
client is therefore that many entries from the right; whatever stands to the left of it was
sent by the client and proves nothing (an attacker can send `X-Forwarded-For: 1.2.3.4`). With
no proxy (0, development) the header is ignored and REMOTE_ADDR is the client.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    remote_addr = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count < 1:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < count or not hops[-count]:
        return remote_addr  # it did not come through all of our proxies
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:  # our proxy writes addresses only; anything else is not its entry
        return remote_addr
