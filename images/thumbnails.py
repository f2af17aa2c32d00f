from django.utils.html import format_html


def admin_thumbnail(image, alt: str = "", size: int = 60):
    """A small preview of an images.Image for admin lists and forms; '—' when there is none."""
    if image is None or not image.file:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px;object-fit:cover">',
        image.file.url,
        alt,
        size,
        size,
    )
