"""An editor makes a share link, copies it with the button, then revokes it after confirming."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .test_review_workflow import log_in, people  # noqa: F401

pytestmark = pytest.mark.browser


def test_editor_copies_a_share_link_then_revokes_it(browser, live_site, people):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url("/"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, live_site, "edith")
        page.goto(live_site.url(reverse("review_share_links", args=[live_site.guide.pk])))
        page.locator("#id_note").fill("Dr Lee, neurologist")
        page.get_by_role("button", name="Make link").click()

        page.get_by_role("button", name="Copy link").click()
        expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#new-share-link").input_value()
        assert "/share/" in copied

        page.get_by_role("link", name="Revoke").click()
        expect(page.get_by_text("Revoke the link for Dr Lee, neurologist?")).to_be_visible()
        page.get_by_role("button", name="Yes, revoke it").click()
        expect(page.get_by_text("no longer works")).to_be_visible()

        visitor = browser.new_context().new_page()
        response = visitor.goto(copied)
        assert response.status == 410
        visitor.context.close()
    finally:
        context.close()
