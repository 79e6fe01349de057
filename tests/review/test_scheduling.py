"""Go-live and expiry dates, with time moved forward by time-machine."""

import datetime

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conditions.models import ConditionPage
from tests.factories import ConditionPageFactory, overview

from .admin_forms import guide_form
from .test_workflow import submit, workflow_action

NOW = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M")


@time_machine.travel(NOW, tick=False)
def test_approval_schedules_a_guide_with_a_go_live_date(conditions_index, client_for):
    guide = ConditionPageFactory(
        title="Epilepsy", slug="epilepsy", publish=False, body=[overview()]
    )
    go_live = NOW + datetime.timedelta(days=2)
    submit(client_for("editor"), guide, go_live_at=local(go_live))
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="")

    guide = ConditionPage.objects.get(pk=guide.pk)
    assert not guide.live
    assert guide.scheduled_revision is not None
    assert client_for("anonymous").get("/en/conditions/epilepsy/").status_code == 404

    call_command("publish_scheduled")
    assert not ConditionPage.objects.get(pk=guide.pk).live  # Not yet.

    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        guide = ConditionPage.objects.get(pk=guide.pk)
        assert guide.live
        assert guide.last_reviewed == NOW.date()
        assert client_for("anonymous").get("/en/conditions/epilepsy/").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_a_live_guide_keeps_its_published_text_until_the_scheduled_change(guide, client_for):
    go_live = NOW + datetime.timedelta(days=1)
    submit(client_for("editor"), guide, summary="The scheduled wording.", go_live_at=local(go_live))
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="")
    anonymous = client_for("anonymous")
    assert (
        "The scheduled wording." not in anonymous.get("/en/conditions/dystonia/").content.decode()
    )
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        content = anonymous.get("/en/conditions/dystonia/").content.decode()
        assert "The scheduled wording." in content


@time_machine.travel(NOW, tick=False)
def test_a_guide_expires_at_its_expiry_date(guide, client_for):
    expire = NOW + datetime.timedelta(days=3)
    response = client_for("manager").post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, expire_at=local(expire)) | {"action-publish": "1"},
    )
    assert response.status_code == 302
    assert ConditionPage.objects.get(pk=guide.pk).expire_at == expire

    with time_machine.travel(expire + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        guide = ConditionPage.objects.get(pk=guide.pk)
        assert not guide.live and guide.expired
        assert client_for("anonymous").get("/en/conditions/dystonia/").status_code == 404
