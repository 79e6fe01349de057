from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"

    def ready(self):
        from wagtail.signals import page_published

        from .images import make_renditions_on_publish

        page_published.connect(make_renditions_on_publish, dispatch_uid="guide-renditions")
