"""The content API: live, public guides only, with their structured fields."""

import pytest

from tests.factories import BodySystemFactory, ConditionPageFactory, full_body

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/guides/"


def titles(client, query=""):
    response = client.get(f"{LISTING}{query}")
    assert response.status_code == 200, response.content[:500]
    return {item["title"] for item in response.json()["items"]}


def test_canary_drafts_changes_restricted_guides_and_unreviewed_translations_never_appear(
    client, guides
):
    dystonia = guides["dystonia"]
    dystonia.title = "Draft change canary"
    dystonia.save_revision()
    for query in ("", "?locale=en", "?locale=es", "?type=wagtailcore.Page", "?fields=*"):
        text = client.get(f"{LISTING}{query}").content.decode()
        assert "canary" not in text.lower(), query
        for slug in guides["hidden_slugs"]:
            assert slug not in text, (slug, query)
    assert titles(client) == {"Dystonia", "Distonía", "Migraine"}


def test_hidden_guides_have_no_detail_either(client, guides):
    for page in guides["hidden"]:
        response = client.get(f"{LISTING}{page.pk}/")
        assert response.status_code == 404, page.title
        assert "canary" not in response.content.decode().lower()


def test_an_unknown_guide_id_answers_a_json_404_without_a_redirect(client, guides):
    response = client.get(f"{LISTING}999999/")
    # Not a redirect to /en/api/…, the site's HTML 404 page (translations/middleware.py).
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_a_path_without_its_language_prefix_is_still_sent_to_it(client, guides):
    """Only a 404 from a view is kept: a page address without /en/ still finds its page."""
    response = client.get("/conditions/dystonia/")
    assert response.status_code == 302
    assert response["Location"] == "/en/conditions/dystonia/"


def test_only_guides_are_served(client, guides):
    assert titles(client, "?type=home.HomePage") == {"Dystonia", "Distonía", "Migraine"}


def test_guides_filter_by_locale(client, guides):
    assert titles(client, "?locale=es") == {"Distonía"}
    assert titles(client, "?locale=en") == {"Dystonia", "Migraine"}


def test_guides_filter_by_body_system(client, guides):
    system = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    ConditionPageFactory(title="Epilepsy", slug="epilepsy", body_systems=[system])
    assert titles(client, "?body_system=brain-and-nerves") == {"Epilepsy"}
    assert titles(client, "?body_system=no-such-system") == set()


def test_guide_detail_has_its_structured_fields(client, conditions_index):
    system = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    guide = ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        also_known_as="Muscle spasms\nTorticollis",
        body=full_body(),
        body_systems=[system],
    )
    data = client.get(f"{LISTING}{guide.pk}/").json()
    assert data["title"] == "Dystonia"
    assert data["summary"] == guide.summary
    assert data["alternative_names"] == ["Muscle spasms", "Torticollis"]
    assert data["body_systems"] == ["brain-and-nerves"]
    assert data["last_reviewed"] == "2026-01-15"
    assert data["next_review_due"] == "2029-01-15"
    assert data["reviewed_by"] == "Dr Test Reviewer, neurologist"
    block_types = {block["type"] for block in data["body"]}
    assert {"overview", "cannabis_evidence"} <= block_types
    assert data["meta"]["locale"] == "en"
    assert "evidence_level" in data


def test_bad_api_queries_get_a_clear_error(client, guides):
    assert client.get(f"{LISTING}?locale=xx").status_code == 400
    assert client.get(f"{LISTING}?search=dystonia").status_code == 400
    assert client.get(f"{LISTING}?body_system=%00").status_code == 400
    assert client.get(f"{LISTING}?nonsense=1").status_code == 400
    assert client.get(f"{LISTING}?limit=abc").status_code == 400


def test_guide_with_a_hero_image_serves_its_share_rendition(client, conditions_index):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(
        title="Leaves", file=get_test_image_file(size=(1600, 900))
    )
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia", publish=False)
    guide.hero_image, guide.hero_image_alt = image, "A person stretching."
    guide.save_revision().publish()
    response = client.get(f"{LISTING}{guide.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["hero_image"]["id"] == image.pk
    assert data["hero_image_alt"] == "A person stretching."
    assert (data["hero_image_share"]["width"], data["hero_image_share"]["height"]) == (1200, 630)
