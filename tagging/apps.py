from django.apps import AppConfig

import pagecache
from revisions import versioning


class TaggingConfig(AppConfig):
    """The admin's tag autocomplete (forms.py), the slug every new tag gets (slugs.py), and
    taggit's models declared to the page cache (taggit is a third-party app)."""

    name = "tagging"

    def ready(self):
        # Here, not at the top: taggit's models must be loaded first.
        from taggit.models import Tag, TaggedItem  # noqa: PLC0415

        from tagging import slugs  # noqa: PLC0415

        slugs.connect_signals()
        # A tag row in a revision follows its tag, so a tag deleted since can come back.
        if not versioning.is_versioned(Tag):  # ready() can run more than once (tests)
            versioning.register(Tag)
        # A tag's name shows on every page of the objects it tags.
        pagecache.register_model(Tag)
        pagecache.register_part(TaggedItem)
