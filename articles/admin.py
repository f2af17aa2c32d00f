from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Prefetch, prefetch_related_objects

from adminsite.primed import PrimedChoicesAdminMixin
from articles.admin_body_figures import BodyFiguresAdminMixin
from articles.admin_dashboard import DashboardAdminMixin, WhereItStandsFilter, WhoseFilter
from articles.admin_figures import ArticleFigureInline, FiguresAdminMixin
from articles.admin_groups import DeskGroupsAdminMixin
from articles.admin_preview import LivePreviewAdminMixin
from articles.admin_publish import PublishDeskAdminMixin, stored_address
from articles.admin_series import SeriesFieldsAdminMixin
from articles.admin_workflow import WorkflowAdminMixin
from articles.cards import lead_images
from articles.models import Article, ArticleAuthor, ArticleLink, Author, Section
from exhibitions.models import Exhibition
from images.models import Image
from images.picture import urls_of
from images.thumbnails import admin_thumbnail, thumbnail_of
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin
from workingcopies.admin import WorkingCopyAdminMixin


class ArticleChangeList(ChangeList):
    def get_results(self, request):
        # What the thumbnail column shows, for the page's articles at once: each one's lead
        # image as plain rows (articles/cards.py: one query, the cards' own), instead of every
        # figure with its artwork, images and their artworks' images built as model instances
        # (some 600 a page). The list's only: an article's own page reads its figures through
        # its inline.
        super().get_results(request)
        articles = list(self.result_list)  # the page's queryset, its rows now read, kept
        leads = lead_images([article.pk for article in articles])
        for article in articles:
            article._admin_lead = leads.get(article.pk)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    show_full_result_count = False


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    show_full_result_count = False


class ArticleAuthorInline(PrimedChoicesAdminMixin, admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    extra = 0
    fields = ["position", "author"]
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"

    def get_queryset(self, request):
        # Each row is named by its author, and its picker shows the author (adminsite/primed.py).
        return super().get_queryset(request).select_related("author")


class ArticleLinkInline(PrimedChoicesAdminMixin, admin.TabularInline):
    model = ArticleLink
    extra = 0
    fields = ["position", "title", "url"]
    verbose_name = "outbound link"
    verbose_name_plural = "outbound links"


@admin.register(Article)
class ArticleAdmin(
    PublishDeskAdminMixin,
    LivePreviewAdminMixin,
    DeskGroupsAdminMixin,
    SeriesFieldsAdminMixin,
    BodyFiguresAdminMixin,
    FiguresAdminMixin,
    RevisionedAdmin,
    WorkingCopyAdminMixin,
    WorkflowAdminMixin,
    DashboardAdminMixin,
    TagAutocompleteAdminMixin,
    admin.ModelAdmin,
):
    list_display = [
        "thumbnail",
        "title_and_slug",
        "section",
        "public_state",
        "published_at",
        "updated_at",
        "updated_by",
    ]
    list_display_links = ["thumbnail", "title_and_slug"]
    list_filter = [WhereItStandsFilter, WhoseFilter, "section", "published_at"]
    list_select_related = ["section", "updated_by"]
    # Admin search: the text and the byline (Django's search joins the authors in an EXISTS
    # subquery, so an article with two matching authors is listed once).
    search_fields = ["title", "standfirst", "body", "slug", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["featured_artists", "featured_artworks", "featured_exhibitions"]
    inlines = [ArticleAuthorInline, ArticleFigureInline, ArticleLinkInline]
    readonly_fields = [
        "public_state",
        "preview_link",
        "publishing_record",
        "first_published_at",
        "created_at",
        "updated_at",
        "updated_by",
    ]
    show_full_result_count = False
    # A restored working copy keeps the edit token of the form opened now (its differences
    # with the saved article are shown first), so that its save is not refused as stale.
    working_copy_current_fields = ("edit_token",)
    # The extension point for inlines of apps that articles may not import: each appends its
    # own from its AppConfig.ready() (recommendations: the article's related links). They show
    # on an existing article's page (a new article has no rows of other apps yet), and on the
    # add form too when they say `on_add_form = True` (featuring: decisions saved with it).
    extra_inlines: list = []
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "standfirst", "body", "edit_token"]}),
        (
            "Publication",
            {"fields": ["status", "published_at", "public_state", "preview_link"]},
        ),
        (
            "Related",
            {
                "fields": [
                    "tags",
                    "featured_artists",
                    "featured_artworks",
                    "featured_exhibitions",
                    "evergreen",
                ]
            },
        ),
        ("Search engines", {"fields": ["meta_description"], "classes": ["collapse"]}),
        (
            "Record",
            {
                "fields": [
                    "publishing_record",
                    "first_published_at",
                    "created_at",
                    "updated_at",
                    "updated_by",
                ]
            },
        ),
    ]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        extra = [
            inline
            for inline in self.extra_inlines
            if obj is not None or getattr(inline, "on_add_form", False)
        ]
        return [*inlines, *extra]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and article.pk is not None:
            # The featured exhibitions' picker names each show with its venue
            # (exhibitions/admin.py): read with them, in the one query the form's initial
            # value costs anyway, instead of one query a show.
            shows = Exhibition.objects.select_related("venue")
            prefetch_related_objects([article], Prefetch("featured_exhibitions", queryset=shows))
        return article

    def view_on_site(self, article):
        # Drafts and scheduled articles are 404s for readers: they have the preview link. The
        # stored address: a form shown again with errors holds what was typed (an empty slug).
        if not article.is_published:
            return None
        known = getattr(article, "_stored_address", None)  # read by render_change_form
        return known if known is not None else stored_address(article)

    @admin.display(description="")
    def thumbnail(self, article):
        if not hasattr(article, "_admin_lead"):  # not read with the list's page
            shown = article.lead_image()
            return admin_thumbnail(shown.image if shown else None, shown.alt if shown else "")
        if article._admin_lead is None or not article._admin_lead[0][1]:
            return "—"
        (_, name, *_), alt = article._admin_lead
        return thumbnail_of(urls_of(Image._meta.get_field("file").storage)(name), alt)
