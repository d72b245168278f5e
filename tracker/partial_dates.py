"""Dates known to the day, the month or the year, as articles give them ("2019-05")."""

import calendar
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


def parse_as_of(value):
    """Return (date, precision) of the date a running total was counted to; raise ValueError.

    A total "as of June" ("le mois dernier", "last month") counts the whole of June: it is
    placed at the month's last day, so that it never sorts before a figure of June 30 that it
    restates or that it follows.
    """
    day, precision = parse_partial_date(value)
    if precision == DatePrecision.MONTH:
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, precision
