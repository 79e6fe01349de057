"""The guide body's block definitions, packed for the editor once per process and language.

Wagtail's ``BlockWidget`` packs the whole StreamField definition (every block, label, help
text and widget; about 38 kB for a guide) into JSON for each form it renders: some 40 ms of
every edit form, new-guide form and Save draft on this machine. The definition only changes
with the code and the interface language, so it is packed once per both. Wagtail has no
public setting for this; this module is the one place that relies on ``BlockWidget``'s
private ``_build_block_json``, ``_js_context`` and ``_block_json``, and
``tests/editing/test_block_definitions.py`` fails if they change.
"""

from django.utils.translation import get_language
from wagtail.blocks.base import BlockWidget

_packed = {}


class CachedBlockWidget(BlockWidget):
    """A ``BlockWidget`` that reuses the definition packed by an earlier form."""

    def _build_block_json(self):
        key = (id(self.block_def), get_language())
        cached = _packed.get(key)
        if cached is None or cached[0] is not self.block_def:
            super()._build_block_json()
            cached = _packed[key] = (self.block_def, self._js_context, self._block_json)
        self._js_context, self._block_json = cached[1], cached[2]


def cache_block_definitions(form):
    """Give every StreamField of ``form`` the cached widget."""
    for field in form.fields.values():
        if type(field.widget) is BlockWidget:
            field.widget = CachedBlockWidget(field.block)
