"""`{{ day|as_of:precision }}`: a date as precisely as it is known, in the active language."""

from django import template
from django.utils.html import format_html

from tracker.charts import as_of_label

register = template.Library()


@register.filter
def as_of(day, precision="day"):
    """Return "June 2017" for a month figure, "31 mars 2017" for a day, inside a <time> element."""
    if not day:
        return "—"
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), as_of_label(day, precision or "day"))
