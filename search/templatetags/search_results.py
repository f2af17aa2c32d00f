"""`{% search_result result %}`: one result's card, written by search/markup.py."""

from django import template
from django.utils.safestring import SafeString

from search.markup import result_html
from search.selectors import SearchResult

register = template.Library()


@register.simple_tag
def search_result(result: SearchResult) -> SafeString:
    return result_html(result)
