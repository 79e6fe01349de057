"""The Nu Html Checker and axe-core, tools nobody here wrote, find nothing wrong on the
public pages, in English and in Spanish.

One test visits every page: building the Spanish site takes a while, and the Nu Html
Checker (vnu.jar, from npm's ``vnu-jar`` in tools/validators/) starts Java once for all of
them. Each page is then its own subtest, so a failure names the page. The checker's
warnings are left out; its errors are not.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from comments.models import Comment
from conditions.blocks import ConditionBodyBlock
from tests.factories import ConditionPageFactory, overview
from tests.i18n.spanish import BRAIN, DYSTONIA, SPANISH_TREE
from tests.tools import missing_tool
from translations.demo import translate_with_strings

pytestmark = pytest.mark.browser

VALIDATORS = Path(__file__).resolve().parents[2] / "tools" / "validators"
VNU_JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = Axe()


def vnu_command():
    """``java -jar vnu.jar``; the test fails without them in CI and is skipped elsewhere."""
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-jar", str(VNU_JAR)]
    message = (
        "The Nu Html Checker needs Java (apt-get install default-jre-headless)"
        if not java
        else f"The Nu Html Checker is not installed at {VNU_JAR} (make validators)"
    )
    missing_tool(message)


def nu_html_checker_errors(command, documents, folder):
    """{name: [error, …]} for each of ``documents`` ({name: HTML}), in one run of the checker."""
    files = {}
    for name, html in documents.items():
        path = folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    # Exit status 1 means "errors found": the JSON says which.
    result = subprocess.run(  # noqa: S603 (a fixed command on files the test wrote)
        [*command, "--format", "json", "--stdout", *(str(folder / file) for file in files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The Nu Html Checker did not answer in JSON:\n{result.stdout}{result.stderr}")
    errors = {name: [] for name in documents}
    for message in messages:
        # "info" messages are notes and warnings; "non-document-error" means it could not read.
        if message["type"] == "info":
            continue
        name = files.get(message.get("url", "").rpartition("/")[2])
        where = f"line {message.get('lastLine', '?')}: " if "lastLine" in message else ""
        text = f"{where}{message['message']} {message.get('extract', '').strip()!r}"
        if name is None:
            pytest.fail(f"The Nu Html Checker could not check a page: {message}")
        errors[name].append(text)
    return errors


def blank_for_none(raw):
    if isinstance(raw, dict):
        return {key: blank_for_none(value) for key, value in raw.items()}
    if isinstance(raw, list):
        return [blank_for_none(value) for value in raw]
    return "" if raw is None else raw


def every_block(image, linked_guide):
    """One of each block a guide's body can hold: a new block type is checked when added."""
    body_block = ConditionBodyBlock()
    body = [overview("<p>Every kind of section, once.</p>")]
    for name, block in body_block.child_blocks.items():
        if name == "overview":
            continue
        if name == "image":
            value = block.to_python(
                {
                    "image": {"image": image.pk, "alt_text": "A calm lake.", "decorative": False},
                    "caption": "A caption.",
                }
            )
        else:
            # A preview leaves out optional text, which comes back as None; an editor's form
            # saves it empty, and wagtail-localize expects that.
            stored = block.get_prep_value(
                block.to_python(block.get_prep_value(block.get_preview_value()))
            )
            value = block.to_python(blank_for_none(stored))
        if name == "resources":
            value["pages"] = [linked_guide]
        body.append((name, value))
    return body


def published_in_spanish(page, strings):
    translated = translate_with_strings(page, Locale.objects.get(language_code="es"), strings)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


def comment_with_a_reply(guide):
    question = Comment.objects.create(
        guide=guide,
        name="Sam",
        text="Does it help with sleep?\nAsking for my mum.",
        status="approved",
    )
    Comment.objects.create(
        guide=guide,
        name="The editors",
        text="See the treatments section: www.example.org",
        status="approved",
        trusted=True,
        is_staff_reply=True,
        reply_to=question,
    )


def guides_in_both_languages(live_site):
    """{language: (guide with every block type, guide with comments)}, all published.

    The Spanish tree and guides are made the way wagtail-localize makes them.
    """
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    image = get_image_model().objects.create(
        title="Lake", file=get_test_image_file(size=(1200, 800))
    )
    showcase = ConditionPageFactory(
        title="Every block",
        slug="every-block",
        hero_image=image,
        hero_image_alt="A calm lake at dawn.",
        body=every_block(image, live_site.guide),
    )
    translate_with_strings(live_site.guide.body_systems.get(), spanish, BRAIN)
    for page in live_site.index.get_ancestors(inclusive=True).filter(depth__gt=1).specific():
        published_in_spanish(page, SPANISH_TREE)
    guides = {
        "en": (showcase, live_site.guide),
        # The showcase's text is left in English: only the markup matters here.
        "es": (published_in_spanish(showcase, {}), published_in_spanish(live_site.guide, DYSTONIA)),
    }
    for _showcase, commented in guides.values():
        comment_with_a_reply(commented)
    return guides


def test_public_pages_pass_the_nu_html_checker_and_axe_core(page, live_site, subtests, tmp_path):
    command = vnu_command()
    guides = guides_in_both_languages(live_site)
    urls = {}
    for language, search_term in [("en", "dystonia"), ("es", "distonía")]:
        with translation.override(language):
            search = reverse("search")
            newsletter = reverse("newsletter:signup")
        index = live_site.index.get_translation(Locale.objects.get(language_code=language))
        urls |= {
            f"home page ({language})": f"/{language}/",
            f"A–Z ({language})": index.url,
            f"guide with every block type ({language})": guides[language][0].url,
            f"guide with approved comments ({language})": guides[language][1].url,
            f"search results ({language})": f"{search}?q={search_term}",
            f"search with no results ({language})": f"{search}?q=zzzzzz",
            f"newsletter page with errors ({language})": newsletter,
        }

    documents, axe_reports = {}, {}
    for name, path in urls.items():
        response = page.goto(live_site.url(path))
        if name.startswith("newsletter"):
            # The server's own answer to a bad address, as a visitor without JavaScript gets.
            page.fill("main input[name=email]", "not-an-email")
            with page.expect_navigation() as navigation:
                page.click("main button[type=submit]")
            response = navigation.value
            assert response.status == 400, name
            assert page.locator(".form-field__error").count() > 0, name
        else:
            assert response.status == 200, name
        if "search results" in name:
            assert page.locator("main a[href*='/conditions/']").count() > 0, name
        documents[name] = response.text()
        results = AXE.run(page)
        axe_reports[name] = results.generate_report() if results.violations_count else ""

    showcase = documents["guide with every block type (en)"]
    for rendered in ["<picture", "<blockquote", "callout", "Plain words help anxious readers."]:
        assert rendered in showcase, rendered
    assert "Asking for my mum." in documents["guide with approved comments (es)"]
    assert "Reply from our team" in documents["guide with approved comments (en)"]
    vnu_errors = nu_html_checker_errors(command, documents, tmp_path)

    for name, path in urls.items():
        with subtests.test(msg=name, path=path):
            assert axe_reports[name] == "", f"axe-core found violations:\n{axe_reports[name]}"
            assert vnu_errors[name] == [], "The Nu Html Checker found errors:\n" + "\n".join(
                vnu_errors[name]
            )
