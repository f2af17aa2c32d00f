"""The site settings' outbound links: the addresses written in the footer's plain text (the
settings have no address field of their own). Replaced by saving the settings row."""

from links import addresses
from links.sources import Source
from links.sources import register as register_source
from sitesettings.models import SiteSettings


def replace_in_settings(row: SiteSettings, old: str, new: str, user) -> bool:
    row = SiteSettings.objects.select_for_update().get(pk=row.pk)
    blurb = addresses.replace_in_text(row.footer_blurb, old, new)
    if blurb == row.footer_blurb:
        return False
    row.footer_blurb = blurb
    row.save()
    return True


def register() -> None:
    register_source(
        Source(
            model=SiteSettings,
            fields=("footer_blurb",),
            uses=lambda row: [("footer", url) for url in addresses.in_text(row.footer_blurb)],
            replace=replace_in_settings,
        )
    )
