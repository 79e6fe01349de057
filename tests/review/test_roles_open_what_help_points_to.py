"""Each role can open what its help text and menus point it to."""

from django.urls import reverse

from home.models import SiteSettings


def test_site_settings_help_points_site_managers_to_site_texts_they_can_open(client_for):
    help_text = str(SiteSettings._meta.get_field("site_text").help_text)
    assert "Site texts" in help_text
    manager = client_for("manager")
    response = manager.get(reverse("wagtailsnippets_home_sitetext:list"))
    assert response.status_code == 200
    assert manager.get(reverse("wagtailsnippets_home_sitetext:add")).status_code == 200


def test_site_managers_open_promoted_search_results(client_for):
    manager = client_for("manager")
    assert manager.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert manager.get(reverse("wagtailsearchpromotions:add")).status_code == 200


def test_editors_still_cannot_edit_site_texts(client_for):
    response = client_for("editor").get(reverse("wagtailsnippets_home_sitetext:add"))
    assert response.status_code in (302, 403)
