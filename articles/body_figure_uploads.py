"""A picture uploaded from the body editor's "Insert figure" dialog, before the article is saved.

The body stores a figure that shows an upload as a reference to its images.Image
(`<figure data-image="67" ...>`), so the upload must be an Image before the form is sent. It
is stored as the article form's own uploads are kept across a validation error
(images.kept_uploads): checked and re-encoded by the images app's field, in the folder of
the figures' uploads, and owned by no use until the saved article's figure takes it. An image
no figure took is deleted after KEPT_UPLOAD_HOURS, as every kept upload is.
"""

from django import forms

from articles.models import ArticleFigure
from images import kept_uploads, uses
from images.fields import SafeImageFormField
from images.models import Image


class BodyFigureUploadForm(forms.Form):
    file = SafeImageFormField(
        label="Image",
        error_messages={"required": "Choose an image file to upload."},
    )


def body_figure_image_store(*, upload) -> Image:
    """Store a cleaned upload (BodyFigureUploadForm's `file`) as an Image no use points at yet."""
    image = Image()
    image.upload_folder = uses.use_of(ArticleFigure, "image").folder
    Image._meta.get_field("file").save_form_data(image, upload)
    image.save()
    # As every kept upload does: those older than KEPT_UPLOAD_HOURS that nothing took go.
    kept_uploads.delete_unused()
    return image
