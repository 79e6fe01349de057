import re

from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _


class InternationalEmailValidator(EmailValidator):
    """Django's email validator, also accepting a local part in any script (RFC 6531).

    Django accepts internationalised domains (josé@ejemplo.es's domain part) but only ASCII
    before the @; mail servers with SMTPUTF8 deliver to addresses such as
    josé@example.org, and readers of a Spanish site have them.
    """

    user_regex = re.compile(
        r"(^[-!#$%&'*+/=?^_`{}|~\w]+(\.[-!#$%&'*+/=?^_`{}|~\w]+)*\Z"
        r'|^"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"\Z)',
        re.IGNORECASE | re.UNICODE,
    )


validate_international_email = InternationalEmailValidator(
    message=_("Enter a valid email address.")
)
