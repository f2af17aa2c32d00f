"""The probes, routed here too so that they resolve (and reverse) like any page; in a request
health.middleware.ProbeMiddleware answers them before the URL resolver is reached."""

from django.urls import path

from health import views

app_name = "health"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]
