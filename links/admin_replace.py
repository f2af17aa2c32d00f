"""The queue's "Replace…" page: one address replaced by another everywhere it is used, through
`services.link_replace` (each object through its own app's write path). A bad address is a form
error; an object that refuses leaves everything as it was and says which; a key that is no link
is a 404; without the change permission, 403."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from links import services
from links.admin_uses import used_by
from links.models import Link


class ReplaceForm(forms.Form):
    new_url = forms.CharField(
        label="New address",
        max_length=1000,
        strip=True,
        help_text="The whole address, starting with https:// or http://.",
        widget=forms.URLInput(attrs={"size": 80}),
    )

    def __init__(self, *args, link: Link, **kwargs):
        super().__init__(*args, **kwargs)
        self.link = link

    def clean_new_url(self):
        return services.clean_new_url(self.cleaned_data["new_url"], old=self.link)


def replace_view(model_admin, request, link_id):
    link = model_admin.get_queryset(request).filter(pk=link_id).first()
    if link is None:
        raise Http404("No such link.")
    if not model_admin.has_change_permission(request, link):
        raise PermissionDenied
    initial = {"new_url": link.redirect_url} if link.redirect_url else {}
    form = ReplaceForm(request.POST or None, link=link, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = services.link_replace(
                link=link, new_url=form.cleaned_data["new_url"], user=request.user
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            model_admin.message_user(
                request,
                f"{link.url} replaced by {form.cleaned_data['new_url']} in {done.objects} "
                "object(s).",
                messages.SUCCESS,
            )
            return redirect(reverse("admin:links_link_changelist"))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Replace {link.url}",
        "opts": model_admin.model._meta,
        "link": link,
        "form": form,
        "uses": used_by(link),
    }
    return TemplateResponse(request, "links/replace_form.html", context)
