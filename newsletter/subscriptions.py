"""Double opt-in: what a signup does, and the emails it sends.

An anonymous form never changes a stored signup, and the visitor sees the same answer
whether or not the address was already subscribed: only its owner learns that, by email.
"""

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Signup
from .tokens import CONFIRMATION_DAYS, confirmation_token, unsubscribe_token


def request_signup(request, data, language):
    signup = Signup.objects.filter(email__iexact=data["email"]).first()
    if signup is None:
        try:
            with transaction.atomic():
                signup = Signup.objects.create(
                    email=data["email"].strip(),
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    language=language,
                )
        except IntegrityError:
            return  # the same address signing up twice at once: the first one wins
    if signup.status == Signup.Status.ACTIVE:
        send(request, signup, "already_subscribed")
    else:
        send(request, signup, "confirm")


def confirm(signup):
    signup.status = Signup.Status.ACTIVE
    signup.confirmed_at = timezone.now()
    signup.save(update_fields=["status", "confirmed_at", "updated_at"])


def unsubscribe(signup):
    signup.status = Signup.Status.UNSUBSCRIBED
    signup.save(update_fields=["status", "updated_at"])


def unsubscribe_url(request, signup):
    return request.build_absolute_uri(
        reverse("newsletter:unsubscribe", args=[unsubscribe_token(signup)])
    )


def send(request, signup, kind):
    """An email to the subscriber, with a one-click unsubscribe link and headers (RFC 8058)."""
    unsubscribe = unsubscribe_url(request, signup)
    context = {
        "signup": signup,
        "confirm_url": request.build_absolute_uri(
            reverse("newsletter:confirm", args=[confirmation_token(signup)])
        ),
        "confirmation_days": CONFIRMATION_DAYS,
        "unsubscribe_url": unsubscribe,
    }
    subject = render_to_string(f"newsletter/email/{kind}_subject.txt", context).strip()
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string(f"newsletter/email/{kind}.txt", context),
        to=[signup.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
