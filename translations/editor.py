"""wagtail-localize's translation editor, adjusted for translations that go through review.

The one place that reads the private contract between wagtail-localize's
``edit_translation`` view and its React editor: the JSON ``props`` its template puts
in ``data-props``. ``tests/i18n/test_translation_editor.py`` fails loudly if an
upgrade renames what is adjusted here.

- Delete, Lock and "Convert to alias page" are not in the editor's footer: the React
  footer makes its last action the big button, which was Delete for editors and Lock
  for reviewers. Delete and Lock stay where Wagtail keeps them (the header's Actions
  menu, the status side panel). An alias would replace the reviewed translation with
  the source page's text, unreviewed in this language. The footer's remaining main
  action is "Stop Synced translation", which loses nothing and can be undone.
- "Translate with …" asks first: its form goes to a confirmation page.
- Segments inside lists are named by item and field ("Study 2 › Finding"), not by
  the list ("Studies").
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from .labels import segment_location


def reviewed_editor_props(props_json, translation):
    props = json.loads(props_json)
    props["perms"]["canDelete"] = False
    props["perms"]["canLock"] = False
    props["links"]["convertToAliasUrl"] = None
    if props.get("machineTranslator"):
        props["machineTranslator"]["url"] = reverse(
            "translations:confirm_machine_translation", args=[translation.pk]
        )
    source = translation.source.as_instance()
    for segment in props["segments"]:
        location = segment_location(source, segment["contentPath"])
        if location is not None:
            labels, _help_text = location
            segment["location"]["subField"] = " › ".join(labels[1:]) or None
    return json.dumps(props, cls=DjangoJSONEncoder)
