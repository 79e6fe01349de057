"""'Was this page helpful?': plain form POSTs, one answer per visitor, and the report."""

import csv
import io
import re

from bs4 import BeautifulSoup
from django.test import Client, override_settings
from django.urls import reverse

from feedback.models import PageFeedback


def vote(client, guide, answer):
    return client.post(reverse("feedback:vote", args=[guide.pk]), {"helpful": answer})


def test_every_guide_asks_with_a_form_that_needs_no_token(client, guide):
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    form = soup.select_one("form.helpful__form")
    assert form["action"] == reverse("feedback:vote", args=[guide.pk])
    assert [b["value"] for b in form.select("button")] == ["yes", "no"]
    strict = Client(enforce_csrf_checks=True)
    assert vote(strict, guide, "yes").status_code == 302
    assert PageFeedback.objects.get().helpful is True


def test_a_no_asks_what_was_missing_and_keeps_it(client, guide):
    response = vote(client, guide, "no")
    page = client.get(response["Location"])
    soup = BeautifulSoup(page.content, "html.parser")
    token = soup.select_one("input[name=token]")["value"]
    sent = client.post(
        reverse("feedback:missing", args=[guide.pk]),
        {"token": token, "missing": "How to talk to my doctor"},
    )
    assert sent.status_code == 302
    feedback = PageFeedback.objects.get()
    assert (feedback.helpful, feedback.missing) == (False, "How to talk to my doctor")


def test_a_visitor_is_counted_once_per_guide(client, guide):
    vote(client, guide, "yes")
    vote(client, guide, "no")
    assert PageFeedback.objects.count() == 1


def test_a_forged_or_missing_token_saves_nothing(client, guide):
    vote(client, guide, "no")
    response = client.post(
        reverse("feedback:missing", args=[guide.pk]), {"token": "1:forged", "missing": "x"}
    )
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert PageFeedback.objects.get().missing == ""


def test_too_long_a_note_gets_a_clear_message(client, guide):
    response = vote(client, guide, "no")
    soup = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    token = soup.select_one("input[name=token]")["value"]
    response = client.post(
        reverse("feedback:missing", args=[guide.pk]), {"token": token, "missing": "x" * 10_000}
    )
    assert response.status_code == 400
    assert "500 characters" in response.content.decode()


def test_an_unknown_answer_gets_a_clear_message(client, guide):
    response = vote(client, guide, "<script>")
    assert response.status_code == 400
    assert "Choose Yes or No" in response.content.decode()
    assert not PageFeedback.objects.exists()


@override_settings(FEEDBACK_CLIENT_LIMIT=2)
def test_a_flood_is_stopped_with_a_clear_message(guide):
    for _ in range(2):
        assert vote(Client(), guide, "no").status_code == 302
    response = vote(Client(), guide, "no")
    assert response.status_code == 429
    assert "Too many answers" in response.content.decode()
    assert PageFeedback.objects.count() == 2


def test_the_report_lists_guides_by_share_of_no_and_exports_safely(client_for, guide):
    PageFeedback.objects.create(guide=guide, helpful=False, missing="=HYPERLINK(1)")
    PageFeedback.objects.create(guide=guide, helpful=True)
    editor = client_for("editor")
    html = editor.get(reverse("feedback_report")).content.decode()
    assert "Dystonia" in html and "50%" in html and "=HYPERLINK(1)" in html
    export = editor.get(reverse("feedback_report") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[1][0] == "Dystonia"
    assert "'=HYPERLINK(1)" in rows[1]


def test_the_report_shows_the_newest_answers_of_what_was_missing(client_for, guide):
    for n in range(1, 8):
        PageFeedback.objects.create(guide=guide, helpful=False, missing=f"Answer number {n}.")
    html = client_for("editor").get(reverse("feedback_report")).content.decode()
    assert "Answer number 7." in html and "Answer number 3." in html
    assert "Answer number 2." not in html and "Answer number 1." not in html


def test_visitors_cannot_see_the_report(client, guide):
    response = client.get(reverse("feedback_report"))
    assert response.status_code == 302
    assert re.search(r"/login/", response["Location"])
