"""A JSON-LD <script> element that no data can break out of."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# As Django's json_script: inside <script> nothing is decoded, so "</script>" or "<!--" in a
# title must never appear as such. JSON's \u escapes mean the same characters to a JSON parser.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict, nonce=None) -> SafeString:
    """`<script type="application/ld+json">` holding `data` as JSON, with <, > and & escaped.

    With the response's Content Security Policy nonce, when given: browsers never run a data
    block, but every inline <script> carrying the nonce keeps the rule simple to check."""
    escaped = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # Safe: the JSON holds no <, > or &, so it cannot end the element or start markup.
    json_text = mark_safe(escaped)  # noqa: S308
    if nonce is None:
        return format_html('<script type="application/ld+json">{}</script>', json_text)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>', nonce, json_text
    )
