"""Cross-cutting protections that are not settings alone: a Content Security Policy nonce on
every page (csp.py), the client's address behind our proxies (client_ip.py) and the page a
locked-out login gets (lockout.py). The settings themselves are in newsroom/settings.py."""
