from django.utils.html import format_html


def admin_thumbnail(image_file, alt: str = "", size: int = 60):
    """A small preview for admin lists and forms; '—' when there is no image."""
    if not image_file:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px;object-fit:cover">',
        image_file.url,
        alt,
        size,
        size,
    )
