"""Telling what a file is from its first bytes."""

import pytest

from images.sniffing import describe_other_file, sniff_image_format
from tests.images.samples import encoded


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_the_accepted_formats_are_recognised(image_format):
    assert sniff_image_format(encoded(image_format)) == image_format


@pytest.mark.parametrize(
    "head",
    [b"", b"\xff\xd8", b"RIFF\x00\x00\x00\x00WAVE", b"GIF90a", b"<svg/>", b"\x89PNG"],
)
def test_lookalikes_and_fragments_are_not_images(head):
    assert sniff_image_format(head) is None


@pytest.mark.parametrize(
    ("head", "description"),
    [
        (b"\xef\xbb\xbf  <html lang='en'>", "a web page (HTML)"),
        (b"<!-- drawing -->\n<svg viewBox='0 0 1 1'/>", "an SVG drawing"),
        (b"<!DOCTYPE html><html><body><svg/></body></html>", "a web page (HTML)"),
        (b"<?xml version='1.0'?><catalogue/>", "an XML document"),
        (b"BMW 2002, photographed in 1971", "a text file"),
        (b"BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00", "a BMP image"),
        (b"\x00\x00\x00\x20ftypavif", "an AVIF image"),
        (b"\x00\x00\x00\x20ftypqt  ", "a video"),
        ("日本語のキャプション".encode()[:-1], "a text file"),  # cut inside a character
    ],
)
def test_other_files_are_described(head, description):
    assert describe_other_file(head).description == description


@pytest.mark.parametrize("head", [b"   \n", bytes(range(256))])
def test_blank_or_binary_files_are_not_described(head):
    assert describe_other_file(head) is None
