import datetime

import pytest

from tracker.models import DatePrecision
from tracker.partial_dates import parse_as_of, parse_partial_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-05", (datetime.date(2019, 5, 1), DatePrecision.MONTH)),
        ("2016-11-09", (datetime.date(2016, 11, 9), DatePrecision.DAY)),
        ("2017", (datetime.date(2017, 1, 1), DatePrecision.YEAR)),
        (datetime.date(2017, 7, 7), (datetime.date(2017, 7, 7), DatePrecision.DAY)),
    ],
)
def test_it_reads_a_date_with_its_precision(value, expected):
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize("value", ["2019-13", "2019-02-30", "May 2019", "", "20190501"])
def test_it_refuses_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        parse_partial_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-06", (datetime.date(2017, 6, 30), "month")),
        ("2016-02", (datetime.date(2016, 2, 29), "month")),
        ("2017-06-01", (datetime.date(2017, 6, 1), "day")),
    ],
)
def test_a_total_as_of_a_month_is_placed_at_the_months_end(value, expected):
    assert parse_as_of(value) == expected
