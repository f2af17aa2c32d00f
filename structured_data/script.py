"""A JSON-LD <script> element that no data can break out of."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# As Django's json_script: inside <script> nothing is decoded, so "</script>" or "<!--" in a
# title must never appear as such. JSON's \u escapes mean the same characters to a JSON parser.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """`<script type="application/ld+json">` holding `data` as JSON, with <, > and & escaped."""
    escaped = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # Safe: the JSON holds no <, > or &, so it cannot end the element or start markup.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308
