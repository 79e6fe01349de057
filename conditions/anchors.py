"""The ids a guide page's templates already use, read from the templates themselves.

A section's anchor comes from its heading, so a section called "References" must not take
the id the references list uses. The templates are the one place those ids are written:
this reads every fixed ``id="..."`` (and ``search_id="..."``-style ids handed to an
included template) in the guide template and the templates it extends or includes by
name, so an id added to a template is reserved without a second list to keep. Ids built
from variables (``ref-{{ number }}``, ``{{ search_id }}-status``, form fields' auto ids)
are not read here; models.py rules out ``ref-N``.
"""

import re
from functools import cache

from django.template.loader import get_template

GUIDE_TEMPLATE = "conditions/condition_page.html"

_FIXED_ID = re.compile(r'\b(?:\w+_)?id="([A-Za-z][\w-]*)"')
_NAMED_TEMPLATE = re.compile(r'{%\s*(?:extends|include)\s+"([^"]+)"')


@cache
def reserved_anchors(template_name=GUIDE_TEMPLATE):
    """Every fixed id in ``template_name`` and the templates it extends or includes.

    Read once per process: templates change only with a deploy.
    """
    ids, seen, pending = set(), set(), [template_name]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        source = get_template(name).template.source
        ids.update(_FIXED_ID.findall(source))
        pending.extend(_NAMED_TEMPLATE.findall(source))
    return frozenset(ids)
