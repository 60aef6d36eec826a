"""Page URLs: the base URL, absolute URLs and links from one page to another."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sphinx_aiguide.html.urls import absolute, base_url, from_page


def config(base: object) -> SimpleNamespace:
    return SimpleNamespace(html_baseurl=base)


@pytest.mark.parametrize(("base", "expected"), [
    ("https://example.org/guide", "https://example.org/guide/"),
    ("https://example.org/guide/", "https://example.org/guide/"),
    (" https://example.org/guide// ", "https://example.org/guide/"),
    ("", ""), ("   ", ""), (None, ""),
])
def test_base_url_has_exactly_one_trailing_slash(base: object, expected: str) -> None:
    assert base_url(config(base)) == expected  # type: ignore[arg-type]


def test_absolute_urls_need_a_base() -> None:
    with_base = config("https://example.org/g")
    assert absolute(with_base, "overfitting/#concept-overfitting") == (  # type: ignore[arg-type]
        "https://example.org/g/overfitting/#concept-overfitting")
    assert absolute(with_base, "") == "https://example.org/g/"  # type: ignore[arg-type]
    assert absolute(config(""), "overfitting.html") == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(("current", "uri", "expected"), [
    ("overfitting.html", "index.html#aiguide-glossary", "index.html#aiguide-glossary"),
    ("concepts/a.html", "index.html#aiguide-glossary", "../index.html#aiguide-glossary"),
    ("concepts/a.html", "concepts/b.html#concept-b", "b.html#concept-b"),
    # a link to the page itself names it, so a JSON-LD "url" is never empty
    ("overfitting.html", "overfitting.html#concept-overfitting",
     "overfitting.html#concept-overfitting"),
    ("overfitting/", "overfitting/#faq-why", "./#faq-why"),
])
def test_links_from_a_page(current: str, uri: str, expected: str) -> None:
    assert from_page(current, uri) == expected
