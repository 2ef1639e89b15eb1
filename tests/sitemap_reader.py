"""Reading the sitemap as a crawler does, through the test client: the index (``/sitemap.xml``)
and then every part it names (``core.sitemaps``)."""

import xml.etree.ElementTree as ET

from django.conf import settings

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def local(url):
    """An absolute public address as a path for the test client."""
    assert url.startswith(settings.PUBLIC_BASE_URL + "/"), url
    return url[len(settings.PUBLIC_BASE_URL) :]


def index(client):
    """``[(part address, lastmod)]`` of the index, in its order (addresses as paths)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [
        (local(item.find("s:loc", NS).text), item.find("s:lastmod", NS).text)
        for item in root.findall("s:sitemap", NS)
    ]


def part_bodies(client, addresses=None):
    """``{part address: body}`` of every part the index names (or of ``addresses``)."""
    addresses = [address for address, _lastmod in index(client)] if addresses is None else addresses
    bodies = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        bodies[address] = response.content
    return bodies


def urls_of(body):
    """``{loc: [hreflang codes of its alternates]}`` of one part."""
    root = ET.fromstring(body)
    assert root.tag == f"{{{NS['s']}}}urlset"
    return {
        url.find("s:loc", NS).text: [link.get("hreflang") for link in url.findall("x:link", NS)]
        for url in root.findall("s:url", NS)
    }


def sitemap_urls(client):
    """``{loc: [hreflang codes]}`` over every part of the sitemap; no address is in two parts."""
    result = {}
    for address, body in part_bodies(client).items():
        for loc, codes in urls_of(body).items():
            assert loc not in result, f"{loc} is in two parts (again in {address})"
            result[loc] = codes
    return result


def sitemap_text(client):
    """The index and every part, as one text (to look for an address or an alternate in)."""
    bodies = [client.get("/sitemap.xml").content, *part_bodies(client).values()]
    return b"\n".join(bodies).decode()
