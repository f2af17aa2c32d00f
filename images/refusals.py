"""What an editor reads when an image upload is refused, with the ValidationError code of each.

Messages use %(name)s params (ValidationError fills them in), so a form can replace a message by
its code and still use the params. They say what is wrong and what to do, in plain words.
"""

EMPTY_MESSAGE = ("This file is empty (0 bytes). Please choose the image file again.", "empty_file")
TOO_LARGE_MESSAGE = (
    "This file is %(size)s; the largest image you can upload is %(limit)s. Please export it "
    "smaller (fewer pixels or a lower quality) and upload it again.",
    "file_too_large",
)
OTHER_KIND_MESSAGE = (
    "This file is %(kind)s, not a photo. The site accepts %(accepted)s images only.",
    "unsupported_file_type",
)
OTHER_PICTURE_MESSAGE = (
    "This file is %(kind)s, which the site cannot publish. The site accepts %(accepted)s images "
    "only: please save it as one of those and upload that.",
    "unsupported_file_type",
)
UNKNOWN_KIND_MESSAGE = (
    "This file is not an image the site can read, whatever its name says. The site accepts "
    "%(accepted)s images only.",
    "unsupported_file_type",
)
TOO_MANY_PIXELS_MESSAGE = (
    "This image is %(width)s × %(height)s pixels (%(pixels)s); the largest the site accepts is "
    "%(limit)s. Please resize it and upload it again.",
    "too_many_pixels",
)
BOMB_MESSAGE = (
    "This image has far more pixels than the site accepts (the limit is %(limit)s). Please "
    "resize it and upload it again.",
    "too_many_pixels",
)
TRUNCATED_MESSAGE = (
    "This %(kind)s file is incomplete: it ends before the picture does, probably cut off while "
    "it was copied or downloaded. Please export or download it again.",
    "truncated_image",
)
CORRUPT_MESSAGE = (
    "This file starts like a %(kind)s image but is damaged and cannot be read. Please export "
    "it again from the original.",
    "corrupt_image",
)
HIDDEN_DATA_MESSAGE = (
    "This %(kind)s file carries %(extra)s of hidden extra data after the picture (such as an "
    "attached archive, a script or a phone's motion-photo video). For safety the site does not "
    "accept such files. Please open the image in an image editor and save it again as a plain "
    "%(kind)s.",
    "hidden_data",
)
