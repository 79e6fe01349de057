"""What a guide needs before medical review, and what an editor should look at twice.

Problems block submission for review; warnings are shown but never block.
"""

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from conditions.evidence import EvidenceLevel, known_choice

HTTP_LINK = re.compile(r"\bhttp://[^\s\"'<>]+")


def submission_problems(page):
    """Reasons the guide cannot go to medical review yet, in the editor's words."""
    problems = []
    blocks = list(page.body)
    if not any(block.block_type == "overview" for block in blocks):
        problems.append(_("Add an Overview section."))
    if not page.next_review_due:
        problems.append(_("Set the 'Next review due' date."))
    for block in blocks:
        if block.block_type != "cannabis_evidence":
            continue
        level = known_choice(EvidenceLevel, block.value.get("evidence_level"))
        if level and level.rank > EvidenceLevel.INSUFFICIENT.rank and not block.value["studies"]:
            problems.append(
                _(
                    "The cannabis evidence section says '%(level)s': add the studies behind "
                    "it, or choose '%(insufficient)s'."
                )
                % {"level": level.label, "insufficient": EvidenceLevel.INSUFFICIENT.label}
            )
    return problems


def flagged_words(words_setting):
    return [word.strip() for word in words_setting.splitlines() if word.strip()]


def _text_of(page):
    texts = [page.title, page.summary, page.also_known_as]
    texts += page.body.stream_block.get_searchable_content(page.body)
    return strip_tags(" ".join(str(text) for text in texts if text))


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
    text = _text_of(page)
    found = [
        word
        for word in claim_words
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE)
    ]
    if found:
        warnings.append(
            _(
                "Health regulators flag claims like %(words)s. Check the guide does not promise "
                "what the evidence cannot."
            )
            % {"words": ", ".join(f"“{word}”" for word in found)}
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
