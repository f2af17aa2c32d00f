"""Image files made in the tests: good ones with Pillow, hostile ones byte by byte."""

import io
import random
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def encoded(image_format: str, *, size=(60, 40), mode="RGB", color="red", **options) -> bytes:
    """A plain picture of one colour, encoded by Pillow."""
    return save(Image.new(mode, size, color), image_format, **options)


def save(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def two_tone(size=(60, 40)) -> Image.Image:
    """Red on the left half, blue on the right: shows which way a picture was turned."""
    image = Image.new("RGB", size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    return image


def photo_like(size=(400, 300), seed=0) -> Image.Image:
    """A gradient with noise, so JPEG data is as busy as a photograph's."""
    width, height = size
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(width * height))
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", (gradient, noise, Image.blend(gradient, noise, 0.5)))


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    """What Django's upload handlers give a form, with the name and type the browser claimed."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def animated_gif(colors=("red", "lime", "blue")) -> bytes:
    frames = [Image.new("RGB", (30, 20), color) for color in colors]
    return save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def exif_rotated_with_gps() -> Image.Exif:
    """EXIF saying 'turn 90 degrees clockwise to view' (6), with a camera and a GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Camera maker"
    exif[0x0110] = "Camera model"
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}  # latitude and longitude
    )
    return exif


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk with its length and a valid CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG whose IHDR claims the given size: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def png_chunk_types(data: bytes) -> list[bytes]:
    types, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        types.append(data[position + 4 : position + 8])
        position += 12 + length
    return types


def jpeg_markers(data: bytes) -> list[int]:
    """The marker codes of a JPEG's segments, up to its first scan (SOS)."""
    markers, position = [], 2
    while data[position + 1] != 0xDA:
        markers.append(data[position + 1])
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return markers


def with_jpeg_size(data: bytes, width: int, height: int) -> bytes:
    """The same JPEG with its frame header (SOF0) claiming another size."""
    sof = data.index(b"\xff\xc0")
    return data[: sof + 5] + struct.pack(">HH", height, width) + data[sof + 9 :]


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<script>alert(document.cookie)</script>")
    return buffer.getvalue()


class CountingFile(io.BytesIO):
    """A file that records how much is read from it, and in how big a piece at most."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.bytes_read = 0
        self.largest_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        self.largest_read = max(self.largest_read, len(data))
        return data


class UnreadableFile(io.BytesIO):
    """A file whose size can be measured but that fails if anything reads it."""

    def read(self, size=-1):
        raise AssertionError("the file was read")
