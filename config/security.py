"""The Content Security Policy: strict on the public site, looser in the Wagtail admin.

Public templates have no inline script, style or event handler (tests/test_no_inline_code.py),
so the site's policy allows only its own files. Wagtail's admin (and wagtail-localize's
editor) set inline styles and a few inline scripts, so admin URLs get
``WAGTAILADMIN_CONTENT_SECURITY_POLICY`` instead: still no other origin.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PathBasedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.WAGTAILADMIN_PATH_PREFIX):
            return PolicyParts(
                config=settings.WAGTAILADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts
