"""The glossary in six languages, in Chromium: labels, the jump bar, axe, and a screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .conftest import Site, axe_violations, capture

pytestmark = pytest.mark.browser

#: The scheme switch's label once the script shows it, and a letter of the A–Z bar.
LANGUAGES = {
    "en": ("Colour scheme: automatic", "T"),
    "de": ("Farbschema: automatisch", "U"),
    "es": ("Esquema de color: automático", "Ñ"),
    "fr": ("Jeu de couleurs\u00a0: automatique", "E"),
    "ja": ("配色：自動", "た"),
    "zh_CN": ("配色：自动", "注"),
}
WIDTH = {"width": 1000, "height": 900}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_language_reads_right_in_a_browser(browser: Browser, site: Site,
                                                screenshots: Path, language: str) -> None:
    url = site("languages", language=language)
    context = browser.new_context(viewport=WIDTH, color_scheme="light")
    page = context.new_page()
    page.goto(f"{url}/terms.html")
    label, letter = LANGUAGES[language]
    assert page.locator(".ag-scheme-label").text_content() == label
    # the theme's bar leads to the index's group of that letter
    page.locator("nav.ag-az a").get_by_text(letter, exact=True).click()
    page.wait_for_url(f"{url}/index.html#*")
    anchor = f"aiguide-letter-{letter.lower()}"
    assert page.evaluate("decodeURIComponent(location.hash)") == f"#{anchor}"
    group = page.locator(f"[id='{anchor}']")
    assert group.locator(".aiguide-label").text_content() == letter
    assert group.is_visible()
    assert axe_violations(page) == ""
    page.goto(f"{url}/index.html")
    capture(page, screenshots / f"aiguide-{language}.png")
    context.close()
