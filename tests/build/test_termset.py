"""The glossary as one set: the ``DefinedTermSet`` every concept points to is defined once."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from ..conftest import Build, Shared
from ..helpers import TOP, Built, copy_root, read_page

BASE = "https://guide.example.org/"
#: Any page address; relative ``@id``s are resolved against each page's own.
SITE = "https://site.invalid/"


def _nodes(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside *value*, itself included."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            found.extend(_nodes(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_nodes(item))
    return found


def ids(result: Built) -> tuple[dict[str, list[str]], set[str]]:
    """``(defined @id -> pages defining it, every referenced @id)`` over every page.

    A node with a ``@type`` defines its ``@id``; an object that holds nothing but an
    ``@id`` refers to one. Relative ids are resolved against the page's address.
    """
    defined: dict[str, list[str]] = {}
    referenced: set[str] = set()
    for path in sorted(result.outdir.rglob("*.html")):
        name = path.relative_to(result.outdir).as_posix()
        address = urljoin(SITE, name)
        for block in read_page(path.read_text(encoding="utf-8")).jsonld():
            for node in _nodes(block):
                if "@id" not in node:
                    continue
                target = urljoin(address, node["@id"])
                if "@type" in node:
                    defined.setdefault(target, []).append(name)
                elif set(node) == {"@id"}:
                    referenced.add(target)
    return defined, referenced


def sets(result: Built) -> dict[str, list[str]]:
    """``@id`` of each ``DefinedTermSet`` defined -> the pages that define it."""
    found: dict[str, list[str]] = {}
    for path in sorted(result.outdir.rglob("*.html")):
        name = path.relative_to(result.outdir).as_posix()
        for block in read_page(path.read_text(encoding="utf-8")).jsonld():
            for node in block["@graph"]:
                if node["@type"] == "DefinedTermSet":
                    found.setdefault(urljoin(urljoin(SITE, name), node["@id"]), []).append(name)
    return found


@pytest.mark.parametrize(("builder", "base"), [("html", BASE), ("html", ""), ("dirhtml", BASE),
                                               ("singlehtml", BASE), ("dirhtml", "")])
def test_every_reference_is_defined_and_the_set_once(built: Shared, builder: str,
                                                     base: str) -> None:
    result = built("termset", builder, confoverrides={"html_baseurl": base})
    assert result.warnings == ""
    defined, referenced = ids(result)
    assert referenced - defined.keys() == set()
    assert len(sets(result)) == 1
    assert [len(pages) for pages in sets(result).values()] == [1]


def test_the_set_is_on_the_page_with_the_complete_index(built: Shared) -> None:
    result = built("termset")
    graph = result.page("glossary.html").graph()
    term_set = f"{BASE}glossary.html#aiguide-glossary"
    assert graph["CollectionPage"][0]["mainEntity"] == {"@id": term_set}
    members = graph["DefinedTermSet"][0]["hasDefinedTerm"]
    # the A-Z order of the listing, with what a reader needs to find each term
    assert [member["name"] for member in members] == ["Embedding", "Overfitting"]
    assert members[1] == {
        "@type": "DefinedTerm", "@id": f"{BASE}overfitting.html#concept-overfitting",
        "name": "Overfitting", "url": f"{BASE}overfitting.html#concept-overfitting",
        "alternateName": ["overtraining"],
        "description": "A model fits its training data so closely that it does worse on "
                       "new data."}
    concept = result.page("overfitting.html").graph()
    assert concept["DefinedTerm"][0]["inDefinedTermSet"] == {"@id": term_set}
    assert concept["WebPage"][0]["isPartOf"] == {"@id": term_set}
    assert "DefinedTermSet" not in concept
    # written once, on one line, with no indentation
    script = next(s.text for s in result.page("glossary.html").scripts
                  if s.attrs.get("type") == "application/ld+json")
    assert "\n" not in script
    assert '": ' not in script
    assert '", "' not in script


def test_the_docs_show_the_set_as_built(built: Shared) -> None:
    """docs/seo.md quotes the set of this very root; it must say what a build writes."""
    text = (TOP / "docs" / "seo.md").read_text(encoding="utf-8")
    section = text[text.index("### The glossary as one set"):]
    quoted = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]
    result = built("termset")
    assert quoted[0] == read_page(result.read("glossary.html")).jsonld()[0]
    embedding = result.page("embedding.html").graph()["DefinedTerm"][0]
    assert quoted[1] == embedding


def _project(tmp_path: Path, indexes: dict[str, str]) -> Path:
    """The termset root with *indexes*: docname -> the concept-index's options."""
    srcdir = copy_root("termset", tmp_path / "src")
    (srcdir / "glossary.rst").unlink()
    toctree = "\n".join(f"   {docname}" for docname in ["overfitting", "embedding", *indexes])
    (srcdir / "index.rst").write_text(
        f"My AI Guide\n===========\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8")
    for docname, options in indexes.items():
        (srcdir / f"{docname}.rst").write_text(
            f"{docname.title()}\n{'=' * len(docname)}\n\n.. concept-index::\n{options}",
            encoding="utf-8")
    return srcdir


def test_a_filtered_index_only_leaves_the_set_on_the_root_document(build: Build,
                                                                   tmp_path: Path) -> None:
    srcdir = _project(tmp_path, {"tagged": "   :tags: vision\n"})
    result = build(srcdir=srcdir)
    assert result.warnings == ""
    assert sets(result) == {f"{BASE}index.html#aiguide-glossary": ["index.html"]}
    defined, referenced = ids(result)
    assert referenced - defined.keys() == set()


def test_two_complete_indexes_define_the_set_once(build: Build, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, {"terms": "", "abc": ""})
    result = build(srcdir=srcdir, parallel=2)
    assert result.warnings == ""
    # the first by name
    assert sets(result) == {f"{BASE}abc.html#aiguide-glossary": ["abc.html"]}
    defined, referenced = ids(result)
    assert referenced - defined.keys() == set()


def test_moving_the_index_rewrites_every_page_that_points_at_it(build: Build,
                                                                tmp_path: Path) -> None:
    srcdir = _project(tmp_path, {"tagged": "   :tags: vision\n"})
    build(srcdir=srcdir)
    (srcdir / "tagged.rst").write_text("Tagged\n======\n\n.. concept-index::\n",
                                       encoding="utf-8")
    result = build(srcdir=srcdir)
    assert sets(result) == {f"{BASE}tagged.html#aiguide-glossary": ["tagged.html"]}
    defined, referenced = ids(result)
    assert referenced - defined.keys() == set()
    concept = result.page("embedding.html").graph()["DefinedTerm"][0]
    assert concept["inDefinedTermSet"] == {"@id": f"{BASE}tagged.html#aiguide-glossary"}


def test_the_docs_site_has_no_dangling_reference(docs: Any) -> None:
    defined, referenced = ids(docs("html"))
    assert referenced
    assert referenced - defined.keys() == set()
