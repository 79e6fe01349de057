from wagtail.users.apps import WagtailUsersAppConfig


class RoleLimitedUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's Users and Groups, with the limits in review/role_limits.py."""

    user_viewset = "review.role_limits.UserViewSet"
    group_viewset = "review.role_limits.GroupViewSet"
