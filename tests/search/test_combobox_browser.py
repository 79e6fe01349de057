"""The search box's suggestions, in a browser: ARIA 1.2 combobox, keyboard, axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import browser, live_site, page  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_suggestions_follow_the_combobox_pattern(page, live_site):  # noqa: F811
    page.goto(live_site.url("/en/"))
    box = page.locator("#home-search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")
    assert page.locator(f"#{listbox_id}").get_attribute("role") == "listbox"

    box.fill("dyst")
    page.wait_for_selector(f"#{listbox_id} [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    options = page.locator(f"#{listbox_id} [role=option]")
    assert options.first.inner_text().startswith("Dystonia")
    assert "1 suggestion" in page.locator("#home-search-status").inner_text().lower() or (
        "one suggestion" in page.locator("#home-search-status").inner_text().lower()
    )

    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/en/conditions/dystonia/")


def test_without_a_chosen_suggestion_enter_submits_the_search(page, live_site):  # noqa: F811
    page.goto(live_site.url("/en/"))
    page.fill("#site-search", "migraine")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/en/search/?q=migraine")
    assert page.locator("#search-results").is_visible()


AXE = Axe()
