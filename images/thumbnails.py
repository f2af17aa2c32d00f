from django.utils.html import format_html


def admin_thumbnail(image, alt: str = "", size: int = 60):
    """A small preview of an images.Image for admin lists and forms; '—' when there is none."""
    if image is None or not image.file:
        return "—"
    return thumbnail_of(image.file.url, alt, size)


def thumbnail_of(url: str, alt: str = "", size: int = 60):
    """The same preview from the image's address (a list that read its images as rows)."""
    return format_html(
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px;object-fit:cover">',
        url,
        alt,
        size,
        size,
    )
