"""Link previews that readers can dismiss (WCAG 2.1 SC 1.4.13), in Chromium.

In the aiguide theme and in two host themes: a preview opens on hover and stays open
while the pointer moves from the link onto it, across the gap between them; it opens when
Tab reaches the link; Escape closes it without moving focus, and it opens again on the
next hover or focus. Without JavaScript, hover and focus still open it. axe finds nothing
wrong with a preview open. The link is an auto-link in running text ("reward hacking" in
the summary of *Specification Gaming*), so these are auto-links at work too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page

from .conftest import DESKTOP, Site, axe_violations

pytestmark = pytest.mark.browser

ROOT = "theme-hosts"
ENTRY = "reward-hacking.html"
THEMES = ["aiguide", "furo", "sphinx_rtd_theme"]
#: The concept link in the summary of the page's second entry.
LINK = ".aiguide-summary .aiguide-ref"
WRAP = ".aiguide-summary .aiguide-ref-wrap"


def url(site: Site, theme: str) -> str:
    return f"{site(ROOT, html_theme=theme, aiguide_autolink='first')}/{ENTRY}"


@pytest.fixture(params=THEMES)
def page(request: pytest.FixtureRequest, browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(url(site, request.param))
    page.wait_for_load_state("load")
    yield page
    context.close()


def center(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def active(page: Page) -> str:
    """What has the focus: the text of the focused element, or BODY."""
    return str(page.evaluate(
        "document.activeElement === document.body ? 'BODY' : document.activeElement.textContent"))


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focus is on the first element matching *selector*."""
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_hover_moves_onto_the_preview_and_escape_closes_it(page: Page) -> None:
    wrap = page.locator(WRAP)
    link, preview = wrap.locator("a.aiguide-ref"), wrap.locator(".aiguide-preview")
    link.scroll_into_view_if_needed()
    assert not preview.is_visible()
    link.hover()
    assert preview.is_visible()
    # across the gap onto the preview, a pixel at a time, and it stays open
    link_box, preview_box = link.bounding_box(), preview.bounding_box()
    assert link_box and preview_box
    assert preview_box["y"] > link_box["y"] + link_box["height"]  # there is a gap
    page.mouse.move(*center(preview), steps=int(preview_box["height"]))
    assert preview.is_visible()
    before = active(page)
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    assert active(page) == before  # Escape moved no focus
    # away, then back: it opens again
    page.mouse.move(5, 5)
    link.hover()
    assert preview.is_visible()


def test_tab_opens_the_preview_and_escape_closes_it_keeping_focus(page: Page) -> None:
    wrap = page.locator(WRAP)
    preview = wrap.locator(".aiguide-preview")
    page.mouse.move(5, 5)
    tab_to(page, LINK)
    assert preview.is_visible()
    focused = active(page)
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    assert active(page) == focused
    assert page.evaluate("document.activeElement.classList.contains('aiguide-ref')")
    # the next focus opens it again
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert preview.is_visible()
    assert axe_violations(page, [".aiguide-concept"]) == ""


def test_previews_work_without_javascript(browser: Browser, site: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, "aiguide"))
    wrap = page.locator(WRAP)
    link, preview = wrap.locator("a.aiguide-ref"), wrap.locator(".aiguide-preview")
    link.hover()
    assert preview.is_visible()
    page.mouse.move(*center(preview), steps=12)
    assert preview.is_visible()
    page.mouse.move(5, 5)
    assert not preview.is_visible()
    context.close()


@pytest.mark.parametrize("theme", ["aiguide", "furo"])
def test_links_to_the_same_concept_share_one_preview(browser: Browser, site: Site,
                                                     theme: str) -> None:
    """The page holds one preview per concept; it opens beside whichever link is used."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site('shared-preview', html_theme=theme)}/usage.html")
    first, second = page.locator("a.aiguide-ref").all()
    assert first.get_attribute("aria-describedby") == second.get_attribute("aria-describedby")
    preview = page.locator(f"#{first.get_attribute('aria-describedby')}")
    assert page.locator(".aiguide-preview", has_text="Value alignment is").count() == 1
    for link in (second, first, second):
        page.mouse.move(5, 5)
        link.hover()
        assert preview.is_visible()
        link_box, preview_box = link.bounding_box(), preview.bounding_box()
        assert link_box and preview_box
        # right below the link it belongs to now
        assert 0 < preview_box["y"] - (link_box["y"] + link_box["height"]) < 20
        assert abs(preview_box["x"] - link_box["x"]) < 40
    # the keyboard brings it too, and Escape closes it there
    page.mouse.move(5, 5)
    second_text = second.inner_text()
    for _ in range(100):
        page.keyboard.press("Tab")
        if active(page) == second_text:
            break
    else:
        pytest.fail("Tab never reached the second link")
    assert preview.is_visible()
    link_box, preview_box = second.bounding_box(), preview.bounding_box()
    assert link_box and preview_box
    assert 0 < preview_box["y"] - (link_box["y"] + link_box["height"]) < 20
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    context.close()
