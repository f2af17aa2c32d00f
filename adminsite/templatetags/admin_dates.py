"""{% indexed_date_hierarchy cl %}: Django's date hierarchy, its periods found by index
(adminsite/dates.py); templates/admin/change_list.html puts it in every change list. Its
template is found as Django's is (admin/<app>/<model>/date_hierarchy.html first)."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.templatetags.base import InclusionAdminNode

from adminsite.dates import indexed

register = template.Library()


def indexed_date_hierarchy(cl):
    return date_hierarchy(indexed(cl))


@register.tag(name="indexed_date_hierarchy")
def indexed_date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        "indexed_date_hierarchy",
        parser,
        token,
        func=indexed_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
