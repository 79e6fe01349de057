from django.apps import AppConfig


class ReachConfig(AppConfig):
    """What search engines, other sites and feed readers read: robots.txt, the sitemap,
    structured data and sharing cards."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reach"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from home.models import SiteSettings

        from .signals import make_default_share_image, make_share_image_on_publish

        page_published.connect(make_share_image_on_publish, dispatch_uid="reach-share-image")
        post_save.connect(
            make_default_share_image, sender=SiteSettings, dispatch_uid="reach-default-image"
        )
