"""The manager behind every `TaggableManager` of ours (`manager=CleanTagManager`): tag names
are cleaned as tag names are stored (plaintext.text.clean_text) before taggit looks them up, so
`obj.tags.add("Café\\x0b")` finds the tag "Café" instead of making a second one that the
database then refuses, and a name that is nothing once cleaned is no tag at all."""

from taggit.managers import _TaggableManager

from plaintext.text import clean_text


class CleanTagManager(_TaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        cleaned = [clean_text(tag) if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances([tag for tag in cleaned if tag != ""], tag_kwargs)
