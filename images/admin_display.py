"""What the admin shows of an uploaded image: a preview on which a click sets the focal point,
and the picture's facts (size in pixels and bytes, the name it was uploaded as)."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html

FOCAL_POINT_MEDIA = forms.Media(
    css={"all": ["images/focal-point.css"]}, js=["images/focal-point.js"]
)


def focal_point_preview(field_file, focal_x: float, focal_y: float, alt: str = ""):
    """The picture at admin size, with a marker at the focal point; clicking it moves the point
    (images/focal-point.js fills the focal point fields beside it)."""
    if not field_file:
        return "Upload an image, then save, to see it here and set its focal point."
    return format_html(
        '<span class="focal-point" style="--focal-x:{}%;--focal-y:{}%">'
        '<img class="focal-point__image" src="{}" alt="{}">'
        '<span class="focal-point__marker" aria-hidden="true"></span></span>'
        '<br><small class="focal-point__help">Click the picture on its most important part '
        "to set the focal point used for crops (link previews), then save.</small>",
        round(focal_x * 100, 2),
        round(focal_y * 100, 2),
        field_file.url,
        alt,
    )


def image_facts(width, height, file_size, original_name: str = ""):
    """'2400 × 1600 px · 1.2 MB · uploaded as “photo.jpg”' (the name escaped)."""
    parts = []
    if width and height:
        parts.append(f"{width} × {height} px")
    if file_size:
        parts.append(filesizeformat(file_size))
    facts = " · ".join(parts) or "—"
    if original_name:
        return format_html("{} · uploaded as “{}”", facts, original_name)
    return facts
