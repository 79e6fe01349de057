"""The guide's editor sees its "Was this page helpful?" figures in the page editor."""

from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup
from django.urls import reverse

from feedback.models import MISSING_SHOWN, PageFeedback


def panel(client, guide):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("[data-helpfulness-panel]")


def test_the_editor_sees_the_counts_the_share_and_what_was_missing(client_for, guide):
    for helpful in (True, True, True, False):
        PageFeedback.objects.create(guide=guide, helpful=helpful)
    for n in range(MISSING_SHOWN + 2):
        PageFeedback.objects.create(guide=guide, helpful=False, missing=f"Missing {n}")
    shown = panel(client_for("editor"), guide)
    assert "11 answers: 3 Yes, 8 No (73% No)." in " ".join(shown.text.split())
    items = [li.contents[0].strip() for li in shown.select("li")]
    assert items == [f"Missing {n}" for n in range(MISSING_SHOWN + 1, 1, -1)]


def test_the_link_opens_the_report_filtered_to_this_guide(client_for, guide):
    PageFeedback.objects.create(guide=guide, helpful=False, missing="Dosage")
    editor = client_for("editor")
    link = panel(editor, guide).select_one("a")["href"]
    url = urlparse(link)
    assert url.path == reverse("feedback_report")
    assert parse_qs(url.query) == {"title": ["Dystonia"], "locale": [str(guide.locale_id)]}
    report = editor.get(link).content.decode()
    assert "Dosage" in report


def test_a_guide_without_answers_says_so(client_for, guide):
    assert "No reader has answered" in panel(client_for("editor"), guide).text


def test_answers_on_other_guides_are_not_counted(client_for, guide, conditions_index):
    from tests.factories import ConditionPageFactory

    other = ConditionPageFactory(title="Epilepsy", slug="epilepsy")
    PageFeedback.objects.create(guide=other, helpful=False, missing="Elsewhere")
    shown = panel(client_for("editor"), guide)
    assert "No reader has answered" in shown.text and "Elsewhere" not in shown.text


def test_the_panel_is_not_on_a_new_guide(client_for, guide):
    url = reverse(
        "wagtailadmin_pages:add", args=["conditions", "conditionpage", guide.get_parent().pk]
    )
    response = client_for("editor").get(url)
    assert response.status_code == 200
    assert "comments_open" in response.content.decode()  # The Settings tab is there.
    assert "data-helpfulness-panel" not in response.content.decode()


def test_the_panel_takes_two_queries_however_many_answers(client_for, guide):
    from tests.editing.test_editor_query_counts import EDIT_FORM_QUERIES, edit_form_queries

    editor = client_for("editor")
    PageFeedback.objects.create(guide=guide, helpful=False, missing="One")
    few = edit_form_queries(editor, guide)
    for n in range(30):
        PageFeedback.objects.create(guide=guide, helpful=n % 2 == 0, missing=f"More {n}")
    assert edit_form_queries(editor, guide) == few <= EDIT_FORM_QUERIES
