"""Review dates: reading ISO dates and intervals, knowing today, showing a date to readers."""

from __future__ import annotations

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


def iso_date(raw: str) -> str:
    """*raw* when it is a real date written ``YYYY-MM-DD`` (white space aside), else ""."""
    value = raw.strip()
    if not _ISO_DATE.fullmatch(value):
        return ""
    try:
        date.fromisoformat(value)
    except ValueError:
        return ""
    return value


def parse_date(raw: str, location: Any) -> str:
    """:func:`iso_date` of *raw*, with a warning at *location* when it is not one."""
    value = iso_date(raw)
    if not value:
        logger.warning("last-reviewed %r is not a date of the form YYYY-MM-DD", raw.strip(),
                       type="aiguide", subtype="date", location=location)
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
