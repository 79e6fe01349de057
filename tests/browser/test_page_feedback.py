"""'Was this page helpful?' in Chromium with JavaScript off, then in the editors' report."""

import pytest
from playwright.sync_api import expect

from . import test_review_workflow
from .test_review_workflow import log_in

pytestmark = pytest.mark.browser
people = test_review_workflow.people  # Edith the editor, Rita the reviewer, Simone the manager.


def test_a_no_without_javascript_shows_in_the_report(page, browser, live_site, people):
    context = browser.new_context(java_script_enabled=False)
    visitor = context.new_page()
    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    helpful = visitor.locator("form.helpful__form")
    expect(helpful).to_contain_text("Was this page helpful?")
    helpful.get_by_role("button", name="No").click()
    expect(visitor.locator(".helpful__thanks")).to_contain_text("Thank you for your answer.")
    visitor.get_by_label("What was missing?").fill("How long treatment takes to work")
    visitor.get_by_role("button", name="Send").click()
    expect(visitor.locator(".helpful__thanks")).to_contain_text("Thank you for your answer.")
    context.close()

    log_in(page, live_site, "edith")
    page.goto(live_site.url("/admin/reports/page-feedback/"))
    row = page.locator("tr").filter(has_text="Dystonia")
    expect(row).to_contain_text("100%")
    expect(row).to_contain_text("How long treatment takes to work")
