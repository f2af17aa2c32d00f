"""The endpoint behind "Find names in the text": the suggestions for what the article's form
holds now (static/featuring/suggestions.js posts its title, standfirst and body, and what the
form already features or has decided on as `settled` values, "artist:12", "artwork:7").

POST only, with the CSRF token; the user may change the article (or add one, for the add
form). Answers JSON: the suggestions, or an error with 400 (input it cannot read), 403, 404 or
405. Reads only; a fixed number of queries whatever the text names.
"""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import reverse

from adminsite.objects import editable_object
from featuring.suggestions import ARTIST, ARTWORK, Suggestion, article_suggestions

TEXT_FIELDS = ("title", "standfirst", "body")
# Far more than any article (a 3,000-word body is some 20,000 characters).
MAX_CHARACTERS = 500_000
SETTLED = re.compile(rf"({ARTIST}|{ARTWORK}):([0-9]{{1,18}})")


class BadInput(ValueError):
    pass


def admin_url(kind: str, object_id: int) -> str:
    app = "artists" if kind == ARTIST else "artworks"
    return reverse(f"admin:{app}_{kind}_change", args=[object_id])


def suggestion_entry(suggestion: Suggestion) -> dict:
    """What the panel shows of a suggestion, as the endpoint's JSON and the template give it."""
    return {
        "key": suggestion.key,
        "kind": suggestion.kind,
        "id": suggestion.object_id,
        "name": suggestion.name,
        "url": admin_url(suggestion.kind, suggestion.object_id),
        "field": suggestion.field,
        "before": suggestion.before,
        "found": suggestion.found,
        "after": suggestion.after,
    }


def suggest_view(article_admin, request, article_id=None):
    if request.method != "POST":
        response = _error("Send the article's text with POST.", 405)
        response["Allow"] = "POST"
        return response
    try:
        article = editable_object(
            article_admin,
            request,
            article_id,
            missing="This article does not exist (it may have been deleted).",
        )
    except PermissionDenied:
        return _error("You may not change this article.", 403)
    except Http404 as gone:
        return _error(str(gone), 404)
    try:
        text, settled = _posted(request.POST)
    except BadInput as bad:
        return _error(str(bad), 400)
    found = article_suggestions(article=article, **text, settled_in_form=settled)
    entries = [suggestion_entry(suggestion) for suggestion in found]
    return JsonResponse({"suggestions": entries, "message": _message(len(entries))})


def _posted(data) -> tuple[dict[str, str], set[tuple[str, int]]]:
    missing = [name for name in TEXT_FIELDS if name not in data]
    if missing:
        raise BadInput(f"Send the article's {', '.join(missing)}.")
    text = {name: data[name] for name in TEXT_FIELDS}
    if sum(len(value) for value in text.values()) > MAX_CHARACTERS:
        raise BadInput(f"The text is too long to search (over {MAX_CHARACTERS:,} characters).")
    settled = set()
    for value in data.getlist("settled"):
        match = SETTLED.fullmatch(value)
        if match is None:
            raise BadInput(f"“{value[:40]}” is not an artist or artwork (artist:12, artwork:7).")
        settled.add((match[1], int(match[2])))
    return text, settled


def _message(count: int) -> str:
    if count == 0:
        return "No new names found: everything the text names is featured or decided on."
    return f"{count} name{'s' if count > 1 else ''} found that the article does not feature yet."


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)
