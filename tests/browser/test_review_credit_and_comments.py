"""The review journeys an editor and a reviewer make through the admin, in Chromium.

An editor cannot write the review credit; the reviewer's approval does, from the name
and role in their account settings. A reviewer's request for changes greets the editor
at the top of the guide. A new guide shows no error until it is sent, then one round.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from . import test_review_workflow
from .test_review_workflow import log_in, type_rich_text

pytestmark = pytest.mark.browser
people = test_review_workflow.people  # Edith the editor, Rita the reviewer, Simone the manager.
CURE_COMMENT = "Remove the claim of a cure: no study shows it."


def today():
    return timezone.localdate().strftime("%-d %B %Y")


def open_more_actions(page):
    page.get_by_role("button", name="More actions").click()


def submit_for_review(page):
    open_more_actions(page)
    page.get_by_role("button", name=re.compile("ubmit for medical review")).click()


def test_only_the_reviewers_approval_writes_the_review_credit(page, browser, live_site, people):
    guide = live_site.guide
    # The reviewer says how guides credit them, in their own account settings.
    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, live_site, "rita")
    reviewer.goto(live_site.url("/admin/account/"))
    reviewer.get_by_label("Name on guides").fill("Dr Rita Okafor")
    reviewer.get_by_label("Role").fill("consultant neurologist")
    reviewer.get_by_role("button", name=re.compile("^Save")).click()
    expect(reviewer.locator(".messages")).to_contain_text("changed successfully")

    # The editor sees the credit but cannot type in it.
    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    credit = page.get_by_role("textbox", name="Reviewed by")
    expect(credit).to_contain_text("Dr Test Reviewer, neurologist")
    expect(credit).to_have_attribute("aria-readonly", "true")
    expect(page.get_by_role("textbox", name="Last reviewed")).to_have_attribute(
        "aria-readonly", "true"
    )
    expect(page.locator("[name='reviewed_by'], [name='last_reviewed']")).to_have_count(0)
    page.fill("#id_summary", "Dystonia makes muscles tighten on their own, often painfully.")
    submit_for_review(page)
    expect(page.locator(".messages")).to_contain_text("'Dystonia' has been sent for medical review")

    # The reviewer sees what changed, and approves it as a clinical review.
    reviewer.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    open_more_actions(reviewer)
    reviewer.get_by_role("button", name="Approve").click()
    dialog = reviewer.locator(".modal-content").filter(has_text="not clinical")
    summary = dialog.locator("[data-approval-summary]")
    expect(summary).to_contain_text("What changed since the last approved version")
    expect(summary.locator("li")).to_contain_text(["Summary"])
    expect(summary).to_contain_text("Dr Rita Okafor, consultant neurologist")
    expect(
        summary.get_by_role("link", name="Compare with the last approved version")
    ).to_be_visible()
    dialog.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".messages")).to_contain_text("'Dystonia' approved and published.")
    reviewer.context.close()

    visitor = browser.new_context().new_page()
    visitor.goto(live_site.url("/en/conditions/dystonia/"))
    dates = visitor.locator(".review-dates")
    expect(dates).to_contain_text(
        f"Page last reviewed: {today()} by Dr Rita Okafor, consultant neurologist"
    )
    expect(visitor.locator("main")).not_to_contain_text("Dr Test Reviewer")
    visitor.context.close()


def test_the_editor_finds_the_reviewers_comment_at_the_top_of_the_guide(
    page, browser, live_site, people
):
    guide = live_site.guide
    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    page.fill("#id_summary", "Cannabis cures dystonia.")
    submit_for_review(page)
    expect(page.locator(".messages")).to_contain_text("sent for medical review")

    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, live_site, "rita")
    reviewer.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    open_more_actions(reviewer)
    reviewer.get_by_role("button", name="Request changes").click()
    dialog = reviewer.locator(".modal-content").filter(has_text="What needs to change")
    dialog.get_by_label("What needs to change").fill(
        "Remove the claim of a cure: no study shows it."
    )
    dialog.get_by_role("button", name="Request changes").click()
    expect(reviewer.locator(".messages")).to_contain_text("Changes requested on 'Dystonia'")
    reviewer.context.close()

    page.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    banner = page.locator("[data-reviewer-comment]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(f"Rita Okafor asked for changes on {today()}")
    expect(banner).to_contain_text(CURE_COMMENT)
    # At the top: above the title field.
    banner_top = banner.bounding_box()["y"]
    assert banner_top < page.locator("#id_title").bounding_box()["y"]
    expect(page.locator("body")).not_to_contain_text("Moderation")

    page.fill("#id_summary", "Research on cannabis for dystonia is thin.")
    submit_for_review(page)
    page.goto(live_site.url(f"/admin/pages/{guide.pk}/edit/"))
    expect(page.locator("[data-reviewer-comment]")).to_have_count(0)


def test_a_new_guide_shows_errors_only_when_sent_and_at_their_fields(page, live_site, people):
    log_in(page, live_site, "edith")
    page.goto(live_site.url(f"/admin/pages/add/conditions/conditionpage/{live_site.index.pk}/"))
    expect(page.locator("[data-contentpath='body']")).to_contain_text("Overview")
    page.wait_for_timeout(1000)  # Give any client-side validation time to show itself.
    expect(page.locator(".error-message, .help-critical")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("The minimum number of items is 1")

    page.locator("#id_title").press_sequentially("Restless legs syndrome")
    # Wagtail fills the slug from the title a moment after typing stops.
    expect(page.locator("#id_slug")).to_have_value("restless-legs-syndrome")
    submit_for_review(page)

    # One round: Wagtail's message, and each error at its own field or block.
    messages = page.locator(".messages")
    # Autosave may already have created the draft while the title was typed.
    expect(messages).to_contain_text(re.compile("could not be (created|saved)"))
    expect(messages).not_to_contain_text("has been")
    expect(page.locator("[data-contentpath='summary']")).to_contain_text("This field is required")
    expect(page.locator("[data-contentpath='next_review_due']")).to_contain_text(
        "Set the date the guide must be reviewed again"
    )
    overview = page.locator("[data-contentpath='body'] [data-contentpath='content']").first
    expect(overview).to_contain_text("This field is required")

    page.fill("#id_summary", "An urge to move the legs, usually in the evening.")
    type_rich_text(page, 0, "Restless legs syndrome causes an urge to move your legs.")
    page.fill("#id_next_review_due", "2029-06-01")
    expect(page.locator("#id_next_review_due")).to_have_value("2029-06-01")
    submit_for_review(page)
    # Every error is gone (a failure here names the field still in error).
    expect(page.locator("form .error-message")).to_have_text([])
    # Autosave may already have created the draft: either way, it is sent.
    expect(page.locator(".messages")).to_contain_text(
        re.compile("'Restless legs syndrome' (created and )?(has been )?sent for medical review")
    )
