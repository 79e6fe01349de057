"""Nothing private reaches a public page: canary guides that visitors must never see.

Each canary is a guide an anonymous visitor may not read: a draft, the unpublished
revision of a live guide, guides restricted to logged-in users, to a password and to a
group, and a Spanish translation still waiting for medical review. Every canary is
featured on the home page, picked as a related guide, linked from a resources section and
filed under the same body system as one public guide. Then every public URL is read as an
anonymous visitor, and none of the canaries' titles or summaries may appear.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from conditions.models import RelatedGuide
from home.models import FeaturedGuide
from tests.factories import BodySystemFactory, ConditionPageFactory, overview, resources
from translations.demo import translate_with_strings

pytestmark = pytest.mark.django_db

CANARIES = {
    "draft": "Zebradraft",
    "revision": "Zebrarevision",
    "login": "Zebralogin",
    "password": "Zebrapassword",
    "group": "Zebragroup",
    "translation": "Zebratraduccion",
}


def secrets():
    """Every word a canary could leak: its title and its summary."""
    for word in CANARIES.values():
        yield word
        yield f"{word}summary"


def canary_guide(name, system, **kwargs):
    word = CANARIES[name]
    return ConditionPageFactory(
        title=word, slug=word.lower(), summary=f"{word}summary", body_systems=[system], **kwargs
    )


@pytest.fixture
def site(conditions_index, home_page):
    from wagtail.models import Locale

    from home.site_tree import get_or_create_conditions_index

    spanish = Locale.objects.get_or_create(language_code="es")[0]
    get_or_create_conditions_index(spanish)
    system = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")

    hidden = [canary_guide("draft", system, publish=False)]

    revised = ConditionPageFactory(
        title="Tremor", slug="tremor", summary="Shaking hands.", body_systems=[system]
    )
    revised.title = CANARIES["revision"]
    revised.summary = f"{CANARIES['revision']}summary"
    revised.save_revision()
    hidden.append(revised)

    for name, restriction in [
        ("login", PageViewRestriction.LOGIN),
        ("password", PageViewRestriction.PASSWORD),
        ("group", PageViewRestriction.GROUPS),
    ]:
        guide = canary_guide(name, system)
        rule = PageViewRestriction.objects.create(
            page=guide, restriction_type=restriction, password="secret-password"
        )
        if restriction == PageViewRestriction.GROUPS:
            rule.groups.set([Group.objects.create(name="Clinic staff")])
        hidden.append(guide)

    source = ConditionPageFactory(
        title="Migraine", slug="migraine", summary="Headaches.", body_systems=[system]
    )
    translate_with_strings(
        source,
        spanish,
        {"Migraine": CANARIES["translation"], "Headaches.": f"{CANARIES['translation']}summary"},
    )

    public = ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        summary="Muscles tighten on their own.",
        body_systems=[system],
        body=[overview(), resources_linking(hidden)],
    )
    for guide in hidden:
        FeaturedGuide.objects.create(page=home_page, guide=guide)
        RelatedGuide.objects.create(page=public, guide=guide)
    FeaturedGuide.objects.create(page=home_page, guide=source)
    return {"public": public, "hidden": hidden, "system": system}


def resources_linking(pages):
    kind, value = resources()
    value["pages"] = list(pages)
    return kind, value


def public_urls(site):
    # Lower case: the results page repeats the query, and the canaries are capitalised.
    searches = [word.lower() for word in CANARIES.values()] + ["zebra", "summary"]
    urls = [
        "/en/",
        "/es/",
        "/en/conditions/",
        "/es/conditions/",
        f"/en/conditions/?system={site['system'].slug}",
        site["public"].url,
        "/sitemap.xml",
        "/en/no-such-page/",
        reverse("newsletter:signup"),
    ]
    for language in ["en", "es"]:
        for word in searches:
            urls.append(f"/{language}/search/?q={word}")
            urls.append(f"/{language}/search/suggest/?q={word[:5]}")
            urls.append(f"/{language}/search/?q={word}&system={site['system'].slug}")
    return urls


def test_no_public_url_shows_a_canary(client, site):
    for url in public_urls(site):
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), url
        text = response.content.decode()
        for secret in secrets():
            assert secret not in text, f"{secret} leaked on {url}"


def test_restricted_guides_own_addresses_do_not_show_them(client, site):
    for guide in site["hidden"]:
        response = client.get(f"/en/conditions/{guide.slug}/", follow=True)
        text = response.content.decode()
        assert guide.summary not in text
        assert f"{guide.title}summary" not in text


def test_public_guide_is_still_listed_everywhere(client, site):
    """The canaries are hidden by their privacy, not because listings are empty."""
    home = client.get("/en/").content.decode()
    assert home.count("Dystonia") >= 1
    assert "(3)" in home  # Dystonia, Migraine and Tremor's published version
    assert "Dystonia" in client.get("/en/conditions/").content.decode()
    assert "Dystonia" in client.get("/en/search/?q=dystonia").content.decode()
    assert "dystonia" in client.get("/sitemap.xml").content.decode()
    guide = client.get(site["public"].url).content.decode()
    assert "Tremor" in guide  # the published title of the revised guide


def test_home_body_system_counts_only_public_guides(client, site):
    response = client.get("/en/")
    counts = [system.guide_count for system in response.context["body_systems"]]
    assert counts == [3]
