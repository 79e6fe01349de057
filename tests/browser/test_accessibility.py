"""axe-core finds no violations on the public pages; the keyboard reaches everything."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Axe()


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, (
        f"axe-core found violations on {page.url}:\n{results.generate_report()}"
    )


def test_home_page_has_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(live_site.home.url))
    assert_no_violations(page)


def test_a_to_z_has_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(live_site.index.url))
    assert_no_violations(page)


def test_filtered_a_to_z_has_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(f"{live_site.index.url}?system=nope"))
    assert page.locator(".notice").is_visible()
    assert_no_violations(page)


def test_full_guide_has_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(live_site.guide.url))
    assert page.locator("h1").inner_text() == "Dystonia"
    assert_no_violations(page)


def test_search_results_have_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(f"{reverse('search')}?q=dystonia"))
    assert_no_violations(page)


def test_newsletter_page_with_errors_has_no_accessibility_violations(page, live_site):
    page.goto(live_site.url(reverse("newsletter:signup")))
    page.fill("input[name=email]", "not-an-email")
    page.click("main button[type=submit]")
    page.wait_for_selector(".form-field__error")
    assert page.locator("input[name=email]").get_attribute("aria-invalid") == "true"
    assert_no_violations(page)


def test_not_found_page_has_no_accessibility_violations(page, live_site):
    response = page.goto(live_site.url("/en/no-such-page/"))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_no_violations(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_site):
    page.goto(live_site.url(live_site.guide.url))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert 'class="skip-link"' in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert in_main, "the next Tab stop after the skip link must be inside the main content"


def test_links_show_a_visible_focus_outline(page, live_site):
    page.goto(live_site.url(live_site.guide.url))
    page.keyboard.press("Tab")  # the skip link
    for _ in range(3):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return {tag: el.tagName, width: s.outlineWidth, style: s.outlineStyle};
            }"""
        )
        assert style["style"] != "none", style
        assert float(style["width"].rstrip("px")) >= 2, style


def test_footer_form_on_a_cached_page_fetches_a_token_and_signs_up(page, live_site):
    from newsletter.models import Signup

    page.goto(live_site.url(live_site.guide.url))
    form = page.locator("footer form.newsletter-form")
    form.locator("input[name=first_name]").fill("Ada")
    form.locator("input[name=last_name]").fill("Lovelace")
    form.locator("input[name=email]").fill("ada@example.org")
    form.locator("input[name=confirm_email]").fill("ada@example.org")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.url.endswith(reverse("newsletter:signup"))
    assert "Check your inbox" in page.locator(".messages").inner_text()
    assert Signup.objects.get(email="ada@example.org").status == Signup.Status.PENDING

    # Double opt-in: the visitor follows the link in the email and confirms.
    [message] = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\w\w/newsletter/confirm/[^\s/]+/)", message.body)[1]
    page.goto(live_site.url(path))
    page.get_by_role("button", name="Yes, sign me up").click()
    expect(page.get_by_role("heading", name="You are signed up")).to_be_visible()
    assert Signup.objects.get(email="ada@example.org").status == Signup.Status.ACTIVE
