"""What a guide needs before medical review, and what an editor should look at twice.

Problems block submission for review; warnings are shown but never block.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from conditions.models import NEXT_REVIEW_DUE_REQUIRED

HTTP_LINK = re.compile(r"\bhttp://[^\s\"'<>]+")


def submission_problems(page):
    """Reasons the guide cannot go to medical review yet, in the editor's words.

    The editor's form shows the same rules at their fields (ConditionPageForm); this
    list is for places without that form, such as submitting a translation.
    """
    problems = []
    if not page.next_review_due:
        problems.append(str(NEXT_REVIEW_DUE_REQUIRED))
    stream_block = page.body.stream_block
    try:
        stream_block.clean(page.body)
    except ValidationError as error:
        data = error.as_json_data() if hasattr(error, "as_json_data") else {}
        problems += data.get("messages", [])
        for index, child in (data.get("blockErrors") or {}).items():
            problems += _error_messages(child, section_name(page.body[int(index)]))
    return problems


def section_name(block):
    """A body block as the editor knows it: its heading, or the kind of block it is."""
    heading_for = getattr(block.block, "heading_for", None)
    return str(heading_for(block.value) if heading_for else block.block.label)


def _error_messages(data, where=""):
    """Flatten a block's nested errors into "Section: message" lines."""
    prefix = f"{where}: " if where else ""
    messages = [f"{prefix}{message}" for message in data.get("messages", [])]
    for child in (data.get("blockErrors") or {}).values():
        messages += _error_messages(child, where)
    return messages


def flagged_words(words_setting):
    return [word.strip() for word in words_setting.splitlines() if word.strip()]


# Words that, just before a flagged word, make the sentence say the opposite:
# "There is no cure", "it is not a miracle", "no hay cura".
NEGATIONS = {
    "no", "not", "never", "without", "cannot", "can't", "isn't", "aren't", "won't",
    "nor", "neither", "nothing", "sin", "nunca", "ni", "tampoco",
}  # fmt: skip
NEGATION_REACH = 3  # words
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sections_of(page):
    """(section, text) for each part of the guide an editor writes, tags removed."""
    model = type(page)
    for field_name in ("title", "summary", "also_known_as"):
        value = getattr(page, field_name, "")
        if value:
            yield str(model._meta.get_field(field_name).verbose_name).capitalize(), value
    for block in page.body:
        texts = block.block.get_searchable_content(block.value)
        text = " ".join(strip_tags(str(text)) for text in texts if text)
        if text.strip():
            yield section_name(block), text


def _is_negated(sentence, start):
    words = re.findall(r"[\w']+", sentence[:start].lower())
    return any(word in NEGATIONS for word in words[-NEGATION_REACH:])


def flagged_claims(page, claim_words):
    """(section, sentence, words) for each sentence making a claim regulators flag."""
    patterns = [
        (word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags=re.IGNORECASE))
        for word in claim_words
    ]
    for section, text in _sections_of(page):
        for sentence in SENTENCE_END.split(" ".join(text.split())):
            found = [
                word
                for word, pattern in patterns
                if any(not _is_negated(sentence, m.start()) for m in pattern.finditer(sentence))
            ]
            if found:
                yield section, sentence, found


def _strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings_in(item)


def editor_warnings(page, claim_words):
    """Things worth a second look: regulator-flagged claims, insecure links, missing alt text."""
    warnings = []
    for section, sentence, words in flagged_claims(page, claim_words):
        warnings.append(
            _(
                "%(section)s: “%(sentence)s” Health regulators flag claims like %(words)s. "
                "Check the guide does not promise what the evidence cannot."
            )
            % {
                "section": section,
                "sentence": sentence,
                "words": ", ".join(f"“{word}”" for word in words),
            }
        )

    strings = _strings_in(page.body.get_prep_value())
    insecure = sorted({link for value in strings for link in HTTP_LINK.findall(value)})
    if insecure:
        warnings.append(
            _(
                "These links use http: instead of https: %(links)s. Use the https: address "
                "if the site has one."
            )
            % {"links": ", ".join(insecure)}
        )

    missing_alt = 0
    for block in page.body:
        if block.block_type == "image":
            image = block.value["image"]
            if image and not image.decorative and not (image.contextual_alt_text or "").strip():
                missing_alt += 1
    if page.hero_image_id and not page.hero_image_alt.strip():
        missing_alt += 1
    if missing_alt:
        warnings.append(
            _("%(count)s image(s) have no description for people who cannot see them.")
            % {"count": missing_alt}
        )
    return warnings
