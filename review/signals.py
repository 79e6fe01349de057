from django.db.models.signals import post_save
from django.dispatch import receiver

from conditions.models import ConditionIndexPage

from .roles import ensure_roles


@receiver(post_save, sender=ConditionIndexPage)
def give_new_conditions_index_its_roles(sender, instance, created, raw=False, **kwargs):
    """However an index is made (site tree, admin, translation), it gets the roles and workflow."""
    if created and not raw:
        ensure_roles()
