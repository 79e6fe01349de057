from django import template

from conditions.images import picture

register = template.Library()


@register.simple_tag
def guide_picture(image, size, **attrs):
    """A responsive ``<picture>`` of an image at one of the sizes in ``conditions.images``."""
    if not image:
        return ""
    return picture(image, size, **attrs).__html__()
