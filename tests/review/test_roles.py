"""The roles every install has, set up by review's data migration."""

from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    WorkflowPage,
)

from home.site_tree import get_or_create_conditions_index
from review.roles import EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS


def page_permissions(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_groups_exist_and_wagtails_moderators_is_gone(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS} <= names
    assert "Moderators" not in names


def test_editors_no_longer_publish_from_the_root(db):
    root = Page.get_first_root_node()
    assert page_permissions(EDITORS, root) == set()
    assert "publish_page" in page_permissions(SITE_MANAGERS, root)


def test_writers_get_add_and_change_on_every_conditions_index(db):
    english = get_or_create_conditions_index()
    spanish = get_or_create_conditions_index(Locale.objects.create(language_code="es"))
    for index in (english, spanish):
        for group in (EDITORS, MEDICAL_REVIEWERS):
            assert page_permissions(group, index) == {"add_page", "change_page"}
        assert WorkflowPage.objects.get(page=index).workflow.name == "Medical review"


def test_media_permissions_on_the_root_collection(db):
    root = Collection.get_first_root_node()
    editors = set(
        GroupCollectionPermission.objects.filter(group__name=EDITORS, collection=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert editors == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }


def test_site_managers_manage_settings_and_users_but_are_not_superusers(users):
    manager = users["manager"]
    assert not manager.is_superuser
    for permission in (
        "home.change_sitesettings",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "wagtailadmin.access_admin",
    ):
        assert manager.has_perm(permission), permission
    assert not users["editor"].has_perm("auth.change_user")
    assert not users["editor"].has_perm("home.change_sitesettings")
