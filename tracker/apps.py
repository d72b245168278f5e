from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Casualty Tracker")

    def ready(self):
        from tracker import deletions, freshness  # noqa: F401 - connect their signal receivers
