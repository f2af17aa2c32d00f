"""What the admin's home page shows above the list of apps: panels that apps register from
their own AppConfig.ready() (the editors' desk, desk/), so that the admin site knows no content
app.

    admin.site.add_index_panel(
        IndexPanel("desk/dashboard.html", dashboard_context, stylesheets=("desk/dashboard.css",))
    )

A panel's function takes the request and returns its template's context, or None when the
panel has nothing for this user (no permission); it reads what it shows in a fixed number of
queries. Its stylesheets (static paths) are linked in the page's head."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class IndexPanel:
    template: str
    context: Callable[[HttpRequest], dict | None]
    stylesheets: tuple[str, ...] = ()


def render_panels(panels: list[IndexPanel], request: HttpRequest) -> tuple[list[SafeString], list]:
    """The panels this user gets, rendered, and the stylesheets they need."""
    rendered, stylesheets = [], []
    for panel in panels:
        context = panel.context(request)
        if context is not None:
            rendered.append(render_to_string(panel.template, context, request=request))
            stylesheets += [sheet for sheet in panel.stylesheets if sheet not in stylesheets]
    return rendered, stylesheets
