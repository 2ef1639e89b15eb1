"""Images as the site shows them: the renditions of each use (``templates/includes/image.html``),
loading them with their renditions in a constant number of queries, a page's image for sharing
(Open Graph) and for schema.org.

The alternative text of an image is its ``description`` (Wagtail's ``default_alt_text``: the
title when there is no description).
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from core.cachetags import cached, page_tag, type_tag
from core.dependencies import CHROME
from core.links import public_url
from core.models import SiteSettings

# The renditions ``templates/includes/image.html`` asks for, per use.
CARD_RENDITIONS = ("fill-400x300", "fill-800x600")
DETAIL_RENDITIONS = ("width-480", "width-800", "width-1200")
HERO_RENDITIONS = ("fill-800x300", "fill-1600x600")
OPEN_GRAPH_RENDITION = "fill-1200x630"
JSON_LD_RENDITION = "width-1200"
# Every rendition the site asks for. A prefetch must bring all those its objects may be asked
# for: Wagtail takes a rendition missing from prefetched ones for one that does not exist, and
# makes it again (a new file under another name, on every request).
SITE_RENDITIONS = (
    *CARD_RENDITIONS,
    *DETAIL_RENDITIONS,
    *HERO_RENDITIONS,
    OPEN_GRAPH_RENDITION,
    "max-800x600",
    "max-1600x1200",  # the API's medium and large (``core.blocks.IMAGE_RENDITIONS``), museums' JSON-LD
)
# The page's own image fields, in the order a page's image for sharing is chosen from.
PAGE_IMAGE_FIELDS = ("social_image", "image", "hero_image", "listing_image")


def renditions_to_make(images, hero_ids=()):
    """``[(image, specs)]`` for the images of ``images`` that lack some rendition the site shows:
    a home page's hero (``hero_ids``) all of ``SITE_RENDITIONS``, any other image those but the
    hero's. One query for the renditions already made."""
    others = tuple(spec for spec in SITE_RENDITIONS if spec not in HERO_RENDITIONS)
    made = {}
    rendition_model = get_image_model().get_rendition_model()
    for image_id, spec in rendition_model.objects.filter(image__in=images).values_list(
        "image_id", "filter_spec"
    ):
        made.setdefault(image_id, set()).add(spec)
    todo = []
    for image in images:
        specs = SITE_RENDITIONS if image.pk in hero_ids else others
        if not set(specs) <= made.get(image.pk, set()):
            todo.append((image, specs))
    return todo


def images_with_renditions(*specs):
    """The image queryset that brings ``specs``' renditions along (one more query)."""
    return get_image_model().objects.prefetch_renditions(*specs)


def image_prefetch(lookup, *specs):
    """A ``Prefetch`` of the image at ``lookup`` (e.g. ``"image"``, ``"event__image"``) with its
    renditions (of ``specs``, by default every one the site uses): two queries for any number
    of items."""
    return Prefetch(lookup, queryset=images_with_renditions(*(specs or SITE_RENDITIONS)))


def attach_images(objects, fields=PAGE_IMAGE_FIELDS, specs=SITE_RENDITIONS):
    """Load the images that ``objects`` (pages of any types) name in ``fields`` with the
    renditions of ``specs``, in two queries for all, and set them on the objects."""
    ids = {
        getattr(obj, f"{field}_id", None)
        for obj in objects
        for field in fields
        if hasattr(obj, f"{field}_id")
    } - {None}
    if not ids:
        return objects
    images = images_with_renditions(*specs).in_bulk(ids)
    for obj in objects:
        for field in fields:
            image_id = getattr(obj, f"{field}_id", None)
            if image_id in images:
                setattr(obj, field, images[image_id])
    return objects


def page_image(page):
    """The page's own image: the first of ``PAGE_IMAGE_FIELDS`` it has set, or ``None``."""
    for field in PAGE_IMAGE_FIELDS:
        if getattr(page, f"{field}_id", None):
            return getattr(page, field)
    return None


def rendition_data(image, spec):
    """``{"url", "width", "height", "alt"}`` of ``image`` at ``spec`` (the address public)."""
    rendition = image.get_rendition(spec)
    return {
        "url": public_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def open_graph_image(page, site=None):
    """The Open Graph image of ``page``: its own image, else the default social image of
    ``site``'s settings, as ``rendition_data`` at 1200 × 630; ``None`` without either.

    Kept until the page, an image or the site settings change: a page served from the cache
    costs no query for it."""

    def compute():
        image = page_image(page)
        if image is None and site is not None:
            image = SiteSettings.for_site(site).social_image
        return rendition_data(image, OPEN_GRAPH_RENDITION) if image is not None else None

    key = f"og-image:{page.pk}:{site.pk if site is not None else 0}"
    return cached(key, [page_tag(page), type_tag(get_image_model()), CHROME], compute)


def json_ld_image(image):
    """schema.org's ``image`` of a page: an ``ImageObject`` (``None`` without an image)."""
    if image is None:
        return None
    data = rendition_data(image, JSON_LD_RENDITION)
    return {
        "@type": "ImageObject",
        "url": data["url"],
        "width": data["width"],
        "height": data["height"],
        "description": data["alt"],
    }
