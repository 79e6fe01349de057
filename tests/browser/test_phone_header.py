"""On a 390 px phone the guide's title shows without scrolling past a tall header."""

import pytest
from wagtail.models import Locale

from home.site_tree import get_or_create_conditions_index

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_phone_header_leaves_room_for_the_title(page, live_site):
    # A Spanish site tree, so the language switcher shows too.
    get_or_create_conditions_index(Locale.objects.get_or_create(language_code="es")[0])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_site.url(live_site.guide.url))
    header = page.locator(".site-header").bounding_box()
    title = page.locator("h1").first.bounding_box()
    page.screenshot(path=str(ARTIFACTS / "phone-header.png"))
    # It took 263 px (title at 318 px) before the phone layout.
    assert header["height"] <= 180, f"the header takes {header['height']:.0f} px"
    assert title["y"] <= 240, f"the title starts {title['y']:.0f} px down"
    # Nothing in the header is cut off or runs past the screen's edge.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
