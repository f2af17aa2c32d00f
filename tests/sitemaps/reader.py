"""Reading a sitemap or sitemap index as a search engine would: XML with <loc> and <lastmod>."""

import xml.etree.ElementTree as ET

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTIONS = ["articles", "sections", "tags", "series", "artists", "artworks", "exhibitions"]


def read_sitemap(client, url: str) -> dict[str, str | None]:
    """Each listed address (absolute) with its lastmod, from a sitemap or a sitemap index."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the app's own output, in a test)
    assert root.tag in {f"{{{NS['sm']}}}urlset", f"{{{NS['sm']}}}sitemapindex"}
    listed = {}
    for entry in root.findall("sm:url", NS) + root.findall("sm:sitemap", NS):
        lastmod = entry.find("sm:lastmod", NS)
        listed[entry.find("sm:loc", NS).text] = lastmod.text if lastmod is not None else None
    return listed


def section_url(name: str) -> str:
    return f"/sitemap-{name}.xml"
