"""The article admin's action bar and pre-publish checks panel (the editors' desk, part
"publish"): the workflow as buttons, each calling its publishing service, and a refusal (a
check, a permission, a time that has passed) shown on the form again with nothing lost.

A refusal comes after the form's content and inlines were saved in the request's transaction:
it is raised as `Refused` out of the admin's (atomic) view, which rolls everything back, and the
view runs again with the refusal handed to the form as its error, so that the form, its inlines
and the checks panel are shown as they were posted."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse

from articles import prepublish, publish_actions
from articles.models import Article, ArticleAuthor, ArticleFigure

BAR_FIELDS = ("status", "published_at")


class Refused(Exception):
    def __init__(self, messages: list[str], report: prepublish.Report | None = None):
        super().__init__(messages)
        self.messages = messages
        self.report = report


class DeskFormMixin:
    """The article form under the action bar: status and publication time are hidden (the bar
    sets them, or keeps them), the action is checked before anything is saved."""

    desk_refusal: Refused | None = None
    desk_action: str | None = None
    schedule_at = None
    prepublish_overrides: dict[str, str] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            self.fields["status"].widget = forms.HiddenInput()
        if "published_at" in self.fields:
            self.fields["published_at"].widget = forms.SplitHiddenDateTimeWidget()

    def clean(self):
        cleaned = super().clean()
        if self.desk_refusal is not None:
            raise ValidationError(self.desk_refusal.messages, code="refused")
        if self.desk_action is not None:
            stored = None if self.instance._state.adding else self.instance
            publish_actions.refuse_unavailable(self.desk_action, self.user, stored)
            if self.desk_action == publish_actions.SCHEDULE:
                self.schedule_at = publish_actions.posted_schedule_time(self.data)
        return cleaned


class PublishDeskAdminMixin:
    @property
    def media(self):
        # Added to whatever the other parts of the admin bring (a property composes; a Media
        # class on a mixin would be the only one taken).
        own = forms.Media(
            css={"all": ["articles/desk/publish.css"]}, js=["articles/desk/publish.js"]
        )
        return super().media + own

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            # Everything the first run saved is rolled back; show the form as it was posted.
            request.desk_refusal = refused
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fieldsets(self, request, obj=None):
        # Status and publication time are the bar's to show and set: hidden inputs in the bar
        # (publish_bar.html), not rows of the form.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in BAR_FIELDS]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields") is not None and self.has_change_permission(request, obj):
            kwargs["fields"] = [*kwargs["fields"], *BAR_FIELDS]
        form = super().get_form(request, obj, change=change, **kwargs)
        data = request.POST if request.method == "POST" else {}
        attrs = {
            "desk_refusal": getattr(request, "desk_refusal", None),
            "desk_action": publish_actions.posted_action(data),
            "prepublish_overrides": publish_actions.posted_overrides(data),
        }
        return type(form.__name__, (DeskFormMixin, form), attrs)

    def save_form(self, request, form, change):
        article = super().save_form(request, form, change)
        if form.desk_action is not None:
            # The content is saved where the article stands; the action's service moves it.
            stored = Article.objects.filter(pk=article.pk).values_list("status", "published_at")
            article.status, article.published_at = (
                stored.get() if change else (Article.Status.DRAFT, None)
            )
        return article

    def save_related(self, request, form, formsets, change):
        try:
            super().save_related(request, form, formsets, change)
            if form.desk_action is not None:
                publish_actions.take(
                    form.desk_action,
                    article=form.instance,
                    user=request.user,
                    at=form.schedule_at,
                    overrides=form.prepublish_overrides,
                )
        except prepublish.ChecksRefused as refused:
            raise Refused(refused.messages, refused.report) from refused
        except (ValidationError, PermissionDenied) as refused:
            text = refused.messages if isinstance(refused, ValidationError) else [str(refused)]
            raise Refused(text) from refused

    def response_add(self, request, obj, post_url_continue=None):
        return self._answer(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._answer(request, obj) or super().response_change(request, obj)

    def _answer(self, request, article):
        action = publish_actions.posted_action(request.POST)
        if action is None or "_popup" in request.POST:
            return None
        article.refresh_from_db()
        self.message_user(request, publish_actions.answer(action, article), messages.SUCCESS)
        opts = self.opts
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk])
        return HttpResponseRedirect(url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        refusal = getattr(request, "desk_refusal", None)
        report = refusal.report if refusal and refusal.report else None
        if report is None and obj is not None and obj.pk:
            report = prepublish.run(obj, user=request.user, **_parts_shown(context))
        overrides = publish_actions.posted_overrides(request.POST) if refusal else {}
        may_edit = add or self.has_change_permission(request, obj)
        # Read once: the bar's link and "View on site" (view_on_site) both show it.
        obj_address = stored_address(obj)
        if obj is not None:
            obj._stored_address = obj_address
        context["desk_publish"] = {
            "state": publish_actions.state_line(obj),
            "verbs": publish_actions.verbs(request.user, obj) if may_edit else [],
            "report": report,
            "refused": refusal is not None,
            "summary": _summary(report),
            "reasons": overrides,
            "zone": publish_actions.site_zone().key,
            "public_url": obj_address,
            "scheduled_for": obj.published_at if obj is not None and obj.is_scheduled else None,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)


def stored_address(article) -> str:
    """The article's address as readers know it: from its stored slug, not the form's (a form
    shown again with errors has written what was typed, perhaps an empty slug, into it)."""
    if article is None or not article.pk:
        return ""
    slug = Article.objects.filter(pk=article.pk).values_list("slug", flat=True).first()
    return Article(slug=slug).get_absolute_url() if slug else ""


def _parts_shown(context) -> dict:
    """The article's stored figures and byline as the form's inlines have just read them (the
    figures with what the checks read: ArticleFigureInline.get_queryset; the byline's rows
    with their authors), for the checks; none of an inline that is not on the page, or that
    shows what was posted or restored rather than what is stored."""
    parts = {}
    for inline in context.get("inline_admin_formsets", ()):
        formset = inline.formset
        if formset.is_bound:
            continue
        if formset.model is ArticleFigure:
            parts["figures"] = list(formset.get_queryset())
        elif formset.model is ArticleAuthor:
            parts["byline"] = [row.author for row in formset.get_queryset()]
    return parts


def _summary(report: prepublish.Report | None) -> str:
    """ "2 blocking, 1 warning" (or "All checks pass"), for the bar's link to the panel."""
    if report is None:
        return ""
    counts = [
        (sum(r.state == state for r in report.results), state)
        for state in (prepublish.BLOCKING, prepublish.WARNING)
    ]
    said = [
        f"{n} {state}{'s' if n > 1 and state == prepublish.WARNING else ''}"
        for n, state in counts
        if n
    ]
    return ", ".join(said) if said else "All checks pass"
