"""Roles cannot grow: what a user may give is bounded by what they hold.

Site managers add and edit users, so Wagtail's user forms would let them tick
"Administrator" (superuser), edit a superuser's password, or put anyone (themselves
included) in a group that can do more than they can. Here:

- only superusers create, edit or make superusers;
- a user can be put in a group only by someone who holds everything the group grants
  (its permissions, its page and collection permissions, and any review it approves);
- only superusers add, change or delete groups, since a group's permissions are a role.

Wagtail's documented way to change its user and group views is a viewset named by a
``WagtailUsersAppConfig`` subclass (``review.users_app``, in INSTALLED_APPS).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Task, WorkflowPage
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

CHANGES = {"add", "change", "delete"}


def _held(user, model):
    """(permission id, tree path) pairs the user's groups hold on pages or collections."""
    field = "page__path" if model is GroupPagePermission else "collection__path"
    return set(model.objects.filter(group__user=user).values_list("permission_id", field))


def _covers(held, needed):
    return all(
        any(pid == held_pid and path.startswith(held_path) for held_pid, held_path in held)
        for pid, path in needed
    )


def may_grant(user, group):
    """Whether ``user`` holds everything membership of ``group`` would give."""
    if user.is_superuser:
        return True
    own = user.get_all_permissions()
    if any(
        f"{app_label}.{codename}" not in own
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    ):
        return False
    for model, field in (
        (GroupPagePermission, "page__path"),
        (GroupCollectionPermission, "collection__path"),
    ):
        needed = set(model.objects.filter(group=group).values_list("permission_id", field))
        if needed and not _covers(_held(user, model), needed):
            return False
    # Approving a review puts pages live: only someone who may publish them grants it.
    reviewed_pages = WorkflowPage.objects.filter(
        workflow__workflow_tasks__task__in=Task.objects.filter(groupapprovaltask__groups=group)
    ).select_related("page")
    return all(entry.page.permissions_for_user(user).can_publish() for entry in reviewed_pages)


def grantable_groups(user):
    return Group.objects.filter(pk__in=[g.pk for g in Group.objects.all() if may_grant(user, g)])


class RoleLimitedFormMixin:
    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if acting_user is not None and acting_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            # Groups the user already has stay theirs; new ones only within the actor's own.
            current = self.instance.groups.all() if self.instance.pk else Group.objects.none()
            self.fields["groups"].queryset = (grantable_groups(acting_user) | current).distinct()


class RoleLimitedUserCreationForm(RoleLimitedFormMixin, UserCreationForm):
    pass


class RoleLimitedUserEditForm(RoleLimitedFormMixin, UserEditForm):
    pass


class ActingUserFormMixin:
    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"acting_user": self.request.user}


class UserCreateView(ActingUserFormMixin, users.CreateView):
    pass


class UserEditView(ActingUserFormMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    # A copy would start from another user's groups, past the limits above.
    copy_view_enabled = False
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return RoleLimitedUserEditForm if for_update else RoleLimitedUserCreationForm


class RoleDefinitionPolicy(ModelPermissionPolicy):
    """Anyone with the permission may see the groups; only superusers change them."""

    def user_has_permission(self, user, action):
        if action in CHANGES and not (user.is_active and user.is_superuser):
            return False
        return super().user_has_permission(user, action)


class GroupViewSet(groups.GroupViewSet):
    permission_policy = RoleDefinitionPolicy(Group)


@hooks.register("before_bulk_action")
def limit_user_bulk_actions(request, action_type, objects, action_class_instance):
    """The users listing's bulk actions (assign role, (de)activate, delete), limited alike."""
    if action_class_instance.model is not get_user_model() or request.user.is_superuser:
        return
    if any(user.is_superuser for user in objects):
        raise PermissionDenied
    if action_type == "assign_role":
        role = Group.objects.filter(pk=request.POST.get("role") or None).first()
        if role is not None and not may_grant(request.user, role):
            raise PermissionDenied
