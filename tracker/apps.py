from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Casualty tracker"

    def ready(self):
        from tracker import deletions, freshness  # noqa: F401 - connect their signal receivers
