"""The Content Security Policy blocks nothing the site or the admin needs.

A visitor browses and searches the public site, and an editor signs in, opens the page
editor and its live preview: the browser reports no policy violation anywhere.
"""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.browser

PASSWORD = "a-browser-test-password"  # noqa: S105

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording every CSP violation it reports (events and console errors)."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        return console + page.evaluate("window.__cspViolations || []")

    page.violations = violations
    return page


def test_visitor_browses_and_searches_with_no_policy_violation(watched, live_site):
    page = watched
    page.goto(live_site.url("/en/"))
    assert page.violations() == []
    page.get_by_role("link", name="Dystonia").first.click()
    page.wait_for_url("**/conditions/dystonia/")
    assert page.violations() == []
    page.goto(live_site.url("/en/conditions/"))
    assert page.violations() == []
    page.goto(live_site.url("/en/"))
    search = page.get_by_role("combobox").first
    search.fill("dyst")
    page.get_by_role("option").first.wait_for()
    search.press("Enter")
    page.wait_for_load_state()
    assert page.violations() == []


def test_editor_uses_the_page_editor_with_no_policy_violation(watched, live_site):
    page = watched
    get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD)
    page.goto(live_site.url("/admin/login/"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site.url("/admin/"))
    page.goto(live_site.url(f"/admin/pages/{live_site.guide.pk}/edit/"))
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "Dystonia (edited)")
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("iframe").first.get_by_role("heading", level=1).wait_for()
    assert page.violations() == []
