"""Bulk moderation in Chromium: a moderator approves two comments at once, both then show."""

import pytest
from playwright.sync_api import expect

from . import test_review_workflow
from .test_review_workflow import log_in

pytestmark = pytest.mark.browser
people = test_review_workflow.people  # Edith the editor, Rita the reviewer, Simone the manager.


def test_a_moderator_approves_two_comments_at_once(page, browser, live_site, people):
    from comments.models import Comment

    guide = live_site.guide
    for name in ("Ana Reader", "Ben Reader", "Cy Reader"):
        Comment.objects.create(guide=guide, name=name, text=f"A question from {name}.")

    log_in(page, live_site, "rita")
    page.get_by_role("link", name="Comments").first.click()
    for name in ("Ana Reader", "Ben Reader"):
        page.locator("tr").filter(has_text=name).locator("input[data-bulk-action-checkbox]").check()
    footer = page.locator("[data-bulk-action-footer]")
    footer.get_by_role("link", name="Approve the selected comments").click()
    expect(page.locator("main")).to_contain_text("A question from Ana Reader.")
    page.get_by_role("button", name="Yes, Approve").click()
    expect(page.locator(".messages")).to_contain_text("2 comments: Approved.")

    visitor = browser.new_context().new_page()
    visitor.goto(live_site.url(guide.url))
    comments = visitor.locator(".comments__list")
    expect(comments).to_contain_text("A question from Ana Reader.")
    expect(comments).to_contain_text("A question from Ben Reader.")
    expect(comments).not_to_contain_text("Cy Reader")
    visitor.context.close()
