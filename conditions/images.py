"""The sizes a guide's images are shown at, stated once for the templates and for publishing.

Each image is offered as WebP with a JPEG fallback, at two widths the browser chooses
from (``srcset``); every ``<img>`` has its width and height. The renditions are made
when a guide is published (``make_renditions``), so no reader waits for them.
"""

import logging

from wagtail.images.models import Filter, Picture, SourceImageIOError
from wagtail.images.shortcuts import get_renditions_or_not_found

logger = logging.getLogger(__name__)

SIZES = {
    # Under the title: the full width of the text column, 60rem at most.
    "hero": ("format-{webp,jpeg} width-{480,960}", "(min-width: 60rem) 60rem, 100vw"),
    # An image section in the body.
    "figure": ("format-{webp,jpeg} width-{400,800}", "(min-width: 50rem) 50rem, 100vw"),
}


def filter_specs(size):
    return Filter.expand_spec(SIZES[size][0])


def picture(image, size, **attrs):
    """``<picture>`` markup for an image at one of the sizes above."""
    # A missing original shows Wagtail's "not found" image rather than an error page.
    renditions = get_renditions_or_not_found(image, filter_specs(size))
    return Picture(renditions, {"sizes": SIZES[size][1], **attrs})


def guide_images(page):
    """(image, size) for each image a guide shows."""
    if page.hero_image_id and page.hero_image:
        yield page.hero_image, "hero"
    for block in page.body:
        if block.block_type == "image" and block.value["image"]:
            yield block.value["image"], "figure"


def make_renditions(page):
    for image, size in guide_images(page):
        try:
            image.get_renditions(*filter_specs(size))
        except SourceImageIOError:
            # Publishing goes on: the page shows Wagtail's "not found" image instead.
            logger.warning("The original of image %s is missing", image.pk)


def make_renditions_on_publish(instance, **kwargs):
    if hasattr(instance, "hero_image_id"):
        make_renditions(instance)
