"""Logins (django-axes), read from the environment with their defaults: settings.py takes them
from `read()`, run each time the settings are (tests run them again under other environments).
Every variable is documented in .env.example."""

from datetime import timedelta

from newsroom.environment import env


def read() -> dict:
    """The settings below, by name."""
    # After AXES_FAILURE_LIMIT failures in a row, a username is locked out from that address
    # (another address still may log in) for AXES_COOLOFF_MINUTES, counted in the database so
    # that every process and restart sees them. A success resets the count.
    AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
    AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
    AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT", 5, cast=int, minimum=1)
    AXES_COOLOFF_TIME = timedelta(minutes=env("AXES_COOLOFF_MINUTES", 15, cast=float))
    AXES_RESET_ON_SUCCESS = True
    AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
    # Not in the admin: a lockout ends by itself, or `manage.py axes_reset_username NAME` lifts
    # it.
    AXES_ENABLE_ADMIN = False
    # The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies that append to
    # X-Forwarded-For (nginx: 1), that many entries from its right (security/client_ip.py).
    TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", 0, cast=int, minimum=0)
    AXES_CLIENT_IP_CALLABLE = "security.client_ip.client_ip"
    return {name: value for name, value in locals().items() if name.isupper()}
