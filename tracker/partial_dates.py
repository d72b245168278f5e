"""Dates known to the day, the month or the year, as articles give them ("2019-05")."""

import datetime

from tracker.models import DatePrecision


def parse_partial_date(value):
    """Return (date, precision) of a date or "YYYY-MM-DD" / "YYYY-MM" / "YYYY"; raise ValueError."""
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    value = str(value).strip()
    if len(value) == 4 and value.isdigit():
        return datetime.date(int(value), 1, 1), DatePrecision.YEAR
    if len(value) == 7:
        return datetime.date.fromisoformat(value + "-01"), DatePrecision.MONTH
    if len(value) == 10:
        return datetime.date.fromisoformat(value), DatePrecision.DAY
    raise ValueError(f"not a date: {value!r}")
