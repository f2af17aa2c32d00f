"""The link-preview image's tags (`og_image`, `og_image_of`, written in Python) print what the
includes printed before them, byte for byte, hostile values escaped the same way."""

import pytest
from django.template import Context, Engine, Template, engines
from django.test import RequestFactory

from images.models import Image
from tests.factories import ImageFactory
from tests.renditions import renditions_of

pytestmark = pytest.mark.django_db

HOSTILE = "\"><script>alert('x')</script> '; DROP TABLE images_image; -- & Ü"

# templates/includes/og_image.html and og_image_of.html as they were, the reference (the
# second includes the first, `old`).
OLD_OG_IMAGE = """{% load structured_data %}{# A link-preview image (Open Graph and Twitter card); `url` may already be absolute (a CDN); `width` and `height` when known. #}
{% capture as image_url %}{% if url|slice:':4' == 'http' %}{{ url }}{% else %}{{ request.scheme }}://{{ request.get_host }}{{ url }}{% endif %}{% endcapture %}
<meta property="og:image" content="{{ image_url }}">
{% if width and height %}<meta property="og:image:width" content="{{ width }}">
<meta property="og:image:height" content="{{ height }}">{% endif %}
{% if alt %}<meta property="og:image:alt" content="{{ alt }}">{% endif %}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="{{ image_url }}">
{% if alt %}<meta name="twitter:image:alt" content="{{ alt }}">{% endif %}
"""  # noqa: E501
OLD_OG_IMAGE_OF = """{# The link-preview image of an images.Image: its social crop once renditions are made, else the original. Expects `image` and `alt`. #}{% with picture=image.picture %}{% include old with url=picture.social_url|default:image.file.url width=picture.social_width|default:image.width height=picture.social_height|default:image.height alt=alt %}{% endwith %}
"""  # noqa: E501


def render(text: str, **values) -> str:
    request = RequestFactory().get("/articles/x/", secure=True)
    engine: Engine = engines["django"].engine
    context = Context({"request": request, "old": Template(OLD_OG_IMAGE, engine=engine), **values})
    return Template(text, engine=engine).render(context)


@pytest.mark.parametrize("url", ["/media/a b.jpg", "https://cdn.example/x.jpg?a=1&b=2", HOSTILE])
@pytest.mark.parametrize("sizes", [{}, {"width": 1200, "height": 630}, {"width": 1200}])
@pytest.mark.parametrize("alt", ["", "A bowl of fruit", HOSTILE])
def test_og_image_prints_what_the_include_printed(url, sizes, alt):
    values = {"url": url, "alt": alt, **sizes}
    expected = render(OLD_OG_IMAGE, **values)

    assert render("{% include 'includes/og_image.html' %}", **values) == expected
    if alt == HOSTILE:
        assert "<script>" not in expected


@pytest.mark.parametrize("made", [False, True])
@pytest.mark.parametrize("alt", ["", HOSTILE])
def test_og_image_of_prints_what_the_include_printed(made, alt):
    image = ImageFactory(width=800, height=600)
    if made:
        Image.objects.filter(pk=image.pk).update(renditions=renditions_of(image.file))
        image.refresh_from_db()
    expected = render(OLD_OG_IMAGE_OF, image=image, alt=alt)

    assert render("{% include 'includes/og_image_of.html' %}", image=image, alt=alt) == expected
    tag = "{% load structured_data %}{% og_image_of image alt %}"
    assert render(tag, image=image, alt=alt) == expected
    assert ("social-500-500.jpg" in expected) is made
