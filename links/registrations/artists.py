"""An artist's outbound links: the website, the source record's address, the `<a href>` of the
bio. Replaced by saving the artist (its own model's save: the rich text sanitised again, the
page cache told), in a revision as the admin makes one."""

import reversion

from artists.models import Artist
from links import addresses
from links.sources import Source
from links.sources import register as register_source


def replace_in_artist(artist: Artist, old: str, new: str, user) -> bool:
    artist = Artist.objects.select_for_update().get(pk=artist.pk)
    changed = []
    for name in ("website", "source_url"):
        value = addresses.replace_whole(getattr(artist, name), old, new)
        if value != getattr(artist, name):
            setattr(artist, name, value)
            changed.append(name)
    bio = addresses.replace_in_html(artist.bio, old, new)
    if bio != artist.bio:
        artist.bio = bio
        changed.append("bio")
    if not changed:
        return False
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(f"Link {old} replaced by {new}")
        artist.save()
    return True


def register() -> None:
    register_source(
        Source(
            model=Artist,
            fields=("website", "source_url", "bio"),
            uses=lambda artist: [
                ("website", artist.website),
                ("source URL", artist.source_url),
                *(("bio", url) for url in addresses.in_html(artist.bio)),
            ],
            replace=replace_in_artist,
        )
    )
