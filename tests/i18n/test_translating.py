"""Translating guides and snippets with wagtail-localize, as editors and translators do."""

import runpy

import polib
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Site, WorkflowState
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from conditions.models import ConditionPage
from home.models import SiteSettings, SiteText
from search.models import SearchSynonym
from tests.factories import BodySystemFactory
from translations.demo import translate_with_strings
from translations.machine_translator import DevelopmentTranslator
from translations.outdated import out_of_date_translations

from .spanish import BRAIN, DYSTONIA

SYNCHRONISED_STUDY_FIELDS = ["pmid", "doi", "year", "participants", "design", "evidence_level"]


def studies_of(guide):
    return [
        dict(study)
        for block in guide.body
        if block.block_type == "cannabis_evidence"
        for study in block.value["studies"]
    ]


def translation_of(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale, enabled=True
    )


def publish_translation(page, locale, strings):
    guide = translate_with_strings(page, locale, strings)
    guide.get_latest_revision().publish()
    guide.refresh_from_db()
    return guide


def test_guide_segments_leave_out_identifiers_years_urls_and_choices(dystonia):
    segments = extract_segments(dystonia)
    strings = [s for s in segments if isinstance(s, StringSegmentValue)]
    texts = {segment.string.data for segment in strings}
    for value in ["12345678", "10.1000/example.1", "2019", "40", "https://example.org/"]:
        assert value not in texts
    fields = {segment.path.rsplit(".", 1)[-1] for segment in strings}
    assert fields.isdisjoint({*SYNCHRONISED_STUDY_FIELDS, "url", "urgency", "image"})
    # Every text inside the blocks is offered for translation.
    assert {
        "Dystonia makes muscles tighten on their own.",
        "First study",
        "No clear difference from placebo.",
        "Sudden new spasms.",
        "A patient society",
        "Support groups.",
    } <= texts
    # A resource's web address stays the source's unless the translator overrides it
    # (a Spanish-language patient society, say); it is never a string to translate.
    overridable = {s.data for s in segments if isinstance(s, OverridableSegmentValue)}
    assert "https://example.org/" in overridable


def test_translate_action_makes_a_spanish_draft_that_waits_for_review(
    admin_client, client, dystonia, spanish, spanish_index
):
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[dystonia.pk]),
        {"locales": [spanish.pk]},
    )

    assert response.status_code == 302
    draft = ConditionPage.objects.get(locale=spanish, translation_key=dystonia.translation_key)
    assert draft.get_parent().pk == spanish_index.pk
    assert not draft.live and draft.latest_revision_id
    assert translation_of(dystonia, spanish)
    assert client.get(f"/es/conditions/{draft.slug}/").status_code == 404
    assert dystonia.live


def test_spanish_guide_keeps_identifiers_and_points_at_spanish_body_systems(
    dystonia, brain, spanish, spanish_index
):
    cerebro = translate_with_strings(brain, spanish, BRAIN)

    guide = publish_translation(dystonia, spanish, DYSTONIA)

    assert (guide.title, guide.slug, guide.live) == ("Distonía", "distonia", True)
    source_studies, spanish_studies = studies_of(dystonia), studies_of(guide)
    for field in SYNCHRONISED_STUDY_FIELDS:
        assert [s[field] for s in spanish_studies] == [s[field] for s in source_studies]
    assert spanish_studies[0]["finding"] == "Sin diferencia clara con el placebo."
    assert list(guide.body_systems.all()) == [cerebro]
    assert list(dystonia.body_systems.all()) == [brain]


def test_body_system_without_spanish_version_stays_until_it_has_one(
    dystonia, brain, spanish, spanish_index
):
    guide = publish_translation(dystonia, spanish, DYSTONIA)
    assert list(guide.body_systems.all()) == [brain]

    cerebro = translate_with_strings(brain, spanish, BRAIN)
    source = translation_of(dystonia, spanish).source
    source.update_from_db()
    translation_of(dystonia, spanish).save_target(publish=True)
    guide.refresh_from_db()

    assert list(guide.body_systems.all()) == [cerebro]


def make_site_texts():
    return SiteText.objects.create(locale=Locale.get_default())


def make_search_synonym():
    return SearchSynonym.objects.create(
        locale=Locale.get_default(), term="cannabis", synonyms="marijuana, weed"
    )


@pytest.mark.parametrize(
    "make_snippet",
    [lambda: BodySystemFactory(name="Skin"), make_site_texts, make_search_synonym],
    ids=["body system", "site texts", "search synonym"],
)
def test_translatable_snippets_have_the_translate_action(admin_client, spanish, make_snippet):
    snippet = make_snippet()
    meta = snippet._meta
    listing = admin_client.get(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, snippet.pk],
    )
    assert submit_url in listing.text

    response = admin_client.post(submit_url, {"locales": [spanish.pk]})

    assert response.status_code == 302
    assert type(snippet).objects.filter(locale=spanish, translation_key=snippet.translation_key)


def test_source_change_marks_translation_out_of_date_until_synced(
    admin_client, dystonia, spanish, spanish_index
):
    guide = publish_translation(dystonia, spanish, DYSTONIA)
    assert out_of_date_translations() == []

    dystonia.summary = "Muscles tighten and twist on their own."
    dystonia.save_revision().publish()
    dystonia.refresh_from_db()

    [row] = out_of_date_translations()
    assert row.target_locale == spanish
    assert row.source_changed_at == dystonia.last_published_at
    report = admin_client.get(reverse("translations:out_of_date"))
    assert report.status_code == 200
    assert "Dystonia" in report.content.decode()
    edit_view = admin_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert "source changed on" in edit_view.content.decode()

    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[row.source.pk]), {}
    )

    assert response.status_code == 302
    assert out_of_date_translations() == []
    # The new English sentence now waits for a translator; the live Spanish is untouched.
    assert StringSegment.objects.filter(
        source=row.source, string__data="Muscles tighten and twist on their own."
    ).exists()
    total, translated = translation_of(dystonia, spanish).get_progress()
    assert translated == total - 1
    guide.refresh_from_db()
    assert guide.summary == "Los músculos se contraen por sí solos."


