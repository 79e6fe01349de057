"""Names for translation segments, the way the editor of the source page labels its fields.

wagtail-localize labels a segment inside a StreamField with its block and the block's
first child: every field of every study reads "Studies". Walking the source value
along the segment's path gives "Study 2 › Finding" instead.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField


def _label(block):
    return str(capfirst(block.label or block.name.replace("_", " ")))


def _inner_blocks(block, value, path):
    """[(label, block)] along ``path`` below a block, skipping what the reader does not see."""
    if not path:
        return []
    key, rest = path[0], path[1:]
    if isinstance(block, blocks.StreamBlock):
        child = next((child for child in value or [] if child.id == key), None)
        if child is None:
            return []
        return [(_label(child.block), child.block)] + _inner_blocks(child.block, child.value, rest)
    if isinstance(block, blocks.StructBlock):
        child_block = block.child_blocks.get(key)
        if child_block is None:
            return []
        inner = _inner_blocks(child_block, value.get(key) if value else None, rest)
        if isinstance(child_block, blocks.ListBlock) and inner:
            return inner  # "Study 2" says more than "Studies"
        return [(_label(child_block), child_block)] + inner
    if isinstance(block, blocks.ListBlock):
        items = value.bound_blocks if value is not None else []
        for number, item in enumerate(items, start=1):
            if item.id == key:
                label = f"{_label(block.child_block)} {number}"
                return [(label, block.child_block)] + _inner_blocks(
                    block.child_block, item.value, rest
                )
    return []


def segment_location(instance, path):
    """(labels, help text) of the field a segment comes from, outermost first.

    ``path`` is the segment's content path (``body.<block id>.studies.<item id>.title``).
    Returns ``None`` when the path is not in a StreamField of ``instance``.
    """
    field_name, *rest = path.split(".")
    try:
        field = instance._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    if not isinstance(field, StreamField):
        return None
    inner = _inner_blocks(field.stream_block, getattr(instance, field_name), rest)
    if not inner:
        return None
    labels = [label for label, _block in inner]
    return labels, str(getattr(inner[-1][1].meta, "help_text", None) or "")


def segment_label(instance, path):
    """The segment's field as one line, such as "Cannabis evidence › Study 2 › Finding"."""
    location = segment_location(instance, path)
    if location is None:
        field_name = path.split(".")[0]
        try:
            return str(capfirst(instance._meta.get_field(field_name).verbose_name))
        except FieldDoesNotExist:
            return path
    return " › ".join(location[0])
