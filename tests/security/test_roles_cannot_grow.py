"""Roles cannot grow: who can make, edit or elevate a superuser, or widen a group.

Each action goes through the real admin views and is judged from the database.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from review.roles import EDITORS, SITE_MANAGERS
from tests.review.admin_forms import was_denied

ROLES = ["anonymous", "editor", "reviewer", "manager", "superuser"]
PASSWORD = "A-l0nger-test-passphrase"
User = get_user_model()


@pytest.fixture
def power_group(db):
    """A group that can define roles: more than any role but superusers holds."""
    group = Group.objects.create(name="Role designers")
    group.permissions.add(Permission.objects.get(codename="change_group"))
    return group


@pytest.fixture
def actor(users, superuser):
    def client(role):
        c = Client()
        if role == "superuser":
            c.force_login(superuser)
        elif role != "anonymous":
            c.force_login(users[role])
        return c

    return client


def user_form(user=None, **fields):
    data = {
        "username": user.username if user else "newcomer",
        "email": user.email if user else "newcomer@example.com",
        "first_name": user.first_name if user else "New",
        "last_name": user.last_name if user else "Comer",
        "password1": "" if user else PASSWORD,
        "password2": "" if user else PASSWORD,
        "is_active": "on",
        "groups": [g.pk for g in user.groups.all()] if user else [],
    }
    data.update(fields)
    return data


def create_superuser(client, ctx):
    client.post(reverse("wagtailusers_users:add"), user_form(is_superuser="on"))
    return User.objects.filter(username="newcomer", is_superuser=True).exists()


def edit_a_superuser(client, ctx):
    target = ctx["superuser"]
    client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]),
        user_form(target, email="taken-over@example.com", is_superuser="on"),
    )
    return User.objects.get(pk=target.pk).email == "taken-over@example.com"


def elevate_a_user(client, ctx):
    target = ctx["users"]["editor"]
    client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]),
        user_form(target, is_superuser="on"),
    )
    return User.objects.get(pk=target.pk).is_superuser


def give_a_user_a_stronger_group(client, ctx):
    target = ctx["users"]["editor"]
    groups = [*target.groups.values_list("pk", flat=True), ctx["power_group"].pk]
    client.post(
        reverse("wagtailusers_users:edit", args=[target.pk]), user_form(target, groups=groups)
    )
    return target.groups.filter(pk=ctx["power_group"].pk).exists()


def create_a_user_in_a_stronger_group(client, ctx):
    client.post(reverse("wagtailusers_users:add"), user_form(groups=[ctx["power_group"].pk]))
    return User.objects.filter(username="newcomer", groups=ctx["power_group"]).exists()


def bulk_assign_a_stronger_group(client, ctx):
    target = ctx["users"]["editor"]
    url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
    client.post(f"{url}?id={target.pk}", {"role": ctx["power_group"].pk})
    return target.groups.filter(pk=ctx["power_group"].pk).exists()


def bulk_deactivate_a_superuser(client, ctx):
    # Another superuser: nobody may deactivate themselves.
    target = User.objects.create_superuser("root2", "root2@example.com", PASSWORD)
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{url}?id={target.pk}", {"mark_as_active": "False"})
    return not User.objects.get(pk=target.pk).is_active


PERMISSION_PANELS = ["page", "document", "image", "collection"]


def group_form(name, permissions=()):
    data = {"name": name, "permissions": list(permissions)}
    for panel in PERMISSION_PANELS:
        data |= {
            f"{panel}_permissions-TOTAL_FORMS": "0",
            f"{panel}_permissions-INITIAL_FORMS": "0",
            f"{panel}_permissions-MIN_NUM_FORMS": "0",
            f"{panel}_permissions-MAX_NUM_FORMS": "1000",
        }
    return data


def widen_a_group(client, ctx):
    group = Group.objects.get(name=EDITORS)
    client.post(
        reverse("wagtailusers_groups:edit", args=[group.pk]),
        group_form(EDITORS, [Permission.objects.get(codename="add_user").pk]),
    )
    return group.permissions.filter(codename="add_user").exists()


def create_a_group(client, ctx):
    client.post(reverse("wagtailusers_groups:add"), group_form("Publishers"))
    return Group.objects.filter(name="Publishers").exists()


def create_a_site_manager(client, ctx):
    """Within one's own role: a Site manager may add another."""
    managers = Group.objects.get(name=SITE_MANAGERS)
    client.post(reverse("wagtailusers_users:add"), user_form(groups=[managers.pk]))
    return User.objects.filter(username="newcomer", groups=managers).exists()


ACTIONS = {
    "create a superuser": (create_superuser, {"superuser"}),
    "edit a superuser": (edit_a_superuser, {"superuser"}),
    "elevate a user to superuser": (elevate_a_user, {"superuser"}),
    "give a user a stronger group": (give_a_user_a_stronger_group, {"superuser"}),
    "create a user in a stronger group": (create_a_user_in_a_stronger_group, {"superuser"}),
    "bulk-assign a stronger group": (bulk_assign_a_stronger_group, {"superuser"}),
    "deactivate a superuser": (bulk_deactivate_a_superuser, {"superuser"}),
    "widen a group": (widen_a_group, {"superuser"}),
    "create a group": (create_a_group, {"superuser"}),
    "create a Site manager": (create_a_site_manager, {"manager", "superuser"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(action, role, actor, users, superuser, power_group):
    do, allowed = ACTIONS[action]
    ctx = {"users": users, "superuser": superuser, "power_group": power_group}
    happened = do(actor(role), ctx)
    if role in allowed:
        assert happened, f"{role} should be able to {action}"
    else:
        assert not happened, f"{role} must not be able to {action}"


def test_site_manager_is_not_offered_administrator(actor, users):
    content = actor("manager").get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in content
    content = (
        actor("manager")
        .get(reverse("wagtailusers_users:edit", args=[users["editor"].pk]))
        .content.decode()
    )
    assert 'name="is_superuser"' not in content


def test_site_manager_is_refused_a_superusers_edit_form(actor, superuser):
    response = actor("manager").get(reverse("wagtailusers_users:edit", args=[superuser.pk]))
    assert was_denied(response)
