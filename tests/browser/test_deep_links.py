"""A link to a question opens it, in the aiguide theme and in host themes, in Chromium.

Chromium scrolls to a ``#faq-…`` target by itself but leaves the ``<details>`` closed: the
question shows, its answer does not. The extension's script opens it on load and when the
fragment changes, including the question whose ``<summary>`` holds a ``:name:`` label.
Without JavaScript the page still scrolls there and the question opens with a click.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import DESKTOP, Site

pytestmark = pytest.mark.browser

ROOT = "theme-hosts"
ENTRY = "instrumental-convergence.html"
THEMES = ["aiguide", "furo", "sphinx_rtd_theme"]
QUESTION = "faq-why-would-a-system-resist-being-switched-off"
OTHER = "faq-is-instrumental-convergence-a-sign-of-consciousness"
#: The ``:name:`` of a third question: an id on its ``<summary>``, not on the ``<details>``.
LABEL = "keeping-agents-in-bounds"
#: How long the script may take to open a question.
WAIT_MS = 3000


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    yield context
    context.close()


def is_open(page: Page, anchor: str) -> bool:
    return bool(page.evaluate(f"document.getElementById({anchor!r}).closest('details').open"))


def wait_open(page: Page, anchor: str) -> None:
    page.wait_for_function(f"document.getElementById({anchor!r}).closest('details').open",
                           timeout=WAIT_MS)


def in_view(page: Page, anchor: str) -> bool:
    """Whether the element with *anchor* is on screen (scrolled to, not under the fold)."""
    return bool(page.evaluate(f"""(() => {{
        const box = document.getElementById({anchor!r}).getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
    }})()"""))


@pytest.mark.parametrize("theme", THEMES)
def test_a_link_to_a_question_opens_it_in_every_theme(context: BrowserContext, site: Site,
                                                      screenshots: Path, theme: str) -> None:
    page = context.new_page()
    page.goto(f"{site(ROOT, html_theme=theme)}/{ENTRY}#{QUESTION}")
    wait_open(page, QUESTION)
    answer = page.locator(f"#{QUESTION} .aiguide-faq-answer")
    assert page.locator(f"#{QUESTION} > summary").is_visible() and answer.is_visible()
    assert in_view(page, QUESTION)
    assert not is_open(page, OTHER)
    page.screenshot(path=screenshots / f"deep-link-{theme}.png")
    # following a link within the page, to a question and to a question's label
    page.evaluate(f"location.hash = {OTHER!r}")
    wait_open(page, OTHER)
    assert page.locator(f"#{OTHER} .aiguide-faq-answer").is_visible()
    page.evaluate(f"location.hash = {LABEL!r}")
    wait_open(page, LABEL)
    assert in_view(page, LABEL)


@pytest.mark.parametrize("theme", THEMES)
def test_without_javascript_a_link_still_finds_the_question(browser: Browser, site: Site,
                                                            theme: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site(ROOT, html_theme=theme)}/{ENTRY}#{QUESTION}")
    assert in_view(page, QUESTION)
    assert not is_open(page, QUESTION)
    page.locator(f"#{QUESTION} > summary").click()
    assert page.locator(f"#{QUESTION} .aiguide-faq-answer").is_visible()
    context.close()
