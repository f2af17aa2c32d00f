"""The application's URLs and, first, /bench/bare/: the serving benchmark's ceiling, a view that
goes through the whole middleware stack but reads no database and renders no template."""

from django.http import HttpResponse
from django.urls import include, path

BARE_BODY = b"<!doctype html><title>bare</title><p>The serving benchmark's bare view.</p>\n"


def bare(request):
    return HttpResponse(BARE_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("newsroom.urls")),
]
