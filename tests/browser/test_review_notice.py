"""Review notices in Chromium: a page built before an entry's due date tells readers after it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import DESKTOP, Site, axe_violations, capture

pytestmark = pytest.mark.browser

#: The root is built on 1 June 2026: "Upcoming Entry" falls due on 1 August 2026,
#: "Overdue Entry" was due on the day of the build. Its due warnings are expected.
QUIET = {"suppress_warnings": ["aiguide.stale"], "aiguide_show_due": True}
NOTICE = ".aiguide-review-due"
NEXT = ".aiguide-review-next"


@pytest.fixture(params=["alabaster", "aiguide"])
def url(site: Site, request: pytest.FixtureRequest) -> str:
    return site("review-cycle", html_theme=request.param, **QUIET)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def reader_on(context: BrowserContext, day: datetime) -> Page:
    """A page whose clock (``Date``) reads *day*, as a reader's computer would."""
    page = context.new_page()
    page.clock.set_fixed_time(day)
    return page


def test_a_notice_shows_once_the_reader_s_clock_reaches_the_due_date(
        context: BrowserContext, url: str) -> None:
    before = reader_on(context, datetime(2026, 7, 31, 23, 30))
    before.goto(f"{url}/upcoming.html")
    before.wait_for_load_state("load")
    assert not before.locator(NOTICE).is_visible()
    assert before.locator(NEXT).is_visible()
    assert before.locator(NEXT).inner_text() == " · Next review due 1 August 2026"

    after = reader_on(context, datetime(2026, 8, 1, 0, 30))
    after.goto(f"{url}/upcoming.html")
    notice = after.locator(NOTICE)
    notice.wait_for(state="visible")
    assert notice.inner_text() == ("This entry was due for review on 1 August 2026. "
                                   "It may be out of date.")
    assert not after.locator(NEXT).is_visible()  # no "next review" in the past


def test_a_notice_due_at_build_time_needs_no_script(browser: Browser, url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}/overdue.html")
    assert page.locator(NOTICE).is_visible()
    assert page.locator(NOTICE).inner_text() == ("This entry was due for review on 1 June "
                                                 "2026. It may be out of date.")
    # without script, a page says what was true on the day of its build
    page.goto(f"{url}/upcoming.html")
    assert page.locator(NOTICE).count() == 1
    assert not page.locator(NOTICE).is_visible()
    assert page.locator(NEXT).is_visible()
    context.close()


def test_the_script_only_reveals(context: BrowserContext, url: str) -> None:
    """A reader whose clock is behind the build still sees what the build knew."""
    page = reader_on(context, datetime(2026, 1, 1, 12))
    page.goto(f"{url}/entries.html")
    page.wait_for_load_state("load")
    notices = page.locator(NOTICE)
    assert notices.count() == 2
    assert [notices.nth(i).is_visible() for i in range(2)] == [False, True]  # Yearly, Month End


def test_the_notice_passes_axe(context: BrowserContext, url: str, screenshots: Path) -> None:
    page = reader_on(context, datetime(2026, 8, 2, 12))
    page.goto(f"{url}/upcoming.html")
    page.locator(NOTICE).wait_for(state="visible")
    theme = url.rsplit("/", 1)[-1]
    capture(page, screenshots / f"review-notice-{theme}.png")
    assert axe_violations(page, [".aiguide-concept", ".aiguide-byline", NOTICE]) == ""
