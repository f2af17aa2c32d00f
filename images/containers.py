"""The layout of the four accepted formats, read without decoding any pixels.

Two questions are answered here, from the bytes alone and in constant memory:

- how big a PNG, GIF or WebP says its picture is, from the fixed header (a WebP decoder allocates
  its canvas as soon as Pillow opens the file, so that size must be checked first);
- where the picture ends: the JPEG EOI marker, the PNG IEND chunk, the GIF trailer, the end of
  the WebP RIFF container. Anything after that is not part of the image.

Files that end too soon raise TruncatedImage; files whose structure makes no sense raise
MalformedImage. The file's position afterwards is unspecified.
"""

import re
import struct

# Compressed JPEG data and GIF sub-blocks are scanned in blocks of this size.
_BLOCK = 64 * 1024

_JPEG_SOI = b"\xff\xd8"
_JPEG_EOI = 0xD9
_JPEG_SOS = 0xDA
_JPEG_APP2 = 0xE2
# Markers without a length: TEM and the restart markers RST0-RST7.
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# In compressed data: a 0xFF that is not stuffing (0x00), fill (0xFF) or a restart (RSTn).
_JPEG_MARKER = re.compile(rb"\xff[^\x00\xff\xd0-\xd7]")


class TruncatedImage(Exception):
    """The file ends before its picture does."""


class MalformedImage(Exception):
    """The file's structure is not that of its format."""


def declared_dimensions(head: bytes, image_format: str) -> tuple[int, int] | None:
    """Width and height from the fixed header of a PNG, GIF or WebP; None for a JPEG.

    A JPEG states its size in a frame segment that may come after kilobytes of metadata; Pillow
    reads it without allocating anything, so JPEGs are measured after Image.open instead.
    """
    if image_format == "JPEG":
        return None
    reader = {"PNG": _png_dimensions, "GIF": _gif_dimensions, "WEBP": _webp_dimensions}
    dimensions = reader[image_format](head)
    if dimensions is None:
        raise MalformedImage(f"no readable {image_format} header")
    return dimensions


def picture_end(file, image_format: str, byte_size: int) -> int:
    """The offset just past the last byte that belongs to the picture."""
    walker = {"JPEG": _jpeg_end, "PNG": _png_end, "GIF": _gif_end, "WEBP": _webp_end}
    end = walker[image_format](file, byte_size)
    if end > byte_size:
        raise TruncatedImage(f"the {image_format} picture needs {end} bytes, the file has fewer")
    return end


def webp_is_lossless(file) -> bool:
    """Whether a still WebP is stored losslessly (a VP8L bitstream rather than VP8)."""
    file.seek(12)
    while header := file.read(8):
        if len(header) < 8:
            break
        fourcc, length = struct.unpack("<4sI", header)
        if fourcc in (b"VP8L", b"VP8 "):
            return fourcc == b"VP8L"
        file.seek(length + (length & 1), 1)
    return False


def _png_dimensions(head: bytes) -> tuple[int, int] | None:
    if head[12:16] != b"IHDR" or len(head) < 24:
        return None
    return struct.unpack(">II", head[16:24])


def _gif_dimensions(head: bytes) -> tuple[int, int] | None:
    return struct.unpack("<HH", head[6:10]) if len(head) >= 10 else None


