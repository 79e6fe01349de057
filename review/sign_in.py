"""The username django-axes records for a failed sign-in (AXES_USERNAME_CALLABLE)."""

from axes.conf import settings as axes_settings
from axes.models import AccessAttempt

USERNAME_LENGTH = AccessAttempt._meta.get_field("username").max_length


def throttled_username(request, credentials=None):
    """What was typed as the username, cut to what django-axes can store.

    Django's login form does not enforce the username's length, so a visitor can type
    any amount; django-axes would then fail to save the attempt (PostgreSQL refuses a
    longer value) and the login page would answer 500. No account has a longer name, so
    the cut changes no one's lockout. A NUL byte, which PostgreSQL refuses too, is kept
    visible as "0x00", the way django-axes records it in the query data.
    """
    field = axes_settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    if username is None:
        return None
    return str(username).replace("\0", "0x00")[:USERNAME_LENGTH]
