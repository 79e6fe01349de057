"""An editor adds a study half-way and the live preview keeps showing the guide."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "a-browser-test-password"


@pytest.fixture
def editor(live_site):
    user = get_user_model().objects.create_user(
        "edith", "edith@example.com", PASSWORD, first_name="Edith", last_name="Editor"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_preview_shows_the_guide_while_a_new_study_has_no_design(page, browser, live_site, editor):
    page.goto(live_site.url("/admin/login/"))
    page.fill("#id_username", "edith")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site.url("/admin/"))
    page.goto(live_site.url(f"/admin/pages/{live_site.guide.pk}/edit/"))

    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Dystonia", timeout=15_000)

    # The first cannabis evidence section holds two studies: add a third below them.
    studies = page.locator("[data-contentpath='studies']").first
    studies.locator("button[data-streamfield-list-add]").last.click()
    title = studies.locator("input[name$='-value-title']").nth(2)
    # Typed as an editor types it, key by key.
    title.press_sequentially("A study still being entered", delay=60)
    design = studies.locator("select[name$='-value-design']").nth(2)
    expect(design).to_have_value("")

    # The panel refreshes after a change; it shows the guide with the new study, no error.
    body = preview.locator("body")
    expect(body).to_contain_text("A study still being entered", timeout=20_000)
    expect(preview.locator("h1")).to_have_text("Dystonia")
    expect(body).to_contain_text("Dystonia makes muscles tighten on their own.")
    expect(page.locator(".w-preview__error, [data-w-preview-target='error']")).to_be_hidden()

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    visitor = browser.new_context().new_page()
    response = visitor.goto(live_site.url("/en/conditions/dystonia/"))
    assert response.status == 200
    expect(visitor.locator("h1")).to_have_text("Dystonia")
    expect(visitor.locator("main")).not_to_contain_text("A study still being entered")
    visitor.context.close()
