from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import Translation

from conditions.models import BodySystem, ConditionPage
from translations.demo import read_demo_translations
from translations.outdated import out_of_date_translations


@pytest.mark.django_db
def test_demo_has_reviewed_spanish_guides_made_with_wagtail_localize(client):
    call_command("load_demo", "--no-user", stdout=StringIO())

    spanish = Locale.objects.get(language_code="es")
    guides = ConditionPage.objects.live().filter(locale=spanish)
    assert guides.count() == len(read_demo_translations()["guides"]) >= 5
    assert (
        BodySystem.objects.filter(locale=spanish).count()
        == BodySystem.objects.filter(locale=Locale.get_default()).count()
    )
    assert Translation.objects.filter(target_locale=spanish, enabled=True).count() > guides.count()
    assert out_of_date_translations() == []

    response = client.get("/es/conditions/distonia/")
    assert response.status_code == 200
    html = response.text
    assert '<h1 id="guide-title">Distonía</h1>' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/en/conditions/dystonia/">'
        in html
    )
    assert "Hable con su médico antes de empezar" in html
    assert "Cerebro y nervios" in html
