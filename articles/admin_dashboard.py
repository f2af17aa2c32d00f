"""Finding articles in the admin (the editors' desk, issue 16): where each stands as a list
filter (draft, in review, scheduled, public, archived; from the public rule in querysets.py)
and "mine"; articles named with their section, date and slug in the list and in autocomplete
pickers (labels.py); and the duplicate-title warning on the form, which asks `title_check_view`
while the title is typed (static/articles/admin/title-check.js)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from articles import titles
from articles.labels import article_label
from articles.models import Article

Status = Article.Status
# How many articles with the same title the warning names.
SAME_TITLE_SHOWN = 5

DESK_LIST_MEDIA = forms.Media(
    css={"all": ["articles/admin/desk.css"]}, js=["articles/admin/title-check.js"]
)


class WhereItStandsFilter(admin.SimpleListFilter):
    title = "where it stands"
    parameter_name = "stands"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("public", "Public"),
            ("archived", "Archived"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case None:
                return queryset
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "review":
                return queryset.filter(status=Status.REVIEW)
            case "scheduled":
                return queryset.scheduled_at(now)
            case "public":
                return queryset.live_at(now)
            case "archived":
                return queryset.filter(status=Status.UNPUBLISHED)
        raise IncorrectLookupParameters(f"{self.value()!r} is not a place an article stands.")


def mine(user) -> Q:
    """Articles that are the user's: created or last changed by them."""
    return Q(created_by=user) | Q(updated_by=user)


class WhoseFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "whose"

    def lookups(self, request, model_admin):
        return [("mine", "Mine (created or last changed by me)")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() != "mine":
            raise IncorrectLookupParameters(f"{self.value()!r} is not a choice of this filter.")
        return queryset.filter(mine(request.user))


class DashboardAdminMixin:
    """Mixed into ArticleAdmin; the list filters above are in its `list_filter`."""

    # What the label reads besides the article (adminsite/autocomplete.py).
    label_select_related = ("section",)

    @property
    def media(self):
        return super().media + DESK_LIST_MEDIA

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        match = request.resolver_match
        if match is not None and match.url_name == "autocomplete":
            # The pickers' labels name the section: loaded with the articles. (Not for the
            # change list, which joins list_select_related only when nothing is joined yet.)
            articles = articles.select_related(*self.label_select_related)
        return articles

    @admin.display(description="title", ordering="title")
    def title_and_slug(self, article):
        return format_html(
            '{}<br><span class="article-slug">/{}/</span>', article.title, article.slug
        )

    def autocomplete_label(self, article) -> str:
        """What the admin's pickers show (adminsite/autocomplete.py)."""
        return article_label(article)

    # The duplicate-title warning.

    def get_urls(self):
        check = path(
            "title-check/",
            self.admin_site.admin_view(self.title_check_view),
            name="articles_article_title_check",
        )
        return [check, *super().get_urls()]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "title" and formfield is not None:
            match = request.resolver_match
            formfield.widget.attrs.update(
                {
                    "data-title-check": reverse(
                        "admin:articles_article_title_check", current_app=self.admin_site.name
                    ),
                    "data-article": (match.kwargs.get("object_id", "") if match else ""),
                }
            )
        return formfield

    def title_check_view(self, request):
        """JSON: the other articles with the title `?title=` (not `?article=`, the one being
        edited), and the address the title would get: `{"matches": [{"label", "url"}], "slug"}`."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        title = request.GET.get("title", "")[: Article._meta.get_field("title").max_length]
        exclude = request.GET.get("article", "")
        exclude_pk = int(exclude) if exclude.isdigit() and len(exclude) < 19 else None
        same = titles.same_title(title, exclude_pk=exclude_pk, newest=SAME_TITLE_SHOWN)
        same = same.order_by("-pk")
        matches = [
            {
                "label": article_label(other),
                "url": reverse(
                    "admin:articles_article_change",
                    args=[other.pk],
                    current_app=self.admin_site.name,
                ),
            }
            for other in same[:SAME_TITLE_SHOWN]
        ]
        slug = titles.free_slug(title, exclude_pk=exclude_pk) if title.strip() else ""
        return JsonResponse({"matches": matches, "slug": slug})
