"""Answers that cost a lot to build and are the same for every visitor, kept until the data changes.

The key holds the data's version (tracker.freshness), so any change to a claimant, report or
figure gives new keys and nothing has to be invalidated; old entries just age out.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def kept(parts, build, *, version):
    """Return what `build()` returns for these key parts at `version` (data_last_updated()), once."""
    stamp = version.isoformat() if version else "empty"
    key = "kept:" + hashlib.sha256("|".join([stamp, *parts]).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.KEPT_SECONDS)
    return value
