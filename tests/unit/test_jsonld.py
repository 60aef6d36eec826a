"""The JSON-LD element: no text inside it can end it, and it still says the same."""

from __future__ import annotations

import json

import pytest

from sphinx_aiguide.html.jsonld import script_tag

from ..helpers import read_page

HOSTILE = ["</script><script>alert(1)</script>", "<!-- <script>", "</SCRIPT >", "Tom & Jerry",
           "line\u2028separator\u2029paragraph", "\"quoted\" 'single'", "Überanpassung 大規模"]


class Lazy:
    """Stands in for a lazy translation string: not JSON, but text when asked."""

    def __str__(self) -> str:
        return "Frequently Asked Questions"


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_stays_inside_the_element(text: str) -> None:
    tag = script_tag([{"@type": "DefinedTerm", "name": text}])
    body = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert not set("<>&\u2028\u2029") & set(body)
    # a browser's parser finds one script element holding all of it, and the same data
    (script,) = read_page(tag).scripts
    assert json.loads(script.text) == {"@context": "https://schema.org",
                                       "@graph": [{"@type": "DefinedTerm", "name": text}]}


def test_text_that_is_not_json_is_written_as_text() -> None:
    (script,) = read_page(script_tag([{"name": Lazy()}])).scripts
    assert json.loads(script.text)["@graph"] == [{"name": "Frequently Asked Questions"}]


def test_the_element_is_compact_and_readable() -> None:
    assert script_tag([{"name": "Ωmega"}]) == (
        '<script type="application/ld+json">'
        '{"@context":"https://schema.org","@graph":[{"name":"Ωmega"}]}</script>\n')
