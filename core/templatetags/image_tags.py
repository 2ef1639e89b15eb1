"""Template tags for images: a page's Open Graph image (``core.images``)."""

from django import template

from core.images import open_graph_image
from core.routing import find_site

register = template.Library()


@register.simple_tag(takes_context=True)
def og_image(context, page):
    """``{% og_image page as og %}``: ``{"url", "width", "height", "alt"}`` of the image shown
    when ``page`` is shared (its own, else the site's default social image), or ``None``."""
    return open_graph_image(page, find_site(context.get("request")))
