"""The Celery application, configured from the CELERY_* Django settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def use_memory_transport_when_eager(sender, **kwargs):
    """Eager tasks still build a producer: without a broker, spare it the search for local AMQP."""
    if not sender.conf.broker_url:
        memory = "memory://localhost/"
        sender.conf.update(broker_url=memory, broker_read_url=memory, broker_write_url=memory)
