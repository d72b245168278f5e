"""When the data last changed: one stamp for the API, its conditional GETs and the methodology page."""

from django.db import transaction
from django.db.models import IntegerField, Max, Value
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from tracker.models import Estimate, Report, Source


def data_last_updated():
    """Return the latest `updated_at` of any source, report or estimate (None when empty).

    One query for the three tables: every public request asks it (the key of what is kept),
    and under load each round trip to the database counts.
    """
    source, report, estimate = (_latest(model) for model in (Source, Report, Estimate))
    stamps = source.union(report, estimate, all=True)
    return max((s for s in stamps if s is not None), default=None)


def _latest(model):
    """Return the one-row query of a table's latest `updated_at`, which a union can take."""
    whole_table = model.objects.order_by().annotate(whole=Value(1, IntegerField())).values("whole")
    return whole_table.annotate(latest=Max("updated_at")).values_list("latest", flat=True)


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
