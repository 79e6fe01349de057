from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page, Revision

from conditions.models import ConditionPage

SECTION_HEADINGS = [
    "Overview",
    "Symptoms and types",
    "Causes",
    "Treatments",
    "What research says about cannabis",
    "Complications",
    "When to see a doctor",
    "Support and resources",
]


@pytest.fixture
def demo_site(db, settings):
    settings.DEBUG = True  # the demo logins are for development only
    call_command("load_demo", stdout=StringIO())


def test_demo_serves_guides_keeps_the_draft_private_and_its_login_opens_the_admin(
    demo_site, client
):
    home = client.get("/", follow=True)
    assert home.status_code == 200
    featured = home.content.decode().split('id="featured-heading"')[1].split("<h2")[0]
    titles = ["Dystonia", "Multiple sclerosis", "Chronic pain", "Epilepsy"]
    assert sorted(titles, key=lambda title: featured.index(f">{title}</a>")) == titles
    az = client.get("/en/conditions/")
    assert az.status_code == 200
    assert ConditionPage.objects.live().filter(locale__language_code="en").count() >= 12
    assert "Dystonia" in az.content.decode()

    guide = client.get("/en/conditions/dystonia/")
    assert guide.status_code == 200
    html = guide.content.decode()
    for heading in SECTION_HEADINGS:
        assert f">{heading}</h2>" in html, heading
    assert "No or insufficient evidence" in html

    draft = ConditionPage.objects.get(slug="restless-legs-syndrome", locale__language_code="en")
    assert not draft.live
    assert client.get("/en/conditions/restless-legs-syndrome/").status_code == 404

    assert client.login(request=HttpRequest(), username="admin", password="condition-guides-dev")
    assert client.get("/admin/").status_code == 200


def test_loading_the_demo_again_changes_nothing(demo_site):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_demo_login_is_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="development only"):
        call_command("load_demo", stdout=StringIO())