def test_changed_body_system_is_listed_without_a_date(admin_client, brain, spanish):
    cerebro = translate_with_strings(brain, spanish, BRAIN)
    brain.description = "The brain, spinal cord and nerves."
    brain.save()

    [row] = out_of_date_translations()

    assert (row.title, row.source_changed_at) == ("Brain and nerves", None)
    report = admin_client.get(reverse("translations:out_of_date"))
    assert reverse("wagtailsnippets_conditions_bodysystem:edit", args=[cerebro.pk]) in report.text
    assert "Spanish" in report.text


def test_po_file_round_trip_through_the_editor_views(
    admin_client, dystonia, spanish, spanish_index
):
    translate_with_strings(dystonia, spanish, {})
    translation = translation_of(dystonia, spanish)

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    po = polib.pofile(download.content.decode())
    assert {"Dystonia", "No clear difference from placebo."} <= {e.msgid for e in po}
    assert not {"12345678", "10.1000/example.1"} & {e.msgid for e in po}
    for entry in po:
        entry.msgstr = DYSTONIA[entry.msgid]
    upload = SimpleUploadedFile("dystonia-es.po", str(po).encode(), "text/x-gettext-translation")
    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": reverse("wagtailadmin_home")},
    )

    total, translated = translation.get_progress()
    assert total == translated
    translation.save_target(publish=False)
    draft = translation.get_target_instance()
    assert (draft.title, draft.live) == ("Distonía", False)
    assert studies_of(draft)[1]["finding"] == "Sin diferencia clara con el placebo."


def test_machine_translation_without_a_deepl_key_only_marks_the_text(
    admin_client, dystonia, spanish, spanish_index, monkeypatch
):
    assert isinstance(get_machine_translator(), DevelopmentTranslator)
    translate_with_strings(dystonia, spanish, {})
    translation = translation_of(dystonia, spanish)

    admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_home")},
    )

    marked = StringTranslation.objects.get(translation_of__data="Dystonia", locale=spanish)
    assert marked.data == "[ES] Dystonia"
    assert marked.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


def test_development_translator_keeps_markup_and_placeholders():
    english, spanish = Locale(language_code="en"), Locale(language_code="es")
    text = StringValue('Take <b>one</b> a day, <a id="a1">as prescribed</a>.')

    [result] = DevelopmentTranslator({}).translate(english, spanish, [text]).values()

    assert result.data == '[ES] Take <b>one</b> a day, <a id="a1">as prescribed</a>.'
    assert not DevelopmentTranslator({}).can_translate(english, english)


def test_deepl_is_used_only_when_a_key_is_set(monkeypatch):
    base = settings.BASE_DIR / "config" / "settings" / "base.py"
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    with_key = runpy.run_path(str(base))["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    monkeypatch.delenv("DEEPL_API_KEY")
    without_key = runpy.run_path(str(base))["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]

    assert with_key["CLASS"].endswith("DeepLTranslator")
    assert with_key["OPTIONS"]["AUTH_KEY"] == "test-key:fx"
    assert without_key["CLASS"] == "translations.machine_translator.DevelopmentTranslator"


def test_disclaimer_is_shown_in_the_readers_language(client, dystonia, spanish, spanish_index):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.site_text = SiteText.objects.create(
        locale=Locale.get_default(), medical_disclaimer="<p>This is not medical advice.</p>"
    )
    site_settings.save()
    translate_with_strings(
        site_settings.site_text,
        spanish,
        {"This is not medical advice.": "Esto no es consejo médico."},
    )
    publish_translation(dystonia, spanish, DYSTONIA)

    assert "Esto no es consejo médico." in client.get("/es/conditions/distonia/").text
    assert "This is not medical advice." in client.get("/en/conditions/dystonia/").text


def test_syncing_cannot_publish_a_translation_past_medical_review(
    admin_client, dystonia, spanish, spanish_index
):
    guide = publish_translation(dystonia, spanish, DYSTONIA)
    dystonia.summary = "Muscles tighten and twist on their own."
    dystonia.save_revision().publish()
    source = translation_of(dystonia, spanish).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    form = admin_client.get(url)
    response = admin_client.post(url, {"publish_translations": "on"})

    assert 'type="checkbox" name="publish_translations"' not in form.text
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.summary == "Los músculos se contraen por sí solos."
    assert not guide.has_unpublished_changes


def test_translator_sends_the_spanish_draft_to_medical_review(
    admin_client, dystonia, spanish, spanish_index
):
    draft = translate_with_strings(dystonia, spanish, DYSTONIA)
    submit_url = reverse("translations:submit_for_review", args=[draft.pk])

    edit_view = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    confirm = admin_client.get(submit_url)
    response = admin_client.post(submit_url)

    assert submit_url in edit_view.text
    assert confirm.status_code == 200
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    assert not draft.live
    # Once in review, there is nothing more to submit.
    admin_client.post(submit_url)
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 1


def test_spanish_index_is_a_translation_of_the_english_one(conditions_index, spanish_index):
    # wagtail-localize finds a translated guide's parent by the index's translation key.
    assert spanish_index.translation_key == conditions_index.translation_key
    assert (
        spanish_index.get_parent().translation_key == conditions_index.get_parent().translation_key
    )
    assert spanish_index.live and spanish_index.get_parent().live
    assert spanish_index.url == "/es/conditions/"
