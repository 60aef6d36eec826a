"""Review intervals and due dates: the words writers use, and calendar arithmetic."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_aiguide.review.interval import Interval, add_interval, due_date, parse_interval


@pytest.mark.parametrize(("written", "meant"), [
    ("180", Interval(180, "day")),
    (180, Interval(180, "day")),
    ("1 day", Interval(1, "day")),
    ("90 days", Interval(90, "day")),
    ("6 weeks", Interval(6, "week")),
    ("6 months", Interval(6, "month")),
    ("1 Month", Interval(1, "month")),
    ("1 year", Interval(1, "year")),
    (" 2 YEARS ", Interval(2, "year")),
    ("18months", Interval(18, "month")),
])
def test_intervals_writers_use(written: object, meant: Interval) -> None:
    assert parse_interval(written) == meant


def test_intervals_read_back_as_written() -> None:
    assert [str(parse_interval(text)) for text in ("180", "1 week", "6 months", "1 years")] \
        == ["180 days", "1 week", "6 months", "1 year"]


@pytest.mark.parametrize(("written", "reason"), [
    ("soon", "is not a number of days or 'N weeks|months|years'"),
    ("", "is not a number of days or 'N weeks|months|years'"),
    ("0", "must be longer than zero"),
    ("0 months", "must be longer than zero"),
    ("-3 months", "must be longer than zero"),
    ("1e9 days", "is not a number of days or 'N weeks|months|years'"),
    ("1.5 months", "is not a number of days or 'N weeks|months|years'"),
    ("6 fortnights", "has an unknown unit 'fortnights'; use days, weeks, months or years"),
    ("1000000000 days", "is longer than a hundred years"),
    ("101 years", "is longer than a hundred years"),
    (True, "is not a number of days or 'N weeks|months|years'"),
])
def test_what_is_no_interval_says_why(written: object, reason: str) -> None:
    with pytest.raises(ValueError, match=f"^{reason}$".replace("|", r"\|").replace(".", r"\.")):
        parse_interval(written)


@pytest.mark.parametrize(("start", "interval", "due"), [
    # a month without the day ends at its last day, in leap years and others
    (date(2026, 1, 31), Interval(1, "month"), date(2026, 2, 28)),
    (date(2028, 1, 31), Interval(1, "month"), date(2028, 2, 29)),
    (date(2026, 8, 31), Interval(1, "month"), date(2026, 9, 30)),
    (date(2026, 3, 31), Interval(6, "month"), date(2026, 9, 30)),
    (date(2026, 10, 31), Interval(4, "month"), date(2027, 2, 28)),
    # a leap day plus a year is the last day of February
    (date(2028, 2, 29), Interval(1, "year"), date(2029, 2, 28)),
    (date(2028, 2, 29), Interval(4, "year"), date(2032, 2, 29)),
    (date(2028, 2, 29), Interval(12, "month"), date(2029, 2, 28)),
    # days and weeks count the leap day
    (date(2028, 2, 28), Interval(1, "day"), date(2028, 2, 29)),
    (date(2028, 2, 1), Interval(4, "week"), date(2028, 2, 29)),
    (date(2026, 4, 21), Interval(180, "day"), date(2026, 10, 18)),
    (date(2026, 12, 15), Interval(1, "month"), date(2027, 1, 15)),
])
def test_due_dates(start: date, interval: Interval, due: date) -> None:
    assert add_interval(start, interval) == due


def test_due_date_needs_a_review_date_and_an_interval() -> None:
    assert due_date("2026-04-21", "6 months") == "2026-10-21"
    assert due_date("", "6 months") == ""
    assert due_date("2026-04-21", "") == ""
    # past the end of the calendar: no due date rather than a crash
    assert due_date("9999-06-01", "1 year") == ""


@given(st.dates(max_value=date(9000, 12, 31)), st.integers(1, 1200))
def test_months_land_in_the_right_month_on_the_nearest_day(start: date, months: int) -> None:
    due = add_interval(start, Interval(months, "month"))
    assert (due.year - start.year) * 12 + due.month - start.month == months
    assert due.day == min(start.day, calendar.monthrange(due.year, due.month)[1])
