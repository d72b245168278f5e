"""When the data last changed: one stamp for the API, its conditional GETs and the methodology page."""

from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from tracker.models import Estimate, Report, Source


def data_last_updated():
    """Return the latest `updated_at` of any source, report or estimate (None when empty)."""
    stamps = [
        model.objects.aggregate(latest=Max("updated_at"))["latest"] for model in (Source, Report, Estimate)
    ]
    return max((s for s in stamps if s is not None), default=None)


def freshness(request):
    """Give every page's footer the stamp; templates call it, so it is queried only when shown."""
    return {"data_last_updated": data_last_updated}


@receiver(post_delete, sender=Estimate)
@receiver(post_delete, sender=Report)
@receiver(post_delete, sender=Source)
def deletion_changes_the_data(sender, **kwargs):
    """Move the stamp on when a row goes: a maximum of `updated_at` alone would not see it.

    After commit, so concurrent deletions (re-extractions) never queue on that one row's lock.
    """
    transaction.on_commit(
        lambda: Source.objects.filter(slug=Source.UNATTRIBUTED).update(updated_at=timezone.now())
    )
