"""An editor translates a guide into Spanish, a reviewer approves it, and it is live in Spanish.

The whole journey through the admin in Chromium: "Translate this page", the
development machine translator (which asks first), a refused submission while its
"[ES]" marks remain, every segment typed and saved in wagtail-localize's editor,
"Submit for medical review", the reviewer's Approve at the top of the translation
editor, and the public Spanish page read by an anonymous visitor.
"""

import pytest
from django.db.models import F
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from home.site_tree import get_or_create_conditions_index
from tests.browser.test_review_workflow import log_in, people  # noqa: F401
from tests.i18n.spanish import DYSTONIA

pytestmark = pytest.mark.browser

SPANISH = DYSTONIA | {
    "A short summary of dystonia.": "Un breve resumen sobre la distonía.",
    "Torsion dystonia": "Distonía de torsión",
    "Third study": "Tercer estudio",
    "A qualifying condition in some US states.": (
        "Una condición admitida para el cannabis medicinal en algunos estados de EE. UU."
    ),
}


@pytest.fixture
def spanish_site(live_site):
    get_or_create_conditions_index(Locale.objects.get_or_create(language_code="es")[0])
    return live_site


def translate_every_segment(page):
    """Type the Spanish of every segment on every tab, saving each as a translator does."""
    editor = page.locator(".js-translation-editor")
    tabs = editor.get_by_role("tab")
    expect(tabs.first).to_be_visible()
    for tab_number in range(tabs.count()):
        tabs.nth(tab_number).click()
        segments = editor.locator("li.complete:visible, li.incomplete:visible")
        expect(segments.first).to_be_visible()
        for number in range(segments.count()):
            segment = segments.nth(number)
            source = segment.locator(":scope > p").first.inner_text().strip()
            assert source in SPANISH, f"No Spanish for the segment {source!r}"
            segment.get_by_role("button", name="Edit").or_(
                segment.get_by_role("button", name="Translate")
            ).click()
            segment.locator("textarea").press("Control+A")
            page.keyboard.type(SPANISH[source])
            segment.get_by_role("button", name="Save").click()
            expect(segment).not_to_contain_text("Saving...")
            expect(segment.locator(":scope > div")).to_have_text(SPANISH[source])


def empty_segment_count(guide):
    """How many of the guide's texts have no Spanish translation yet, read from the database."""
    translation = Translation.objects.get(
        source__object_id=guide.translation_key, target_locale__language_code="es"
    )
    return (
        StringSegment.objects.filter(source=translation.source)
        .exclude(
            string__translations__locale=translation.target_locale,
            string__translations__context=F("context"),
        )
        .count()
    )


@pytest.mark.usefixtures("people")
def test_a_reviewed_spanish_translation_goes_live_in_spanish(page, browser, spanish_site):
    log_in(page, spanish_site, "edith")
    page.goto(spanish_site.url(f"/admin/pages/{spanish_site.guide.pk}/edit/"))
    page.locator("header").get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Spanish").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".js-translation-editor")).to_contain_text("Dystonia makes muscles")
    footer = page.locator(".js-translation-editor footer")
    expect(footer).to_contain_text("Preview")
    for risky in ("Delete", "Lock", "Convert to alias page", "Publish"):
        expect(footer).not_to_contain_text(risky)

    # The machine translator asks first, then marks every segment "[ES]".
    page.get_by_role("button", name="Translate with Development translator").click()
    expect(page.locator("main")).to_contain_text("cannot go to medical review")
    empty = empty_segment_count(spanish_site.guide)
    page.get_by_role("button", name=f"Fill {empty} empty segments").click()
    expect(page.locator(".js-translation-editor")).to_contain_text("[ES] Often unknown.")

    # Marked text cannot go to review.
    page.get_by_role("link", name="Submit for medical review").click()
    refusal = page.locator("#marked-segments")
    expect(refusal).to_contain_text(f"{empty} segments still have the development translator")
    expect(refusal).to_contain_text("Cannabis evidence › Study 2 › Title")
    expect(page.get_by_role("button", name="Submit for medical review")).to_have_count(0)
    page.get_by_role("link", name="Back to the translation").click()

    translate_every_segment(page)

    page.get_by_role("link", name="Submit for medical review").click()
    expect(page.locator("#marked-segments")).to_have_count(0)
    page.get_by_role("button", name="Submit for medical review").click()
    expect(page.locator(".messages")).to_contain_text("'Distonía' was sent for medical review.")

    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, spanish_site, "rita")
    reviewer.get_by_role("link", name="Distonía").first.click()
    banner = reviewer.locator(".translation-review-actions")
    expect(banner).to_contain_text("waiting for your medical review")
    expect(reviewer.locator(".js-translation-editor footer")).not_to_contain_text("Lock")
    banner.get_by_role("button", name="Approve").click()
    dialog = reviewer.locator(".modal-content").filter(has_text="not clinical")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".translation-review-actions")).to_have_count(0)
    reviewer.context.close()

    visitor = browser.new_context().new_page()
    response = visitor.goto(spanish_site.url("/es/conditions/distonia/"))
    assert response.status == 200
    expect(visitor.locator("h1")).to_have_text("Distonía")
    main = visitor.locator("main")
    expect(main).to_contain_text("La distonía hace que los músculos se contraigan solos.")
    expect(main).to_contain_text("Tercer estudio")
    expect(main).not_to_contain_text("Dystonia makes muscles")
    expect(main).not_to_contain_text("[ES]")
    visitor.context.close()
