"""Two editors change one guide at once: the second save does not silently win."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Revision

from conditions.models import ConditionPage

pytestmark = pytest.mark.browser

PASSWORD = "a-browser-test-password"


@pytest.fixture
def editors(live_site):
    User = get_user_model()
    for username, first in [("edith", "Edith"), ("omar", "Omar")]:
        user = User.objects.create_user(
            username, f"{username}@example.com", PASSWORD, first_name=first, last_name="Editor"
        )
        user.groups.add(Group.objects.get(name="Editors"))


def open_editor(browser, live_site, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_site.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site.url("/admin/"))
    page.goto(live_site.url(f"/admin/pages/{live_site.guide.pk}/edit/"))
    return page


def save_draft(page):
    page.get_by_role("button", name="Save draft").click()


def test_second_save_from_an_older_form_shows_the_conflict_and_keeps_the_input(
    browser, live_site, editors
):
    revisions_before = Revision.objects.for_instance(live_site.guide).count()
    edith = open_editor(browser, live_site, "edith")
    omar = open_editor(browser, live_site, "omar")

    edith.fill("#id_summary", "Edith's new summary.")
    save_draft(edith)
    expect(edith.locator(".messages")).to_contain_text("has been updated")

    omar.fill("#id_summary", "Omar's new summary.")
    save_draft(omar)

    expect(omar.locator(".messages")).to_contain_text("Saving will overwrite a newer version.")
    expect(omar.locator(".messages")).to_contain_text("Edith Editor saved a newer version")
    expect(omar.locator("#id_summary")).to_have_value("Omar's new summary.")
    guide = ConditionPage.objects.get(pk=live_site.guide.pk)
    assert guide.get_latest_revision_as_object().summary == "Edith's new summary."

    omar.get_by_role("button", name="Save my version anyway").click()
    expect(omar.locator(".messages")).to_contain_text("has been updated")
    guide = ConditionPage.objects.get(pk=live_site.guide.pk)
    assert guide.get_latest_revision_as_object().summary == "Omar's new summary."
    # One revision per successful save (autosave updates its editor's own revision).
    assert Revision.objects.for_instance(guide).count() == revisions_before + 2
    edith.context.close()
    omar.context.close()
