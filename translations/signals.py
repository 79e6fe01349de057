"""A segment that changes while its translation is in medical review is saved into it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail_localize.models import SegmentOverride, StringTranslation

from .submission import resave_when_in_review


@receiver(post_save, sender=StringTranslation)
@receiver(post_delete, sender=StringTranslation)
@receiver(post_save, sender=SegmentOverride)
@receiver(post_delete, sender=SegmentOverride)
def resave_translation_in_review(sender, instance, raw=False, **kwargs):
    if raw or instance.context_id is None:
        return
    resave_when_in_review(
        instance.context.object_id,
        instance.locale_id,
        user=instance.last_translated_by,
        # A deletion (and an override, which keeps no time) always saves.
        changed_at=getattr(instance, "updated_at", None) if "created" in kwargs else None,
    )
