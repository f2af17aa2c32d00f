"""The two public endpoints of "You may also like" measurement (docs/privacy.md):

- the click redirect `/r/<token>/<position>/` each card links through: it counts the click and
  sends the reader to the article the signed token names in that slot, if it is public now.
  The address comes from the article itself, never from the request (no `next=`, no Host), so
  it cannot send anyone to another site;
- the beacon `/r/seen/` the block's script posts its token to once the block has been seen.

Both count only what visitors.may_count() allows (no robots, no prefetches, no opt-outs, no
staff), and neither sets a cookie nor is kept by any cache; a session is read only to tell
staff, only when its cookie came, and never through `request.session` (visitors.py). Neither
runs in the request's transaction (ATOMIC_REQUESTS): the redirect's read of the article is
done before, and the count is a transaction of its own that starts with its write
(services.py says why SQLite needs that under concurrent clicks)."""

import logging
from functools import wraps

from django.db import DatabaseError, transaction
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from articles.models import Article
from recommendations import slots
from recommendations.counting import services
from recommendations.counting.beacon import BadBeacon, token_from
from recommendations.counting.visitors import may_count

log = logging.getLogger(__name__)


def _no_cookie(view):
    """The answer sets no cookie, ever. Django's CSRF middleware would replace a malformed
    csrftoken cookie the reader sent on any answer, these included: not here (the next page
    with a form gives the reader a good one)."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return _not_kept(HttpResponseNotFound("Not found.", content_type="text/plain"))
        finally:
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False

    return answer


def _not_kept(response):
    """No cache keeps a count's answer (a kept one would not be counted again), and no search
    engine lists the redirect's address."""
    patch_cache_control(response, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@transaction.non_atomic_requests
@_no_cookie
@require_safe
def click(request, token, position):
    block = slots.load(token)
    slot = block.slot(position) if block is not None else None
    if slot is None:
        raise Http404("No such link.")
    article = Article.objects.published().only("pk", "slug").filter(pk=slot.target_id).first()
    if article is None:
        raise Http404("This article is not published.")
    # A browser following a link sends GET; a HEAD is a link checker or a preview: answered,
    # not counted.
    if request.method == "GET" and may_count(request):
        _counted(services.slot_clicked, block=block, slot=slot, day=timezone.localdate())
    return _not_kept(HttpResponseRedirect(article.get_absolute_url()))


@csrf_exempt  # it carries no one's decision (sendBeacon sends no token), only "this was seen"
@transaction.non_atomic_requests
@_no_cookie
@require_POST
def seen(request):
    try:
        block = slots.load(token_from(request))
    except BadBeacon as error:
        return _not_kept(HttpResponseBadRequest(str(error), content_type="text/plain"))
    if block is None:
        return _not_kept(HttpResponseBadRequest("Not a block's token.", content_type="text/plain"))
    if may_count(request):
        _counted(services.block_seen, block=block, day=timezone.localdate())
    return _not_kept(HttpResponse(status=204))


def _counted(count, **values) -> None:
    """Count, or log why not: a database that cannot take the count now (locked, read-only,
    a timeout) never keeps a reader from the article."""
    try:
        count(**values)
    except DatabaseError:
        log.warning("A count of 'You may also like' was lost", exc_info=True)
