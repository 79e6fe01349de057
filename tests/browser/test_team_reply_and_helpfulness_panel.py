"""The team answers a reader under their comment; an editor reads a guide's helpfulness
figures in its editor. In Chromium, then as an anonymous visitor."""

import pytest
from playwright.sync_api import expect

from . import test_review_workflow
from .test_comment_moderation import send_comment
from .test_review_workflow import log_in

pytestmark = pytest.mark.browser
people = test_review_workflow.people  # Edith the editor, Rita the reviewer, Simone the manager.


def test_the_teams_reply_shows_under_the_readers_comment(page, browser, live_site, people):
    visitor = browser.new_context().new_page()
    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    send_comment(visitor, "Sam Reader", "Does the spasm come back when a dose wears off?")
    expect(visitor.locator("#comment-status")).to_contain_text("once a moderator has approved")

    log_in(page, live_site, "simone")
    page.get_by_role("link", name="Comments").first.click()
    row = page.locator("tr").filter(has_text="Sam Reader")
    row.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("Approved")
    page.locator("tr").filter(has_text="Sam Reader").get_by_role(
        "link", name="Reply as the team"
    ).click()
    page.get_by_label("Name").fill("The Condition Guides team")
    page.get_by_label("Text").fill("It can. Talk to your neurologist about the timing of doses.")
    page.get_by_role("button", name="Create").click()
    expect(page.locator(".messages")).to_contain_text("created")

    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    comment = visitor.locator(".comments__list > li").filter(has_text="Sam Reader")
    reply = comment.locator("li.comment--reply")
    expect(reply).to_have_count(1)
    expect(reply).to_contain_text("Reply from our team")
    expect(reply).to_contain_text("Talk to your neurologist about the timing of doses.")
    # A reply is shown once, under its comment, not again as a comment of its own.
    expect(visitor.get_by_text("Talk to your neurologist about the timing")).to_have_count(1)
    visitor.context.close()


def test_an_editor_sees_readers_answers_in_the_guides_settings(page, browser, live_site, people):
    for answer in ("No", "Yes"):
        context = browser.new_context(java_script_enabled=False)
        visitor = context.new_page()
        visitor.goto(live_site.url("/en/conditions/dystonia/"))
        visitor.locator("form.helpful__form").get_by_role("button", name=answer).click()
        if answer == "No":
            visitor.get_by_label("What was missing?").fill("Whether it helps children")
            visitor.get_by_role("button", name="Send").click()
        expect(visitor.locator(".helpful__thanks")).to_contain_text("Thank you for your answer.")
        context.close()

    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/{live_site.guide.pk}/edit/"))
    page.get_by_role("tab", name="Settings").click()
    panel = page.locator("[data-helpfulness-panel]")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("2 answers: 1 Yes, 1 No (50% No).")
    expect(panel).to_contain_text("Whether it helps children")
    panel.get_by_role("link", name="See this guide in the").click()
    expect(page.locator("tr").filter(has_text="Dystonia")).to_contain_text("50%")
