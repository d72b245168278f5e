"""Tombstones of figures deleted one by one (an editor's deletion, a report's cascade).

Re-extraction removes figures in bulk and writes their tombstones itself; every other way a
figure can go runs through Django's deletion collector, which sends post_delete for each row.
Recording the tombstone there, as django-simple-history records its history row, means no
path (admin, shell, cascade) can make a figure vanish from the deletions feed.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from tracker.models import Estimate, EstimateTombstone


@receiver(post_delete, sender=Estimate)
def estimate_deleted(sender, instance, **kwargs):
    """Record the id of a figure deleted outside re-extraction."""
    EstimateTombstone.objects.get_or_create(estimate_id=instance.pk, defaults={"reason": "deleted"})
