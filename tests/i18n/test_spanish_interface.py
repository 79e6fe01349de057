"""The Spanish site has no English left in its interface.

Every English msgid of the project's catalogue (templates and Python) that has a
different Spanish translation must not appear in what a visitor to /es/ reads: text,
page titles and the labels assistive technology reads out. Content comes from the
translated pages; text marked as another language (the switcher's "English") is left
out, as it should be.
"""

import datetime
import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale, Site

from home.models import OpeningHours, SiteSettings, SiteText
from translations.demo import translate_with_strings

from .spanish import BRAIN, DYSTONIA, SPANISH_TREE

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>")
READ_OUT = {"aria-label", "title", "alt", "placeholder"}
SKIPPED = {"script", "style"}


class VisibleText(HTMLParser):
    """What a visitor reads or hears, except text marked as another language."""

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []
        self.texts = []

    def foreign_or_hidden(self):
        return any(tag in SKIPPED or lang not in (None, self.language) for tag, lang in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in {"meta", "link", "input", "img", "br", "hr"}:
            self.stack.append((tag, attrs.get("lang")))
        if not self.foreign_or_hidden():
            self.texts += [value for name, value in attrs.items() if name in READ_OUT and value]

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not self.foreign_or_hidden():
            self.texts.append(" ".join(data.split()))


def english_interface_strings():
    english = set()
    for entry in polib.pofile(str(CATALOGUE)):
        for msgid, msgstr in [
            (entry.msgid, entry.msgstr),
            (entry.msgid_plural, entry.msgstr_plural.get(2, "")),
        ]:
            if msgid and msgstr and msgid != msgstr:
                english.update(
                    part.strip(" .,:;()[]“”")
                    for part in PLACEHOLDER.split(msgid)
                    if len(part.strip(" .,:;()[]“”")) >= 3
                )
    return english


def english_left_in(html, language="es"):
    parser = VisibleText(language)
    parser.feed(html)
    english = english_interface_strings()
    found = set()
    for text in parser.texts:
        for candidate in english:
            whole_word = re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", text)
            if text == candidate or (len(candidate) >= 12 and whole_word):
                found.add(candidate)
    return found


@pytest.fixture
def spanish_site(compiled_messages, dystonia, brain, spanish, spanish_index):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Evergreen Wellness"
    site_settings.street_address = "100 Example Avenue"
    site_settings.locality = "Springfield"
    site_settings.phone = "+1 555 010 0199"
    site_settings.site_text = SiteText.objects.create(
        locale=Locale.get_default(), medical_disclaimer="<p>This is not medical advice.</p>"
    )
    site_settings.opening_hours = [
        OpeningHours(weekday=day, opens=datetime.time(11), closes=datetime.time(19))
        for day in range(5)
    ] + [OpeningHours(weekday=5, opens=datetime.time(9), closes=datetime.time(16))]
    site_settings.save()
    translate_with_strings(
        site_settings.site_text, spanish, {"This is not medical advice.": "No es consejo médico."}
    )
    translate_with_strings(brain, spanish, BRAIN)
    for page in spanish_index.get_ancestors(inclusive=True).filter(depth__gt=1).specific():
        source = page.get_translation(Locale.get_default())
        translated = translate_with_strings(source, spanish, SPANISH_TREE)
        translated.get_latest_revision().publish()
    guide = translate_with_strings(dystonia, spanish, DYSTONIA)
    guide.get_latest_revision().publish()
    return guide


@pytest.mark.parametrize(
    "url",
    [
        "/es/",
        "/es/conditions/",
        "/es/conditions/?system=no-such-system",
        "/es/conditions/distonia/",
        "/es/search/?q=distonía",
        "/es/search/?q=zzzzzz",
        "/es/newsletter/",
        "/es/no-such-page/",
    ],
)
def test_spanish_pages_have_no_english_interface_text(client, spanish_site, url):
    response = client.get(url)

    assert response.status_code in (200, 404)
    assert '<html lang="es">' in response.text
    assert english_left_in(response.text) == set()


def test_spanish_newsletter_errors_are_in_spanish(client, spanish_site):
    response = client.post(
        "/es/newsletter/",
        {"first_name": "", "last_name": "Pérez", "email": "a@example.com", "confirm_email": "b"},
    )

    assert response.status_code == 400
    assert english_left_in(response.text) == set()
    # Django's own messages come from Django's Spanish catalogue.
    assert "This field is required." not in response.text
    assert "Enter a valid email address." not in response.text
    assert "Este campo es necesario." in response.text


def test_spanish_guide_chrome_reads_in_spanish(client, spanish_site):
    html = client.get("/es/conditions/distonia/").text

    for spanish in [
        "Enfermedades de la A a la Z",
        "Solidez de la evidencia:",
        "Evidencia nula o insuficiente",
        "Última revisión de la página:",
        "15 de enero de 2026",
        "Lun–Vie",
        "No es consejo médico.",
        "Cerebro y nervios",
    ]:
        assert spanish in html


def test_the_check_finds_english_on_the_english_site(client, spanish_site):
    english_page = client.get("/en/conditions/dystonia/").text
    assert "Skip to main content" in english_left_in(english_page, language="en")
