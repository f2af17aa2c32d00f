"""Series in the admin: the series' own admin, and the article form's series and part (a
"Series" group beside the section, with clear errors: a part without a series, a series
without a part, a part another article holds)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Max

from articles.models import Article
from articles.series import Series

SERIES_FIELDSET = ("Series", {"fields": ["series", "series_part"]})


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "parts", "planned_parts", "order", "is_public"]
    list_editable = ["order"]
    list_filter = ["is_public"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "description", "planned_parts", "order", "is_public"]
    show_full_result_count = False

    def get_queryset(self, request):
        parts = super().get_queryset(request).annotate(part_count=Count("parts"))
        return parts.order_by("order", "title")  # an aggregate drops the default ordering

    @admin.display(description="parts", ordering="part_count")
    def parts(self, series):
        return series.part_count


class SeriesPartFormMixin(forms.ModelForm):
    """A part number is one article's in its series: a number another article holds is an
    error naming that article and the next free number, instead of the constraint's generic
    message (or a database error)."""

    def clean_series_part(self):
        part = self.cleaned_data.get("series_part")
        if part is not None and part < 1:
            raise ValidationError("Parts are numbered from 1.", code="min_value")
        return part

    def clean(self):
        cleaned = super().clean()
        series, part = cleaned.get("series"), cleaned.get("series_part")
        if series is None or part is None:
            return cleaned  # Article.clean() says which of the two is missing
        others = Article.objects.filter(series=series).exclude(pk=self.instance.pk)
        holder = others.filter(series_part=part).values_list("title", flat=True).first()
        if holder is not None:
            free = (others.aggregate(top=Max("series_part"))["top"] or 0) + 1
            self.add_error(
                "series_part",
                ValidationError(
                    "Part %(part)s of “%(series)s” is “%(holder)s”. Give another number "
                    "(the next free one is %(free)s), or change that article first.",
                    code="part_taken",
                    params={"part": part, "series": series.title, "holder": holder, "free": free},
                ),
            )
        return cleaned


class SeriesFieldsAdminMixin:
    """The article admin's series and part: a "Series" group after the main fields, the series
    picked by autocomplete, and the form's checks of the part number."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not any(name == SERIES_FIELDSET[0] for name, _ in fieldsets):
            fieldsets.insert(1, SERIES_FIELDSET)
        return fieldsets

    def get_autocomplete_fields(self, request):
        return [*super().get_autocomplete_fields(request), "series"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "series_part" not in form.base_fields:
            return form
        form.base_fields["series_part"].widget.attrs.setdefault("min", 1)
        return type(form.__name__, (SeriesPartFormMixin, form), {})
