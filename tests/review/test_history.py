"""Revision compare and revert work on every block type, the evidence block included."""

from django.urls import reverse

from conditions.models import ConditionPage
from tests.factories import ConditionPageFactory, cannabis_evidence, full_body, overview, study

from .admin_forms import guide_form


def test_compare_and_revert_a_changed_evidence_block(conditions_index, client_for):
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia", body=full_body())
    first = guide.live_revision
    changed = [
        overview("<p>Dystonia makes muscles tighten on their own.</p>"),
        cannabis_evidence(
            [study(title="A newer trial", evidence_level="moderate")],
            level="limited",
            summary="<p>One newer trial.</p>",
            legal_status="Qualifying condition in some states.",
        ),
    ]
    manager = client_for("manager")
    manager.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, body=changed) | {"action-publish": "1"},
    )
    guide = ConditionPage.objects.get(pk=guide.pk)
    second = guide.live_revision
    assert second.pk != first.pk

    response = manager.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[guide.pk, first.pk, second.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "A newer trial" in content and "First study" in content

    response = manager.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[guide.pk, first.pk])
    )
    assert response.status_code == 200

    old = first.as_object()
    response = manager.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[guide.pk, first.pk]),
        guide_form(old) | {"action-publish": "1"},
    )
    assert response.status_code == 302
    guide = ConditionPage.objects.get(pk=guide.pk)
    studies = [
        s["title"]
        for block in guide.body
        if block.block_type == "cannabis_evidence"
        for s in block.value["studies"]
    ]
    assert studies == ["First study", "Second study"]
    assert [block.block_type for block in guide.body] == [b[0] for b in full_body()]


def test_every_block_type_compares(conditions_index, client_for):
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia", body=[overview()])
    first = guide.live_revision
    guide.body = full_body()
    second = guide.save_revision()
    response = client_for("editor").get(
        reverse("wagtailadmin_pages:revisions_compare", args=[guide.pk, first.pk, second.pk])
    )
    assert response.status_code == 200
    assert "Second study" in response.content.decode()


def test_comments_on_drafts_are_on(settings):
    assert settings.WAGTAILADMIN_COMMENTS_ENABLED
