"""The admin of venues and exhibitions: search, filters (on view today, city, shown on the
site), autocompletes, the exhibition's image edited in place, revisions and autosave."""

from django.contrib import admin
from django.db.models import Count

from exhibitions import on_view
from exhibitions.admin_filters import OnViewFilter
from exhibitions.models import Exhibition, Venue
from images.admin_mixins import ImageUseAdminMixin
from images.thumbnails import admin_thumbnail
from revisions.admin import RevisionedAdmin
from workingcopies.admin import WorkingCopyAdminMixin

# What a fuzzy date means for the days a show is on view (exhibitions/dates.py).
PRECISION_HELP = {
    "opens_precision": "Month: only the month is known, the day is ignored and the show counts "
    "as open from the 1st. Year: only the year is known, open from 1 January.",
    "closes_precision": "Month: only the month is known, the day is ignored and the show counts "
    "as on view until the month's last day. Year: only the year, until 31 December.",
}


@admin.register(Venue)
class VenueAdmin(RevisionedAdmin, admin.ModelAdmin):
    """Four short fields: no autosave (working copies are for forms one writes in)."""

    list_display = ["name", "city", "country", "exhibition_count"]
    list_filter = ["country"]
    search_fields = ["name", "city", "country"]
    show_full_result_count = False
    fields = ["name", "city", "country", "url"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(exhibition_count=Count("exhibitions"))

    @admin.display(description="exhibitions", ordering="exhibition_count")
    def exhibition_count(self, venue):
        return venue.exhibition_count

    def autocomplete_label(self, venue) -> str:
        """'Tate Modern, London (United Kingdom)': two venues may share a name."""
        return f"{venue.place} ({venue.country})" if venue.country else venue.place


@admin.register(Exhibition)
class ExhibitionAdmin(
    RevisionedAdmin,
    WorkingCopyAdminMixin,
    ImageUseAdminMixin,
    admin.ModelAdmin,
):
    image_field = "image"
    image_alt_field = "image_alt_text"

    list_display = ["thumbnail", "title", "venue", "dates_text", "state_today", "is_public"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [OnViewFilter, "venue__city", "is_public"]
    list_select_related = ["venue", "image"]
    search_fields = ["title", "slug", "venue__name", "venue__city", "artists__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["venue", "artists", "artworks"]
    # What the label of the article form's picker reads (adminsite/autocomplete.py).
    label_select_related = ["venue"]
    readonly_fields = ["image_preview", "image_facts", "source", "source_id", "created_at"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["title", "slug", "venue", "is_public"]}),
        (
            "Dates",
            {
                "fields": [("opens_on", "opens_precision"), ("closes_on", "closes_precision")],
                "description": "Leave a date empty when it is not known: a show with no "
                "opening date is taken as open already, one with no closing date as open-ended.",
            },
        ),
        ("Shown", {"fields": ["artists", "artworks"]}),
        ("About", {"fields": ["description", "url"]}),
        (
            "Image",
            {
                "fields": [
                    "image",
                    "image_preview",
                    "image_facts",
                    ("focal_x", "focal_y"),
                    "image_alt_text",
                    "image_credit",
                ]
            },
        ),
        ("Record", {"fields": ["source", "source_id", "created_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # The autocomplete's results are labelled with their venue.
        return super().get_queryset(request).select_related("venue")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name, help_text in PRECISION_HELP.items():
            if name in form.base_fields:
                form.base_fields[name].help_text = help_text
        return form

    @admin.display(description="")
    def thumbnail(self, exhibition):
        return admin_thumbnail(exhibition.image, exhibition.image_alt_text)

    @admin.display(description="dates")
    def dates_text(self, exhibition):
        return exhibition.dates_text or "—"

    @admin.display(description="today")
    def state_today(self, exhibition):
        day = on_view.today()
        return on_view.state(exhibition.on_view_from, exhibition.on_view_until, day).label

    def autocomplete_label(self, exhibition) -> str:
        """'Sunflower Seeds — Tate Modern, London, 12 October 2010 – 2 May 2011'."""
        label = f"{exhibition.title} — {exhibition.venue.place}"
        dates = exhibition.dates_text
        return f"{label}, {dates}" if dates else label
