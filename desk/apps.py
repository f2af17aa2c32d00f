from django.apps import AppConfig
from django.contrib import admin

from adminsite.index import IndexPanel


class DeskConfig(AppConfig):
    """The editors' desk: the admin's home page shows what awaits review, what is scheduled
    this week, the user's drafts and what was published lately (dashboard.py)."""

    name = "desk"
    verbose_name = "Editors' desk"

    def ready(self):
        from desk.dashboard import dashboard_context  # noqa: PLC0415 (models are ready now)

        panel = IndexPanel(
            "desk/dashboard.html", dashboard_context, stylesheets=("desk/dashboard.css",)
        )
        admin.site.add_index_panel(panel)
