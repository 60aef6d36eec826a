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
    url = site("theme-hosts", html_theme=theme)
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


#: How each theme with a dark mode remembers a reader's choice of it.
CHOSEN_DARK = {"furo": {"theme": "dark"}, "pydata_sphinx_theme": {"mode": "dark"},
               "sphinx_book_theme": {"mode": "dark"}}


@pytest.mark.parametrize("theme", sorted(CHOSEN_DARK))
def test_components_follow_a_dark_mode_chosen_on_a_light_system(
    browser: Browser, site: Site, theme: str
) -> None:
    url = site("theme-hosts", html_theme=theme)
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    page.goto(f"{url}/{PAGES[0]}")
    for key, value in CHOSEN_DARK[theme].items():
        page.evaluate(f"localStorage.setItem({key!r}, {value!r})")
    page.reload()
    page.wait_for_load_state("load")
    surface = page.evaluate(
        "getComputedStyle(document.querySelector('.aiguide-summary')).backgroundColor")
    red, green, blue = (int(part) for part in surface[4:-1].split(",")[:3])
    assert max(red, green, blue) < 80, surface  # a dark surface, not the light default
    assert axe_violations(page, COMPONENTS) == ""
    context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_components_fit_a_phone(browser: Browser, site: Site, theme: str) -> None:
    url = site("theme-hosts", html_theme=theme)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{url}/{PAGES[0]}")
    widest = page.evaluate("""Math.max(...[...document.querySelectorAll(
        '.aiguide-concept, .aiguide-faq, .aiguide-byline')
    ].map(element => element.getBoundingClientRect().right))""")
    assert widest <= PHONE["width"]
    assert overflow(page) <= 0
    context.close()


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_a_site_sets_its_own_colours_on_body(browser: Browser, site: Site, theme: str) -> None:
    url = site("theme-hosts", html_theme=theme)
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{url}/{PAGES[0]}")
    page.add_style_tag(content="body { --aiguide-accent: rgb(122, 46, 143); }")
    colour = page.evaluate("getComputedStyle(document.querySelector('.aiguide-summary'))"
                           ".borderInlineStartColor")
    assert colour == "rgb(122, 46, 143)"
    page.close()
