"""PLACEHOLDER until the counting part lands: the click redirect and the impression beacon."""

from django.http import Http404, HttpResponseRedirect

from articles.models import Article
from recommendations import slots


def click(request, token, position):
    block = slots.load(token)
    slot = block and block.slot(position)
    if slot is None:
        raise Http404
    article = Article.objects.published().filter(pk=slot.target_id).first()
    if article is None:
        raise Http404
    return HttpResponseRedirect(article.get_absolute_url())


def seen(request):
    raise Http404
