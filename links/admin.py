"""The editors' queue of broken and moved links: one row per address (`Link`) found dead
(gone, soft 404 or error, twice some days apart) or moved permanently, not ignored, with what
uses it; filters by status and by the section of the articles using it; a search by address or
host; and the actions, each a service (services.py): replace the address everywhere (its own
page, admin_replace.py), accept the redirect, ignore, recheck now. Changing needs the
`links.change_link` permission (the Editor group has it, migrations/0002_inventory_roles.py)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from links import services
from links.admin_replace import replace_view
from links.admin_uses import used_by
from links.models import Link, LinkUse

Status = Link.Status
QUEUE_STATUSES = (Status.GONE, Status.SOFT_404, Status.ERROR, Status.REDIRECTED)
IGNORED = "ignored"


def in_queue() -> Q:
    """Dead (two failed checks apart) or moved permanently."""
    return Q(dead=True, status__in=Link.FAILING) | Q(status=Status.REDIRECTED)


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(status.value, status.label) for status in QUEUE_STATUSES]

    def queryset(self, request, queryset):
        if self.value() in {status.value for status in QUEUE_STATUSES}:
            return queryset.filter(status=self.value())
        return queryset


class DecisionFilter(admin.SimpleListFilter):
    """The queue leaves out what an editor ignored; this shows those instead (to take one back).
    LinkAdmin.get_queryset reads the choice: a filter can only narrow a queryset."""

    title = "editor's decision"
    parameter_name = "decision"

    def lookups(self, request, model_admin):
        return [(IGNORED, "Ignored")]

    def queryset(self, request, queryset):
        return queryset


class SectionFilter(admin.SimpleListFilter):
    """The section of the articles that use the address."""

    title = "section"
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return list(
            LinkUse.objects.filter(article__section__isnull=False)
            .order_by("article__section__name")
            .values_list("article__section__slug", "article__section__name")
            .distinct()
        )

    def queryset(self, request, queryset):
        if self.value():
            used = LinkUse.objects.filter(link=OuterRef("pk"), article__section__slug=self.value())
            return queryset.filter(Exists(used))
        return queryset


@admin.register(Link)
class LinkAdmin(admin.ModelAdmin):
    list_display = ["address", "state", "checked_at", "moved_to", "uses_shown", "replace_link"]
    list_filter = [StatusFilter, SectionFilter, DecisionFilter]
    search_fields = ["url", "host"]
    actions = ["accept_redirect", "ignore", "stop_ignoring", "recheck_now"]
    show_full_result_count = False
    list_per_page = 50
    readonly_fields = [field.name for field in Link._meta.fields]

    def get_queryset(self, request):
        uses = LinkUse.objects.select_related("article", "content_type").prefetch_related("source")
        queryset = (
            super()
            .get_queryset(request)
            .filter(Exists(LinkUse.objects.filter(link=OuterRef("pk"))))
            .prefetch_related(Prefetch("uses", queryset=uses.order_by("article_id", "pk")))
        )
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            ignored = request.GET.get(DecisionFilter.parameter_name) == IGNORED
            return queryset.filter(in_queue(), ignored=ignored)
        return queryset

    def has_add_permission(self, request):
        return False  # the inventory makes them, from what the content uses

    def has_delete_permission(self, request, obj=None):
        return False  # gone with its last use

    def get_urls(self):
        replace = self.admin_site.admin_view(self._replace)
        return [
            path("<int:link_id>/replace/", replace, name="links_link_replace"),
            *super().get_urls(),
        ]

    def _replace(self, request, link_id):
        return replace_view(self, request, link_id)

    # Each format_html below escapes every value it is given (addresses, hosts, the checker's
    # detail, titles): markup of ours around text of theirs (tests/links/test_queue.py, hostile).

    @admin.display(description="address", ordering="url")
    def address(self, link):
        return format_html(
            '<span class="link-url">{}</span><br><small>{}</small>', link.url, link.host
        )

    @admin.display(description="status", ordering="status")
    def state(self, link):
        code = f"HTTP {link.http_status}" if link.http_status else ""
        dead = "dead" if link.dead else ""
        return format_html(
            "{}<br><small>{}</small>",
            link.get_status_display(),
            ", ".join(part for part in (code, dead, link.detail) if part),
        )

    @admin.display(description="moved to")
    def moved_to(self, link):
        return link.redirect_url or "—"

    @admin.display(description="used by")
    def uses_shown(self, link):
        rows = used_by(link)
        return format_html(
            '<ul class="link-uses">{}</ul>',
            format_html_join(
                "",
                "<li>{}</li>",
                (
                    (
                        format_html('<a href="{}">{}</a> ({})', url, label, field)
                        if url
                        else format_html("{} ({})", label, field),
                    )
                    for label, url, field in rows
                ),
            ),
        )

    @admin.display(description="")
    def replace_link(self, link):
        return format_html(
            '<a href="{}">Replace…</a>', reverse("admin:links_link_replace", args=[link.pk])
        )

    # Actions: each a service.

    @admin.action(
        description="Accept the redirect (replace by the new address everywhere)",
        permissions=["change"],
    )
    def accept_redirect(self, request, queryset):
        done = 0
        for link in queryset:
            try:
                services.link_accept_redirect(link=link, user=request.user)
                done += 1
            except ValidationError as refused:
                self.message_user(request, " ".join(refused.messages), messages.ERROR)
        self.message_user(request, f"{done} redirect(s) accepted.", messages.SUCCESS)

    @admin.action(description="Ignore (not broken: leave the queue)", permissions=["change"])
    def ignore(self, request, queryset):
        done = services.link_ignore(links=queryset, user=request.user)
        self.message_user(request, f"{done} link(s) ignored.", messages.SUCCESS)

    @admin.action(description="Stop ignoring", permissions=["change"])
    def stop_ignoring(self, request, queryset):
        done = services.link_ignore(links=queryset, user=request.user, ignored=False)
        self.message_user(request, f"{done} link(s) back in the queue.", messages.SUCCESS)

    @admin.action(
        description="Recheck now (first in the checker's next pass)", permissions=["change"]
    )
    def recheck_now(self, request, queryset):
        done = services.link_recheck(links=queryset)
        self.message_user(
            request, f"{done} link(s) will be checked in the next pass.", messages.SUCCESS
        )
