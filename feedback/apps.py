from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "feedback"
    verbose_name = "Page feedback"

    def ready(self):
        # The guide's editor shows its helpfulness on the Settings tab. Added from here so
        # that conditions, which every app reads, imports no app that reads it back
        # (tests/test_app_dependencies.py); Wagtail builds the edit form on first use.
        from conditions.models import ConditionPage

        from .panels import HelpfulnessPanel

        ConditionPage.settings_panels = [*ConditionPage.settings_panels, HelpfulnessPanel()]
