"""An editor writes, previews and submits a guide; a reviewer approves; the public sees it.

Also saves the screenshots docs/editors-guide.md uses (docs/images/).
"""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
PASSWORD = "a-browser-test-password"


@pytest.fixture
def people(live_site):
    User = get_user_model()
    people = {}
    for username, first, last, group in [
        ("edith", "Edith", "Editor", "Editors"),
        ("rita", "Rita", "Okafor", "Medical reviewers"),
        ("simone", "Simone", "Manager", "Site managers"),
    ]:
        user = User.objects.create_user(
            username, f"{username}@example.com", PASSWORD, first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    return people


def screenshot_for_docs(page, name):
    """A screenshot for docs/editors-guide.md, reduced to 128 colours to stay small."""
    DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot()))
    image.convert("RGB").quantize(colors=128).save(DOCS_IMAGES / f"{name}.png", optimize=True)


def log_in(page, live_site, username):
    page.goto(live_site.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site.url("/admin/"))


def type_rich_text(page, nth, text):
    """Type into the page's nth rich-text editor, as an editor does, and wait until the form
    holds the text: Draftail stores what was typed a quarter second after the last key."""
    page.locator(".public-DraftEditor-content").nth(nth).click()
    page.keyboard.type(text)
    stored = page.locator("input:has(+ .Draftail-Editor__wrapper)").nth(nth)
    expect(stored).to_have_value(re.compile(re.escape(text)))


def add_block(page, label):
    page.locator("[data-streamfield-list-container] + button, .c-sf-add-button").last.click()
    page.get_by_role("option", name=label).click()


def test_editor_submits_reviewer_approves_public_sees(page, browser, live_site, people):
    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/add/conditions/conditionpage/{live_site.index.pk}/"))
    page.fill("#id_title", "Restless legs syndrome")
    page.fill("#id_summary", "An urge to move the legs, usually in the evening.")

    # A new guide opens with its Overview section, empty.
    type_rich_text(page, 0, "Restless legs syndrome causes an urge to move your legs.")
    add_block(page, "Cannabis evidence")
    type_rich_text(page, 1, "There is not enough good research to know if cannabis helps.")
    page.fill("#id_next_review_due", "2029-06-01")
    screenshot_for_docs(page, "01-writing-a-guide")

    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("body")).to_contain_text(
        "What research says about cannabis", timeout=15_000
    )
    screenshot_for_docs(page, "02-live-preview")
    page.locator('[data-side-panel-toggle="preview"]').click()
    expect(page.locator("#w-preview-iframe")).to_be_hidden()

    page.get_by_role("button", name="More actions").click()
    submit = page.get_by_role("button", name="Submit for medical review")
    expect(submit).to_be_visible()
    page.wait_for_timeout(500)  # Let the menu finish opening for the screenshot.
    screenshot_for_docs(page, "03-submit-for-medical-review")
    submit.click()
    expect(page.locator(".messages")).to_contain_text("sent for medical review")

    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, live_site, "rita")
    expect(reviewer.locator("body")).to_contain_text("Restless legs syndrome")
    screenshot_for_docs(reviewer, "04-reviewer-dashboard")
    reviewer.get_by_role("link", name="Restless legs syndrome").first.click()
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name="Approve").click()
    dialog = reviewer.locator(".modal-content").filter(has_text="not clinical")
    expect(dialog).to_be_visible()
    reviewer.wait_for_timeout(500)
    screenshot_for_docs(reviewer, "05-approve")
    dialog.get_by_role("button", name="Approve").click()
    # The edit form may already show a message area; wait for the approval's own outcome.
    expect(reviewer.locator(".messages")).to_contain_text(
        "'Restless legs syndrome' approved and published."
    )
    reviewer.context.close()

    visitor = browser.new_context().new_page()
    response = visitor.goto(live_site.url("/en/conditions/restless-legs-syndrome/"))
    assert response.status == 200
    expect(visitor.locator("h1")).to_have_text("Restless legs syndrome")
    expect(visitor.locator("main")).to_contain_text("What research says about cannabis")
    expect(visitor.locator("main")).to_contain_text("Rita Okafor")
    visitor.context.close()


def test_editor_shares_a_draft_with_a_clinician(page, browser, live_site, people):
    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/{live_site.guide.pk}/edit/"))
    page.locator("header").get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Share draft").click()
    page.fill("#id_note", "Dr Lee, neurologist")
    page.get_by_role("button", name="Make link").click()
    link = page.locator("#new-share-link")
    expect(link).to_be_visible()
    screenshot_for_docs(page, "06-share-a-draft")

    clinician = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    response = clinician.goto(link.input_value())
    assert response.status == 200
    assert "noindex" in response.headers["x-robots-tag"]
    expect(clinician.locator(".draft-banner")).to_contain_text("Draft, not published")
    screenshot_for_docs(clinician, "07-shared-draft")
    clinician.context.close()
