"""Reading the inventory in tests: what an object uses, as (field, address) pairs."""

from django.contrib.contenttypes.models import ContentType

from links.models import LinkUse


def uses_of(instance) -> set[tuple[str, str]]:
    content_type = ContentType.objects.get_for_model(type(instance))
    return set(
        LinkUse.objects.filter(content_type=content_type, object_id=instance.pk).values_list(
            "field", "link__url"
        )
    )
