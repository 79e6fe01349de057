"""Share images are made when a guide is published or the settings saved: no reader waits."""

import logging

from wagtail.images.models import SourceImageIOError

from .sharing import SHARE_IMAGE_SPEC

logger = logging.getLogger(__name__)


def _make(image):
    if image is None:
        return
    try:
        image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        logger.warning("The original of image %s is missing", image.pk)


def make_share_image_on_publish(instance, **kwargs):
    if getattr(instance, "hero_image_id", None):
        _make(instance.hero_image)


def make_default_share_image(instance, **kwargs):
    if instance.default_share_image_id:
        _make(instance.default_share_image)