def _webp_dimensions(head: bytes) -> tuple[int, int] | None:
    """The canvas size from the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X)."""
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30 and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(head) >= 25 and head[20] == 0x2F:
        (bits,) = struct.unpack("<I", head[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    return None


def _png_end(file, byte_size: int) -> int:
    """Walk the chunks (length, type, data, CRC) up to IEND, seeking over their data."""
    position = 8
    while True:
        file.seek(position)
        header = file.read(8)
        if len(header) < 8:
            raise TruncatedImage("the PNG ends before its IEND chunk")
        length, kind = struct.unpack(">I4s", header)
        if length > 2**31 - 1:
            raise MalformedImage("a PNG chunk longer than the format allows")
        position += 12 + length
        if kind == b"IEND" or position > byte_size:
            return position


def _gif_end(file, byte_size: int) -> int:
    """Walk the blocks after the screen descriptor and colour table, up to the trailer (';')."""
    file.seek(10)
    flags = _read_exactly(file, 1)[0]
    file.seek(13 + _colour_table_bytes(flags))
    while introducer := file.read(1):
        if introducer == b";":
            return file.tell()
        if introducer == b"!":  # an extension: its label, then data sub-blocks
            _read_exactly(file, 1)
        elif introducer == b",":  # an image: descriptor, local colour table, LZW code size
            flags = _read_exactly(file, 9)[8]
            file.seek(_colour_table_bytes(flags), 1)
            _read_exactly(file, 1)
        else:
            raise MalformedImage(f"unexpected GIF block {introducer!r}")
        _skip_gif_sub_blocks(file)
    # Many encoders leave out the trailer; ending cleanly after a whole block is fine.
    return file.tell()


def _colour_table_bytes(flags: int) -> int:
    return 3 << ((flags & 7) + 1) if flags & 0x80 else 0


def _skip_gif_sub_blocks(file) -> None:
    """Skip data sub-blocks (a length byte, then that many bytes) up to the empty one.

    Sub-blocks are walked in memory, a block of the file at a time: there can be millions.
    """
    while True:
        start = file.tell()
        block = file.read(_BLOCK)
        if not block:
            raise TruncatedImage("the GIF ends inside a run of data sub-blocks")
        index = 0
        while index < len(block):
            if block[index] == 0:
                file.seek(start + index + 1)
                return
            index += block[index] + 1
        file.seek(start + index)


def _webp_end(file, byte_size: int) -> int:
    """A WebP is one RIFF container: 8 bytes of header plus the size it declares."""
    file.seek(4)
    (riff_size,) = struct.unpack("<I", _read_exactly(file, 4))
    return 8 + riff_size


def _jpeg_end(file, byte_size: int) -> int:
    """The end of the main picture and of the pictures a Multi-Picture (MPF) segment announces.

    Cameras and phones store stereo pairs, depth maps and HDR gain maps as further complete JPEG
    streams right after the main one, declared in an APP2 "MPF" segment: those belong to the image.
    """
    end, has_more_pictures = _jpeg_stream_end(file, 0)
    while has_more_pictures and end < byte_size:
        file.seek(end)
        if file.read(2) != _JPEG_SOI:
            break
        end, _ = _jpeg_stream_end(file, end)
    return end


def _jpeg_stream_end(file, start: int) -> tuple[int, bool]:
    """Walk one JPEG stream's segments to its EOI; also say whether it declares more pictures."""
    file.seek(start)
    if file.read(2) != _JPEG_SOI:
        raise MalformedImage("a JPEG stream that does not start with SOI")
    declares_more_pictures = False
    while (marker := _next_jpeg_marker(file)) != _JPEG_EOI:
        if marker in _JPEG_STANDALONE:
            continue
        segment_start = file.tell()
        (length,) = struct.unpack(">H", _read_exactly(file, 2))
        if length < 2:
            raise MalformedImage("a JPEG segment shorter than its own length field")
        if marker == _JPEG_APP2 and file.read(4) == b"MPF\x00":
            declares_more_pictures = True
        file.seek(segment_start + length)
        if marker == _JPEG_SOS:
            _skip_entropy_coded_data(file)
    return file.tell(), declares_more_pictures


def _next_jpeg_marker(file) -> int:
    """Read one marker (0xFF, optional 0xFF fill bytes, the marker code) and return its code."""
    if _read_exactly(file, 1) != b"\xff":
        raise MalformedImage("JPEG data where a marker should be")
    while (code := _read_exactly(file, 1)[0]) == 0xFF:
        pass
    if code == 0x00:
        raise MalformedImage("a stuffed zero byte where a JPEG marker should be")
    return code


def _skip_entropy_coded_data(file) -> None:
    """Move to the next real marker after a scan: 0xFF followed by anything but 0x00 or RSTn.

    Inside compressed data a 0xFF byte is always followed by 0x00 (stuffing), a restart marker
    or another 0xFF (fill), so the first other 0xFF pair starts the next segment (or the EOI).
    """
    offset = file.tell()
    while True:
        block = file.read(_BLOCK)
        if match := _JPEG_MARKER.search(block):
            file.seek(offset + match.start())
            return
        if len(block) < _BLOCK:
            raise TruncatedImage("the JPEG ends inside its compressed data, before the EOI marker")
        offset += len(block) - 1  # the last byte may be a marker's 0xFF: read it again
        file.seek(offset)


def _read_exactly(file, count: int) -> bytes:
    data = file.read(count)
    if len(data) < count:
        raise TruncatedImage("the file ends in the middle of a header")
    return data
