from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Casualty tracker"

    def ready(self):
        from tracker import freshness  # noqa: F401 - connects its signal receivers
