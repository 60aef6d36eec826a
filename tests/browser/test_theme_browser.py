"""The aiguide theme in Chromium: questions, deep links, schemes, small screens, axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import DESKTOP, PHONE, Site, axe_violations, capture, overflow

pytestmark = pytest.mark.browser

ENTRY = "instrumental-convergence.html"
QUESTION = "faq-why-would-a-system-resist-being-switched-off"
#: A concept page, the search page with results, the page that holds the concept index,
#: and the home page with its table of contents.
PAGES = [ENTRY, "search.html?q=goal", "concepts.html", "index.html"]


@pytest.fixture(scope="module")
def url(site: Site) -> str:
    return site("theme")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def is_open(page: Page, anchor: str) -> bool:
    return bool(page.evaluate(f"document.getElementById({anchor!r}).open"))


def background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_questions_open_and_close_with_mouse_and_keyboard(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}")
    question = page.locator(f"#{QUESTION} > summary")
    answer = page.locator(f"#{QUESTION} .aiguide-faq-answer")
    assert not answer.is_visible()
    question.click()
    assert is_open(page, QUESTION) and answer.is_visible()
    question.click()
    assert not is_open(page, QUESTION)
    question.focus()
    page.keyboard.press("Enter")
    assert is_open(page, QUESTION) and answer.is_visible()
    page.keyboard.press("Space")
    assert not is_open(page, QUESTION) and not answer.is_visible()


def test_a_link_to_a_question_opens_it(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}#{QUESTION}")
    page.wait_for_function(f"document.getElementById({QUESTION!r}).open")
    assert page.locator(f"#{QUESTION} .aiguide-faq-answer").is_visible()
    # following a link within the page as well
    other = "faq-is-instrumental-convergence-a-sign-of-consciousness"
    page.evaluate(f"location.hash = {other!r}")
    page.wait_for_function(f"document.getElementById({other!r}).open")


def test_questions_read_without_javascript(browser: Browser, url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}/{ENTRY}")
    page.locator(f"#{QUESTION} > summary").click()
    assert page.locator(f"#{QUESTION} .aiguide-faq-answer").is_visible()
    # without the script there is no switch to offer
    assert not page.locator(".ag-scheme").is_visible()
    context.close()


def test_skip_link_is_the_first_stop_and_shows_itself(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}")
    page.keyboard.press("Tab")
    skip = page.locator("a.ag-skip")
    assert page.evaluate("document.activeElement.className") == "ag-skip"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_print_shows_every_answer_and_no_navigation(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}")
    page.emulate_media(media="print")
    assert not page.locator("header.ag-header").is_visible()
    assert not page.locator("nav.ag-nav").is_visible()
    assert not is_open(page, QUESTION)
    assert page.locator(f"#{QUESTION} .aiguide-faq-answer").is_visible()


def test_scheme_switch_works_and_is_remembered(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}")
    light = background(page)
    switch = page.locator("button.ag-scheme")
    assert switch.is_visible()
    assert switch.get_attribute("title") == "Colour scheme: automatic"
    switch.click()  # the system is light: the first press goes dark
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    # code blocks follow the chosen scheme, not only the system's
    assert page.evaluate("document.getElementById('pygments_dark_css').media") == "all"
    dark = background(page)
    assert dark != light
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(page) == dark
    assert switch.get_attribute("title") == "Colour scheme: dark"
    switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") is None
    assert page.evaluate("localStorage.getItem('aiguide-scheme')") is None
    page.reload()
    assert background(page) == light


def test_remembered_scheme_needs_no_deferred_script(page: Page, url: str) -> None:
    # The inline script in <head> alone paints the stored scheme: no flash of light.
    page.goto(f"{url}/{ENTRY}")
    page.evaluate("localStorage.setItem('aiguide-scheme', 'dark')")
    page.route("**/aiguide-theme.js", lambda route: route.abort())
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(page) == "rgb(17, 20, 25)"


@pytest.mark.parametrize("name", [*PAGES, "about.html"])
def test_nothing_overflows_on_a_phone(browser: Browser, url: str, name: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{url}/{name}")
    assert overflow(page) <= 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_violations(browser: Browser, url: str, screenshots: Path,
                                 scheme: str, size: str) -> None:
    context = browser.new_context(viewport=DESKTOP if size == "desktop" else PHONE,
                                  color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    found = {}
    for name in PAGES:
        page.goto(f"{url}/{name}")
        if name.startswith("search"):
            page.wait_for_selector("#search-results ul.search li p.context")
        if name == ENTRY:
            page.locator(f"#{QUESTION} > summary").click()
            capture(page, screenshots / f"aiguide-{scheme}-{size}.png")
        found[name] = axe_violations(page)
    context.close()
    assert found == dict.fromkeys(PAGES, "")


def test_axe_with_a_chosen_dark_scheme_on_a_light_system(page: Page, url: str) -> None:
    page.goto(f"{url}/{ENTRY}")
    page.locator("button.ag-scheme").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert axe_violations(page) == ""
