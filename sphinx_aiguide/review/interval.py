"""Review intervals: ``180``, ``6 weeks``, ``6 months``, ``1 year``, and the dates they lead to.

Pure functions with no Sphinx in them: the configuration check, the directives and the
command line all read intervals through :func:`parse_interval`, and every due date is
:func:`add_interval` of a review date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

#: Units as written (singular, plural, short) -> the unit's name.
_UNITS = {
    "day": "day", "days": "day", "d": "day",
    "week": "week", "weeks": "week", "w": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year", "y": "year",
}
#: The longest interval in each unit: a century, far beyond any review cycle, and small
#: enough that a due date never leaves the calendar.
_LIMITS = {"day": 36_525, "week": 5_218, "month": 1_200, "year": 100}
_INTERVAL = re.compile(r"(?P<count>[+-]?\d+)\s*(?P<unit>[^\W\d_]+)?")


@dataclass(frozen=True)
class Interval:
    """A whole number of days, weeks, months or years."""

    amount: int
    #: ``day``, ``week``, ``month`` or ``year``.
    unit: str

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


def parse_interval(raw: object) -> Interval:
    """The interval *raw* names: a number of days, or ``N days|weeks|months|years``.

    Raises :class:`ValueError` saying what is wrong (not a whole number, not positive,
    an unknown unit, longer than a century).
    """
    if isinstance(raw, bool):
        raise ValueError("is not a number of days or 'N weeks|months|years'")
    text = str(raw).strip().lower()
    match = _INTERVAL.fullmatch(text)
    if match is None:
        raise ValueError("is not a number of days or 'N weeks|months|years'")
    unit = _UNITS.get(match["unit"] or "days")
    if unit is None:
        raise ValueError(f"has an unknown unit {match['unit']!r}; "
                         "use days, weeks, months or years")
    count = int(match["count"])
    if count <= 0:
        raise ValueError("must be longer than zero")
    if count > _LIMITS[unit]:
        raise ValueError("is longer than a hundred years")
    return Interval(count, unit)


def add_interval(day: date, interval: Interval) -> date:
    """*day* plus *interval*; a month or year that lacks the day ends at its last day.

    31 January plus one month is 28 (or 29) February; 29 February plus one year is
    28 February.
    """
    if interval.unit == "day":
        return day + timedelta(days=interval.amount)
    if interval.unit == "week":
        return day + timedelta(weeks=interval.amount)
    months = interval.amount * (12 if interval.unit == "year" else 1)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(last_reviewed: str, every: str) -> str:
    """The ISO date a review on *last_reviewed* falls due *every* later.

    "" when either is missing, or the date would lie beyond the year 9999.
    """
    if not last_reviewed or not every:
        return ""
    try:
        due = add_interval(date.fromisoformat(last_reviewed), parse_interval(every))
    except (ValueError, OverflowError):  # past the end of the calendar (year 9999)
        return ""
    return due.isoformat()
