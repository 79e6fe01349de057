"""The import format is a contract: what was documented keeps importing, the format has
a version, and an import never replaces an editor's unpublished work."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry, Revision

from conditions.evidence import Urgency
from conditions.models import ConditionIndexPage, ConditionPage

from .test_import_export import export_text, full_guide, import_file, rejected


def documented_text_guide():
    """A guide in the foundation's form: every section but cannabis evidence and resources
    is ``{"type": ..., "text": ...}``, as a publisher migrating prose pages writes it."""
    kinds = [
        "overview",
        "symptoms",
        "causes",
        "treatments",
        "complications",
        "see_a_doctor",
        "text",
        "quote",
        "callout",
    ]
    return {
        "title": "Dystonia",
        "summary": "Dystonia makes muscles tighten on their own.",
        "sections": [{"type": kind, "text": f"<p>About {kind}.</p>"} for kind in kinds],
    }


@pytest.mark.django_db
def test_a_file_with_text_for_every_prose_section_imports(guide_file):
    output = import_file(guide_file({"guides": [documented_text_guide()]}), "--publish")

    assert output.startswith("Imported 1 guide: 1 created")
    body = ConditionPage.objects.get(slug="dystonia").body
    see_a_doctor, text, quote, callout = (block.value for block in list(body)[5:])
    [card] = see_a_doctor["care_cards"]
    assert card["urgency"] == Urgency.NON_URGENT
    assert card["text"].source == "<p>About see_a_doctor.</p>"
    assert text.source == "<p>About text.</p>"
    assert quote["quote"] == "About quote."
    assert callout["style"] == "info"
    assert callout["text"].source == "<p>About callout.</p>"


@pytest.mark.django_db
def test_see_a_doctor_with_both_care_cards_and_text_is_refused_clearly(guide_file):
    guide = full_guide()
    guide["sections"][4]["text"] = "<p>See a doctor.</p>"

    message, errors = rejected(guide_file({"guides": [guide]}))

    assert errors == ["guides[0].sections[4]: needs care_cards or text, but not both"]


@pytest.mark.django_db
def test_a_file_says_its_format_version_and_a_newer_one_is_refused(guide_file, tmp_path):
    assert import_file(guide_file({"format": 1, "guides": [full_guide()]})).startswith(
        "Imported 1 guide"
    )
    assert json.loads(export_text(tmp_path))["format"] == 1

    message, errors = rejected(guide_file({"format": 2, "guides": [{"new": "shape"}]}))

    assert errors == [
        "format: this file is in format 2, newer than this site reads (format 1); update "
        "the site, or export the guides again in format 1"
    ]
    assert message == "1 error; nothing was imported."


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "edith", "edith@example.com", "x", first_name="Edith", last_name="Editor"
    )


def editors_draft(editor, summary="The editor's newer summary."):
    """An editor changes the live guide in the admin and saves a draft."""
    draft = ConditionPage.objects.get(slug="dystonia").get_latest_revision_as_object()
    draft.summary = summary
    draft.save_revision(user=editor, log_action=True)


@pytest.mark.django_db
def test_importing_an_export_over_a_newer_draft_keeps_the_draft_and_says_unchanged(
    guide_file, tmp_path, editor
):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")
    editors_draft(editor)
    revisions = Revision.objects.count()
    exported = tmp_path / "export.json"
    export_text(tmp_path)

    output = import_file(str(exported))

    assert output.startswith("Imported 1 guide: 0 created, 0 updated, 1 unchanged")
    assert Revision.objects.count() == revisions
    page = ConditionPage.objects.get(slug="dystonia")
    assert page.get_latest_revision_as_object().summary == "The editor's newer summary."


@pytest.mark.django_db
def test_a_changed_file_skips_a_guide_with_an_editors_draft_and_says_so(guide_file, editor):
    import_file(guide_file({"guides": [full_guide(), full_guide("Asthma")]}), "--publish")
    editors_draft(editor)
    changed = {
        "guides": [full_guide(summary="From the file."), full_guide("Asthma", summary="New")]
    }
    stdout, stderr = io.StringIO(), io.StringIO()

    call_command("import_guides", guide_file(changed), stdout=stdout, stderr=stderr)

    assert stdout.getvalue().strip() == (
        "Imported 1 guide: 0 created, 1 updated, 0 unchanged (saved as drafts; use --publish "
        "to publish). Skipped 1 guide with unpublished changes; use --force to replace them."
    )
    [line] = stderr.getvalue().splitlines()
    assert line.startswith("guides[0]: en/dystonia has unpublished changes (saved by Edith Editor")
    dystonia = ConditionPage.objects.get(slug="dystonia").get_latest_revision_as_object()
    assert dystonia.summary == "The editor's newer summary."
    assert ConditionPage.objects.get(slug="asthma").get_latest_revision_as_object().summary == (
        "New"
    )


@pytest.mark.django_db
def test_strict_imports_nothing_when_a_guide_has_an_editors_draft(guide_file, editor):
    import_file(guide_file({"guides": [full_guide(), full_guide("Asthma")]}), "--publish")
    editors_draft(editor)
    revisions = Revision.objects.count()
    changed = {
        "guides": [full_guide(summary="From the file."), full_guide("Asthma", summary="New")]
    }

    message, errors = rejected(guide_file(changed), "--strict")

    assert message == "1 error; nothing was imported."
    assert errors[0].startswith("guides[0]: en/dystonia has unpublished changes")
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_force_replaces_an_editors_draft_and_keeps_it_in_the_history(guide_file, editor):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")
    editors_draft(editor)

    output = import_file(guide_file({"guides": [full_guide(summary="From the file.")]}), "--force")

    assert output.startswith("Imported 1 guide: 0 created, 1 updated")
    page = ConditionPage.objects.get(slug="dystonia")
    assert page.get_latest_revision_as_object().summary == "From the file."
    kept = page.revisions.filter(user=editor).get()
    assert kept.as_object().summary == "The editor's newer summary."


@pytest.mark.django_db
def test_an_imported_draft_is_replaced_by_the_next_import(guide_file):
    import_file(guide_file({"guides": [full_guide()]}))

    output = import_file(guide_file({"guides": [full_guide(summary="Second import.")]}))

    assert output.startswith("Imported 1 guide: 0 created, 1 updated")
    page = ConditionPage.objects.get(slug="dystonia")
    assert page.get_latest_revision_as_object().summary == "Second import."


@pytest.mark.django_db
def test_imported_revisions_record_the_user_given(guide_file, editor):
    with pytest.raises(CommandError, match='"edith" may not publish guides'):
        import_file(guide_file({"guides": [full_guide()]}), "--publish", "--user", "edith")
    assert not ConditionPage.objects.exists()
    editor.is_superuser = True
    editor.save()

    import_file(guide_file({"guides": [full_guide()]}), "--publish", "--user", "edith")

    page = ConditionPage.objects.get(slug="dystonia")
    assert page.latest_revision.user == editor
    assert page.owner == editor
    entry = PageLogEntry.objects.get(page=page, action="conditions.import")
    assert entry.user == editor
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish").user == editor

    with pytest.raises(CommandError, match='There is no user "nobody"'):
        import_file(guide_file({"guides": [full_guide()]}), "--user", "nobody")


@pytest.fixture
def guides_with_images_and_page_links(guide_file, settings, tmp_path):
    """Two guides that link to each other, one with a hero image and an image section."""
    settings.MEDIA_ROOT = tmp_path / "first-site-media"
    import_file(guide_file({"guides": [full_guide(), full_guide("Asthma")]}), "--publish")
    dystonia = ConditionPage.objects.get(slug="dystonia")
    asthma = ConditionPage.objects.get(slug="asthma")
    image = get_image_model().objects.create(
        title="Stretching", file=get_test_image_file(filename="stretching.png")
    )
    dystonia.hero_image, dystonia.hero_image_alt = image, "A person stretching."
    dystonia.body.append(
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Neck muscles.", "decorative": False},
                "caption": "",
            },
        )
    )
    dystonia.body.append(("resources", {"heading": "", "links": [], "pages": [asthma]}))
    dystonia.save_revision().publish()
    asthma.body.append(("resources", {"heading": "See also", "links": [], "pages": [dystonia]}))
    asthma.save_revision().publish()
    return image


def _page_links(slug):
    body = ConditionPage.objects.get(slug=slug).body
    return [
        page.slug
        for block in body
        if block.block_type == "resources"
        for page in block.value["pages"]
    ]


@pytest.mark.django_db
def test_export_then_import_into_the_same_site_changes_nothing(
    guides_with_images_and_page_links, tmp_path
):
    export_text(tmp_path)
    revisions = Revision.objects.count()

    output = import_file(str(tmp_path / "export.json"), "--publish")

    assert output.startswith("Imported 2 guides: 0 created, 0 updated, 2 unchanged")
    assert Revision.objects.count() == revisions
    dystonia = ConditionPage.objects.get(slug="dystonia")
    assert dystonia.hero_image.title == "Stretching"
    assert get_image_model().objects.count() == 1
    assert [block.block_type for block in dystonia.body][-2:] == ["image", "resources"]


@pytest.mark.django_db
def test_export_then_import_into_an_empty_site_keeps_images_and_page_links(
    guides_with_images_and_page_links, tmp_path, settings
):
    first = export_text(tmp_path)
    exported = json.loads(first)
    dystonia = next(guide for guide in exported["guides"] if guide["slug"] == "dystonia")
    assert dystonia["hero_image"]["file"] == "stretching.png"
    assert (tmp_path / "images" / "stretching.png").is_file()
    assert dystonia["sections"][-1]["pages"] == [{"locale": "en", "slug": "asthma"}]

    ConditionIndexPage.objects.all().delete()
    get_image_model().objects.all().delete()
    settings.MEDIA_ROOT = tmp_path / "empty-site-media"
    output = import_file(str(tmp_path / "export.json"), "--publish")

    assert output.startswith("Imported 2 guides: 2 created")
    [image] = get_image_model().objects.all()
    assert image.get_file_hash() == dystonia["hero_image"]["sha1"]
    page = ConditionPage.objects.get(slug="dystonia")
    assert page.hero_image == image
    assert page.body[-2].value["image"].contextual_alt_text == "Neck muscles."
    assert _page_links("dystonia") == ["asthma"]
    assert _page_links("asthma") == ["dystonia"]
    second_folder = tmp_path / "second"
    second_folder.mkdir()
    assert export_text(second_folder) == first


@pytest.mark.django_db
def test_an_image_the_site_lacks_and_the_folder_lacks_is_a_clear_error(guide_file):
    guide = full_guide()
    guide["sections"].append({"type": "image", "image": {"file": "missing.png"}})

    message, errors = rejected(guide_file({"guides": [guide]}))

    assert errors == [
        "guides[0].sections[11].image: no image on this site has this file name, and there "
        "is no images/missing.png beside the file"
    ]
    assert not get_image_model().objects.exists()
