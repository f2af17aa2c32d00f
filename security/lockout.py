"""The answer to a login attempt while its username and address are locked out
(AXES_LOCKOUT_CALLABLE): 429 Too Many Requests, a page saying why and for how long, and
Retry-After."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        "cooloff_minutes": max(1, round(seconds / 60)),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    response = render(request, "axes/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
