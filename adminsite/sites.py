from functools import wraps

from django.contrib import admin
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.urls import path

from adminsite.autocomplete import LabelledAutocompleteJsonView, LabelledChoicesMixin
from adminsite.index import IndexPanel, render_panels
from adminsite.mixing import mixed_first
from adminsite.pagination import KeysFirstPaginator
from adminsite.parameters import GuardedModelAdmin, has_nul
from adminsite.primed import PrimedChoicesAdminMixin
from adminsite.result_links import ResultLinksAdmin
from adminsite.row_checkbox import RowCheckboxAdmin
from richtext.admin import RichTextReadOnlyAdmin


class NewsroomAdminSite(admin.AdminSite):
    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Content"
    # The home page's title when panels show above the apps (the editors' desk).
    panels_title = "Desk"

    def __init__(self, name="admin"):
        super().__init__(name)
        self._index_panels: list[IndexPanel] = []
        self._app_views: dict[str, tuple[str, object]] = {}

    def add_index_panel(self, panel: IndexPanel) -> None:
        """Show `panel` on the home page above the apps (adminsite/index.py); once, however
        often an app's ready() runs."""
        if panel not in self._index_panels:
            self._index_panels.append(panel)

    def add_view(self, route: str, view, name: str) -> None:
        """Serve `view` at `route` under the admin (e.g. "recommendations/dashboard/"), behind
        the admin's login (admin_view), named `admin:<name>`: a page an app adds beside its
        models' from its AppConfig.ready(); the view checks its own permission."""
        self._app_views[name] = (route, view)

    def get_urls(self):
        added = [
            path(route, self.admin_view(view), name=name)
            for name, (route, view) in self._app_views.items()
        ]
        return [*added, *super().get_urls()]

    def index(self, request, extra_context=None):
        panels, stylesheets = render_panels(self._index_panels, request)
        context = (
            {"index_panels": panels, "index_stylesheets": stylesheets, "title": self.panels_title}
            if panels
            else {}
        )
        return super().index(request, {**context, **(extra_context or {})})

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin, ours or an installed app's (taggit's tags, auth's users and
        groups), gets the guarded change list and add form, names the objects its forms pick
        as their admins say (autocomplete.py), shows its chosen objects without a query each
        (primed.py), links the rows of its list with one reversed address (result_links.py) and
        writes their action checkboxes without a widget each (row_checkbox.py),
        and shows rich text rendered in its read-only views, not as escaped HTML: registering
        is the one door they all pass."""
        admin_class = admin_class or admin.ModelAdmin
        mixins = (RichTextReadOnlyAdmin, GuardedModelAdmin, LabelledChoicesMixin, ResultLinksAdmin)
        for mixin in (*mixins, RowCheckboxAdmin, PrimedChoicesAdminMixin):
            admin_class = mixed_first(mixin, admin_class)
        if admin_class.paginator is Paginator:
            # Deep pages read their keys first (pagination.py); an admin's own paginator stays.
            admin_class = type(
                admin_class.__name__,
                (admin_class,),
                {"__module__": admin_class.__module__, "paginator": KeysFirstPaginator},
            )
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        """Every view of the admin (lists, forms, autocompletes) refuses a NUL character in its
        query string with a 400: PostgreSQL cannot compare a string holding one, and no link
        of the admin makes one."""
        site_view = super().admin_view(view, cacheable)

        @wraps(site_view)
        def without_nul(request, *args, **kwargs):
            if has_nul(request.GET):
                raise BadRequest("A NUL character in the address.")
            return site_view(request, *args, **kwargs)

        return without_nul
