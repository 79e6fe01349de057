"""The guide body's block definitions are packed once per process and language, and the
editor still gets exactly what Wagtail would have packed, in the editor's language."""

import json
import re

from django.utils import translation
from wagtail.blocks.base import BlockWidget

from conditions.models import ConditionPage
from editing.block_definitions import CachedBlockWidget


def body_block():
    return ConditionPage.body.field.stream_block


def packed(widget_class, language):
    """The packed definition, without the random keys and ids of the blocks' default values
    (Wagtail draws new ones at every packing; one page already shares them)."""
    with translation.override(language):
        block_json = widget_class(body_block()).block_json
    block_json = re.sub(r'\\"key\\": \\"\w+\\"', "KEY", block_json)
    return json.loads(re.sub(r'"id": "[0-9a-f-]{36}"', '"id": "ID"', block_json))


def test_the_editor_gets_the_definition_wagtail_packs():
    """Fails loudly if Wagtail renames what CachedBlockWidget relies on."""
    for name in ("_build_block_json", "_js_context", "_block_json"):
        assert hasattr(BlockWidget(body_block()), name), name
    assert packed(CachedBlockWidget, "en") == packed(BlockWidget, "en")
    assert CachedBlockWidget(body_block()).media._js == BlockWidget(body_block()).media._js


def test_a_spanish_editor_gets_spanish_labels_after_an_english_editor():
    english = packed(CachedBlockWidget, "en")
    spanish = packed(CachedBlockWidget, "es")
    assert spanish == packed(BlockWidget, "es")
    assert spanish != english
    assert packed(CachedBlockWidget, "en") == english


def test_the_edit_form_uses_the_cached_definition(client_for, guide):
    response = client_for("editor").get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200
    assert isinstance(response.context["form"].fields["body"].widget, CachedBlockWidget)
