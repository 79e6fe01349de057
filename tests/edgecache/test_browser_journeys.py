"""The journeys through the real edge cache, in Chromium: a visitor reads a cached guide
and signs up from it; an editor logged in sees their own page, never a cached one."""

import pytest

from tests.browser.conftest import browser, page  # noqa: F401 - fixtures

from .site_script import EDITOR_PASSWORD
from .stack import USERBAR

pytestmark = [pytest.mark.browser, pytest.mark.stack]

GUIDE = "/en/conditions/dystonia/"


def test_visitor_signs_up_to_the_newsletter_from_a_cached_guide(stack, page):  # noqa: F811
    stack.get(GUIDE)
    response = page.goto(stack.stack.url + GUIDE)
    assert response.headers["x-cache"] == "HIT", "the visitor should get the cached page"
    before = int(stack.site("signups"))

    form = page.locator("form.newsletter-form")
    form.get_by_label("First name").fill("Ana")
    form.get_by_label("Last name").fill("Lopez")
    form.get_by_label("Email", exact=True).fill("ana.browser@example.org")
    form.get_by_label("Confirm email").fill("ana.browser@example.org")
    form.get_by_role("button", name="Sign up").click()

    page.get_by_text("Thank you. Check your inbox", exact=False).wait_for()
    assert int(stack.site("signups")) == before + 1


def test_editor_logged_in_sees_their_own_page_and_visitors_never_see_it(stack, browser):  # noqa: F811
    editor = browser.new_context()
    visitor = browser.new_context()
    try:
        admin = editor.new_page()
        admin.goto(stack.stack.url + "/admin/login/")
        admin.get_by_label("Username").fill("editor")
        admin.get_by_label("Password").fill(EDITOR_PASSWORD)
        admin.get_by_role("button", name="Sign in").click()
        admin.wait_for_url("**/admin/")

        response = admin.goto(stack.stack.url + GUIDE)
        assert response.headers["x-cache"] == "MISS"
        assert USERBAR in response.text(), "the editor should get the user bar"
        admin.locator("wagtail-userbar").wait_for(state="attached")

        reader = visitor.new_page()
        response = reader.goto(stack.stack.url + GUIDE)
        assert USERBAR not in response.text()
        response = reader.goto(stack.stack.url + GUIDE)
        assert response.headers["x-cache"] == "HIT"
        assert USERBAR not in response.text()
        assert reader.locator("wagtail-userbar").count() == 0
    finally:
        editor.close()
        visitor.close()
