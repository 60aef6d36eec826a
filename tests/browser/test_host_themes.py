"""The components in other themes: no WCAG A/AA violation, light and dark, and a screenshot.

Alabaster and the Read the Docs theme have no dark mode: under a dark system setting their
pages stay light, and so must the components (checked by running axe there too).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .conftest import DESKTOP, PHONE, Site, axe_violations, capture, overflow

pytestmark = pytest.mark.browser

THEMES = ["alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme"]
COMPONENTS = [".aiguide-concept", ".aiguide-faq", ".aiguide-byline"]
PAGES = ["instrumental-convergence.html", "reward-hacking.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_components_pass_axe(browser: Browser, site: Site, screenshots: Path, theme: str,
                             scheme: str) -> None:
    url = site(theme, "theme-hosts", f"html_theme={theme}")
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    found = {}
    for name in PAGES:
        page.goto(f"{url}/{name}")
        page.wait_for_load_state("load")
        for item in page.locator("details.aiguide-faq-item").all()[:1]:
            item.locator("summary").click()
        if name == PAGES[0]:
            capture(page, screenshots / f"{theme}-{scheme}.png")
        found[name] = axe_violations(page, COMPONENTS)
    context.close()
    assert found == dict.fromkeys(PAGES, "")


@pytest.mark.parametrize("theme", THEMES)
def test_components_fit_a_phone(browser: Browser, site: Site, theme: str) -> None:
    url = site(theme, "theme-hosts", f"html_theme={theme}")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{url}/{PAGES[0]}")
    widest = page.evaluate("""Math.max(...[...document.querySelectorAll(
        '.aiguide-concept, .aiguide-faq, .aiguide-byline')
    ].map(element => element.getBoundingClientRect().right))""")
    assert widest <= PHONE["width"]
    assert overflow(page) <= 0
    context.close()
