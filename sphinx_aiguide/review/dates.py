"""Review dates: reading ISO dates and intervals, knowing today, showing a date to readers."""

from __future__ import annotations

import calendar
import os
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import babel.dates
from sphinx.util import logging
from sphinx.util.i18n import format_date

from sphinx_aiguide.config import settings
from sphinx_aiguide.locales import reader_locale
from sphinx_aiguide.review.interval import parse_interval

if TYPE_CHECKING:
    from sphinx.config import Config

    from sphinx_aiguide.config import Settings

logger = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_problem(raw: str) -> str:
    """Why *raw* is not a date written ``YYYY-MM-DD`` (white space aside), or ""."""
    value = raw.strip()
    if not _ISO_DATE.fullmatch(value):
        return "is not a date of the form YYYY-MM-DD"
    year, month, day = map(int, value.split("-"))
    if year < 1:
        return "is no such day: there is no year 0"
    if not 1 <= month <= 12:
        return f"is no such day: there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"is no such day: {year:04d}-{month:02d} has {days} days"
    return ""


def iso_date(raw: str) -> str:
    """*raw* when it is a real date written ``YYYY-MM-DD`` (white space aside), else ""."""
    return "" if date_problem(raw) else raw.strip()


def parse_date(raw: str, location: Any, now: date | None = None) -> str:
    """:func:`iso_date` of *raw*, with a warning at *location* when it is not one.

    A date after *now* is no review that happened: it warns and counts as no date, so no
    byline, structured data or report presents it as one.
    """
    problem = date_problem(raw)
    if problem:
        logger.warning("last-reviewed %r %s", raw.strip(), problem,
                       type="aiguide", subtype="date", location=location)
        return ""
    value = raw.strip()
    if now is not None and date.fromisoformat(value) > now:
        logger.warning("last-reviewed %s is after today (%s): a review date is a day that "
                       "has passed, so the entry is shown as not reviewed", value,
                       now.isoformat(), type="aiguide", subtype="date", location=location)
        return ""
    return value


def parse_every(raw: str, location: Any) -> str:
    """*raw* as an interval in words (``6 months``); "" and a warning at *location* if not one."""
    try:
        return str(parse_interval(raw))
    except ValueError as error:
        logger.warning("review-every %r %s", raw.strip(), error,
                       type="aiguide", subtype="date", location=location)
        return ""


def today(current: Settings) -> date:
    """``aiguide_today``, else ``SOURCE_DATE_EPOCH`` (UTC), else the machine's date."""
    if current.today is not None:
        return current.today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(float(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return date.today()


def age_days(iso: str, now: date) -> int | None:
    """Days from the review on *iso* to *now*; ``None`` when there is no review date."""
    return (now - date.fromisoformat(iso)).days if iso else None


def format_review_date(config: Config, iso: str) -> str:
    """*iso* as readers of the project's ``language`` write a date.

    Without ``aiguide_date_format``, the language's own long date from CLDR
    (``21 April 2026``, ``21. April 2026``, ``2026年4月21日``); with it, that format
    through Sphinx's ``format_date``, month and day names in the language.
    """
    day = date.fromisoformat(iso)
    locale = reader_locale(config.language)
    fmt = settings(config).date_format
    if fmt is None:
        return babel.dates.format_date(day, format="long", locale=locale)
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return format_date(fmt, date=moment, language=str(locale))
