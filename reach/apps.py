from django.apps import AppConfig


class ReachConfig(AppConfig):
    """What search engines, other sites and feed readers read: robots.txt, the sitemap."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reach"
