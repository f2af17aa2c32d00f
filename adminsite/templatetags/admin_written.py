"""Templates of Django's admin written in Python, the same HTML: {% fieldset %} for
admin/includes/fieldset.html (adminsite/fieldsets.py) and {% tabular_inline %} for
admin/edit_inline/tabular.html (adminsite/tabular.py). Each is the whole of the template of the
same name under templates/; when Python may not write it, the engine renders Django's own file."""

from django import template
from django.utils.safestring import mark_safe

from adminsite import fieldsets, tabular

register = template.Library()


def _written(module, written_against, context):
    written = module.write(context)
    if written is None:
        return written_against.render(context)
    # Markup built of the template's literal text and of values that each went through
    # _value() (escaped unless already safe, as the engine's {{ }}) or the template's own
    # filters (|safe on help texts, conditional_escape on URLs): what the engine writes.
    return mark_safe(written)  # noqa: S308


@register.simple_tag(takes_context=True)
def fieldset(context):
    return _written(fieldsets, fieldsets.FIELDSET, context)


@register.simple_tag(takes_context=True)
def tabular_inline(context):
    return _written(tabular, tabular.TABULAR, context)
