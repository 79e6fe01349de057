"""A reader's comment in Chromium with JavaScript off: the cached guide's form has no
token, so the visitor is asked to send it again, with what they wrote kept."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
TEXT = "Thank you.\nCould you say more about how long it takes to see a doctor?"


def test_a_comment_without_javascript_is_kept_and_sent_again(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    visitor = context.new_page()
    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    form = visitor.locator("form.comment-form")
    form.get_by_label("Name").fill("Sam Reader")
    form.get_by_label("Email").fill("sam@example.org")
    form.get_by_label("Comment").fill(TEXT)
    form.get_by_role("button", name="Send comment").click()

    expect(visitor.locator("#comment-resend")).to_contain_text("has not been sent yet")
    form = visitor.locator("form.comment-form")
    expect(form.get_by_label("Name")).to_have_value("Sam Reader")
    expect(form.get_by_label("Email")).to_have_value("sam@example.org")
    expect(form.get_by_label("Comment")).to_have_value(TEXT)
    form.get_by_role("button", name="Send comment").click()

    expect(visitor.locator("#comment-status")).to_contain_text(
        "Thank you: your comment will appear once a moderator has approved it."
    )
    context.close()
