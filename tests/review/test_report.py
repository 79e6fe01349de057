"""The "Guides due for review" report, its dashboard panel, and the reviewers' digest."""

import csv
import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.factories import BodySystemFactory, ConditionPageFactory

from .admin_forms import was_denied

TODAY = datetime.date(2027, 6, 1)


@pytest.fixture
def due_guides(conditions_index):
    brain = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    skin = BodySystemFactory(name="Skin", slug="skin")
    return {
        "overdue": ConditionPageFactory(
            title="Dystonia",
            next_review_due=TODAY - datetime.timedelta(days=10),
            reviewed_by="Dr Ada Lee",
            body_systems=[brain],
        ),
        "soon": ConditionPageFactory(
            title="Eczema",
            next_review_due=TODAY + datetime.timedelta(days=20),
            reviewed_by="Dr Ben Ortiz",
            body_systems=[skin],
        ),
        "later": ConditionPageFactory(
            title="Insomnia", next_review_due=TODAY + datetime.timedelta(days=200)
        ),
    }


pytestmark = pytest.mark.usefixtures("due_guides")


def report(client, **params):
    return client.get(reverse("review_due_report"), params)


@time_machine.travel(TODAY, tick=False)
def test_the_report_lists_overdue_and_soon_due_guides(client_for):
    content = report(client_for("editor")).content.decode()
    assert "Dystonia" in content and "Eczema" in content
    assert "Insomnia" not in content
    assert "Overdue" in content and "Due soon" in content


@time_machine.travel(TODAY, tick=False)
def test_the_report_filters_by_body_system_and_reviewer(client_for, due_guides):
    editor = client_for("editor")
    skin = due_guides["soon"].body_systems.get()
    content = report(editor, body_system=skin.pk).content.decode()
    assert "Eczema" in content and "Dystonia" not in content
    content = report(editor, reviewed_by="Dr Ada Lee").content.decode()
    assert "Dystonia" in content and "Eczema" not in content


@time_machine.travel(TODAY, tick=False)
def test_the_report_exports_csv(client_for):
    response = report(client_for("reviewer"), export="csv")
    assert response["Content-Type"].startswith("text/csv")
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Guide"] for row in rows] == ["Dystonia", "Eczema"]
    assert rows[0]["Next review due"] == "2027-05-22"
    assert rows[0]["Reviewed by"] == "Dr Ada Lee"


def test_anonymous_visitors_cannot_see_the_report(client):
    assert was_denied(report(client))


@time_machine.travel(TODAY, tick=False)
def test_the_report_is_under_reports_and_counted_on_the_dashboard(client_for):
    content = client_for("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "2 guides are overdue for medical review or due within 30 days." in content
    assert reverse("review_due_report") in content


@time_machine.travel(TODAY, tick=False)
def test_the_digest_emails_each_medical_reviewer(users, make_user):
    second = make_user("reviewer", username="reviewer2")
    make_user("reviewer", username="no_email").__class__.objects.filter(username="no_email").update(
        email=""
    )
    mail.outbox.clear()
    call_command("send_review_digest", stdout=io.StringIO())
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [users["reviewer"].email, second.email]
    )
    message = mail.outbox[0]
    assert message.subject == "2 guides need medical review"
    assert "Overdue for review:" in message.body and "Dystonia" in message.body
    assert "Due within 30 days:" in message.body and "Eczema" in message.body
    assert "Insomnia" not in message.body
    assert "http://testserver/admin/pages/" in message.body


@time_machine.travel(TODAY - datetime.timedelta(days=400), tick=False)
def test_no_digest_when_nothing_is_due(users):
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_review_digest", stdout=out)
    assert mail.outbox == []
    assert "no email sent" in out.getvalue()


@time_machine.travel(TODAY, tick=False)
def test_digest_lines_cannot_be_forged_by_a_title(users, due_guides):
    guide = due_guides["overdue"]
    guide.title = "Dystonia\r\n\r\nURGENT: sign in at http://evil.example\u202e\tnow"
    guide.reviewed_by = "Dr\nMallory"
    guide.save_revision().publish()
    mail.outbox.clear()
    call_command("send_review_digest", stdout=io.StringIO())
    body = mail.outbox[0].body
    assert "- Dystonia URGENT: sign in at http://evil.example now (en)" in body
    assert "last reviewed by Dr Mallory" in body
    assert "\r" not in body and "\u202e" not in body and "\t" not in body
