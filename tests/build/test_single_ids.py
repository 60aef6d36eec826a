"""Every id on a page is unique, in every HTML builder, singlehtml's one page included.

The root asks the same questions on several pages (and one twice on a page), lists the
concepts on two pages, defines a concept twice, links concepts from every page and has
Japanese terms, whose term anchors Sphinx numbers per document (``term-0``).
"""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import urlsplit

import pytest

from ..conftest import Shared
from ..helpers import Built, read_page

ROOT = "single-ids"
QUESTION = "faq-is-it-a-bug"
#: The one mistake in the root, on purpose.
DUPLICATE = ("specification-gaming.rst:4: WARNING: concept name 'Specification Gaming' is "
             "defined twice: here and in gaming-again.rst, line 4 [aiguide.duplicate]")


def ids_and_targets(html: str) -> tuple[Counter[str], set[str]]:
    """Every id of *html* with its count, and every in-page id a link or preview points to."""
    page = read_page(html)
    ids = Counter(str(element.attrs["id"]) for element in page.elements
                  if element.attrs.get("id"))
    targets = {str(element.attrs["href"])[1:] for element in page.find_all("a")
               if str(element.attrs.get("href") or "").startswith("#")} - {""}
    targets |= {target for element in page.elements
                for target in str(element.attrs.get("aria-describedby") or "").split()}
    return ids, targets


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "epub"])
def test_ids_are_unique_and_in_page_links_land(built: Shared, builder: str) -> None:
    result = built(ROOT, builder)
    assert result.warning_lines() == [DUPLICATE]
    pages = [path for path in sorted(result.outdir.rglob("*.*html"))
             if "_static" not in path.parts]
    assert pages
    for path in pages:
        ids, targets = ids_and_targets(path.read_text(encoding="utf-8"))
        assert [anchor for anchor, count in ids.items() if count > 1] == [], path
        assert sorted(targets - set(ids)) == [], path


def test_pages_of_their_own_keep_their_plain_ids(built: Shared) -> None:
    result = built(ROOT)
    for name in ("index", "reward-hacking", "specification-gaming", "gaming-again"):
        ids, _targets = ids_and_targets(result.read(f"{name}.html"))
        assert QUESTION in ids, name
    ids, _targets = ids_and_targets(result.read("specification-gaming.html"))
    assert {"concept-specification-gaming", f"{QUESTION}-2"} <= set(ids)


def test_singlehtml_names_the_page_of_a_shared_id(built: Shared) -> None:
    ids, _targets = ids_and_targets(built(ROOT, "singlehtml").read("index.html"))
    # the first page by name keeps the plain id; the others add their own name
    assert {QUESTION, f"{QUESTION}--index", f"{QUESTION}--reward-hacking",
            f"{QUESTION}--specification-gaming", f"{QUESTION}-2",
            "faq-can-it-be-prevented", "faq-can-it-be-prevented--specification-gaming",
            "concept-specification-gaming", "concept-specification-gaming--specification-gaming",
            "term-0", "term-0--policy"} <= set(ids)


def linked_ids(result: Built) -> list[str]:
    """The ids that glossary.json and the page's structured data point to."""
    data = json.loads(result.read("glossary.json"))
    found = [urlsplit(concept["url"]).fragment for concept in data["concepts"]]
    found += [faq["id"] for concept in data["concepts"] for faq in concept["faqs"]]
    graph = result.page("index.html").graph()
    found += [urlsplit(question["url"]).fragment
              for question in graph["FAQPage"][0]["mainEntity"]]
    found += [urlsplit(term["url"]).fragment for term in graph["DefinedTerm"]]
    return found


def test_exports_and_structured_data_name_the_ids_singlehtml_writes(built: Shared) -> None:
    result = built(ROOT, "singlehtml", confoverrides={"html_baseurl": "https://example.org/"})
    ids, _targets = ids_and_targets(result.read("index.html"))
    found = linked_ids(result)
    assert f"{QUESTION}--reward-hacking" in found
    assert "concept-specification-gaming--specification-gaming" in found
    assert sorted(set(found) - set(ids)) == []
