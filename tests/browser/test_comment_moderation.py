"""A reader's comment, in Chromium: held until a moderator approves it, then shown escaped."""

import re

import pytest
from playwright.sync_api import expect

from . import test_review_workflow
from .test_review_workflow import log_in

pytestmark = pytest.mark.browser
people = test_review_workflow.people  # Edith the editor, Rita the reviewer, Simone the manager.
HOSTILE = "<script>alert('x')</script> Thank you, this helped me understand it."


def send_comment(visitor, name, text):
    """Fill in and send the comment form of the guide the visitor is reading."""
    form = visitor.locator("form.comment-form")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Email").fill("reader@example.org")
    form.get_by_label("Comment").fill(text)
    form.get_by_role("button", name="Send comment").click()


def test_a_comment_shows_only_after_a_moderator_approves_it(page, browser, live_site, people):
    visitor = browser.new_context().new_page()
    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    send_comment(visitor, "Sam Reader", HOSTILE)
    status = visitor.locator("#comment-status")
    expect(status).to_contain_text(
        "Thank you: your comment will appear once a moderator has approved it."
    )
    expect(status).to_be_focused()
    expect(visitor.locator(".comments__list")).to_have_count(0)

    # The moderator approves it from the Comments menu.
    log_in(page, live_site, "edith")
    page.get_by_role("link", name="Comments").first.click()
    row = page.locator("tr").filter(has_text="Sam Reader")
    expect(row).to_contain_text("<script>alert('x')</script>")
    row.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("Approved")

    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    comment = visitor.locator(".comments__list li")
    expect(comment).to_contain_text("Sam Reader")
    expect(comment).to_contain_text(re.compile(r"<script>alert\('x'\)</script> Thank you"))
    expect(visitor.locator(".comments__list script")).to_have_count(0)
    visitor.context.close()
