"""Signed links in newsletter emails: no database table, nothing guessable.

A confirmation link expires after CONFIRMATION_DAYS; an unsubscribe link never does,
so an old email can always unsubscribe its reader.
"""

import datetime

from django.core import signing

CONFIRMATION_DAYS = 7
_CONFIRM = "newsletter.confirm"
_UNSUBSCRIBE = "newsletter.unsubscribe"


def confirmation_token(signup):
    return signing.dumps([signup.pk, signup.email.lower()], salt=_CONFIRM, compress=True)


def unsubscribe_token(signup):
    return signing.dumps([signup.pk, signup.email.lower()], salt=_UNSUBSCRIBE, compress=True)


def _read(token, salt, max_age=None):
    try:
        pk, email = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    from .models import Signup

    return Signup.objects.filter(pk=pk, email__iexact=email).first()


def signup_to_confirm(token):
    """The signup the link confirms, or None when it is forged, altered or expired."""
    return _read(token, _CONFIRM, max_age=datetime.timedelta(days=CONFIRMATION_DAYS))


def signup_to_unsubscribe(token):
    return _read(token, _UNSUBSCRIBE)
