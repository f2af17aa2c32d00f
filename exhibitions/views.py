"""Placeholder until part B's exhibition page lands: the address the article page's "On view"
block links to, a 404 for a show that is not public. Part B's views.py replaces this file."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from exhibitions.models import Exhibition


def exhibition_detail(request, slug):
    exhibition = get_object_or_404(Exhibition.objects.public(), slug=slug)
    return HttpResponse(exhibition.title, content_type="text/plain; charset=utf-8")
