"""glossary.json and llms.txt: shape, order, URLs per builder, and stable bytes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sphinx.errors import ExtensionError

from sphinx_aiguide import __version__

from ..conftest import Build, Shared
from ..helpers import Built, copy_root

TERMS = ["Glossary", "Overfitting", "Preference Data", "Reward [Model] (RM)",
         "Überanpassung", "Underfitting", "Value Alignment"]


def schema() -> dict[str, Any]:
    text = resources.files("sphinx_aiguide").joinpath("schema/glossary.schema.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


def glossary(result: Built) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.read("glossary.json"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    return data


def by_term(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {concept["term"]: concept for concept in data["concepts"]}


def test_glossary_json_has_the_spec_shape(built: Shared) -> None:
    result = built("export")
    assert result.warnings == ""
    data = glossary(result)
    assert data["generator"] == f"sphinx-aiguide {__version__}"
    assert data["project"] == "AI Guide"
    # the A-Z index's order: Ü files under U, before "Underfitting"
    assert [concept["term"] for concept in data["concepts"]] == TERMS
    assert by_term(data)["Overfitting"] == {
        "term": "Overfitting",
        "id": "concept-overfitting",
        "docname": "overfitting",
        "url": "overfitting.html#concept-overfitting",
        "summary": ("Overfitting is when a model learns its training data so closely that "
                    "it does worse on data it has not seen."),
        "aliases": ["overtraining", "overfit"],
        "tags": ["training"],
        "related": ["Value Alignment"],
        # the concept's reviewers, the page's date
        "reviewers": [{"name": "Harsh Desai", "url": "https://example.org/hdesai"},
                      {"name": "Sam Lee", "url": None}],
        "last_reviewed": "2026-04-21",
        # no interval and no owner
        "review_due": None,
        "owner": None,
        # its own question and the one outside any concept on its page (its primary)
        "faqs": [
            {"question": "How do I notice overfitting?",
             "answer": ("Compare the score on training data with the score on held-out "
                        "data.\n\nA widening gap is the sign."),
             "id": "faq-how-do-i-notice-overfitting"},
            {"question": "Is more data always the cure?", "answer": "Often, but not always.",
             "id": "faq-is-more-data-always-the-cure"},
        ],
        "referenced_by": [],
    }
    # its "Related concepts" list links to Value Alignment
    assert by_term(data)["Value Alignment"]["referenced_by"] == [
        {"docname": "overfitting", "url": "overfitting.html"}]


def test_review_and_questions_follow_the_page(built: Shared) -> None:
    data = by_term(glossary(built("export")))
    assert data["Underfitting"]["reviewers"] == [{"name": "AI Guide Editors", "url": None}]
    assert data["Underfitting"]["last_reviewed"] == "2026-04-21"
    assert data["Underfitting"]["faqs"] == []
    assert data["Value Alignment"]["reviewers"] == []
    assert data["Value Alignment"]["last_reviewed"] is None
    assert [faq["question"] for faq in data["Glossary"]["faqs"]] == ["Who writes this guide?"]
    # a page whose title is no concept's term has no primary: its concepts share nothing
    assert data["Preference Data"]["faqs"] == []


#: A base URL makes llms.txt links absolute; glossary.json stays relative to the output root.
BASE = {"confoverrides": {"html_baseurl": "https://example.org/g"}}


@pytest.mark.parametrize(("builder", "urls"), [
    ("html", {"Glossary": "index.html#concept-glossary",
              "Overfitting": "overfitting.html#concept-overfitting"}),
    ("dirhtml", {"Glossary": "#concept-glossary",
                 "Overfitting": "overfitting/#concept-overfitting"}),
    ("singlehtml", {"Glossary": "index.html#concept-glossary",
                    "Overfitting": "index.html#concept-overfitting"}),
])
def test_urls_follow_the_builder(built: Shared, builder: str, urls: dict[str, str]) -> None:
    result = built("export", builder, **(BASE if builder == "dirhtml" else {}))
    assert result.warnings == ""
    data = by_term(glossary(result))
    assert {term: data[term]["url"] for term in urls} == urls
    # every URL points at an anchor that exists in the written page
    for concept in data.values():
        page, _hash, anchor = concept["url"].partition("#")
        path = result.outdir / (page or "index.html")
        if path.is_dir():
            path /= "index.html"
        assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), concept["url"]


def test_llms_txt(built: Shared) -> None:
    text = built("export").read("llms.txt")
    lines = text.split("\n")
    assert lines[:3] == ["# AI Guide", "",
                         "> The AI Guide glossary: 7 concepts, each listed with its short "
                         "definition, a link to the full entry and the date of its last "
                         "review."]
    assert "## Concepts" in lines
    assert ("- [Overfitting](overfitting.html#concept-overfitting): Overfitting is when a "
            "model learns its training data so closely that it does worse on data it has "
            "not seen. (last reviewed 2026-04-21)") in lines
    # brackets in link text are escaped, parentheses in targets encoded
    assert ("- [Reward \\[Model\\] (RM)](reward-model.html#concept-reward-model-rm): "
            "A reward model scores outputs the way people would. (not reviewed yet)") in lines
    assert "- [glossary.json](glossary.json): " in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    concept_lines = [line for line in lines if line.startswith("- [") and "#concept-" in line]
    assert len(concept_lines) == len(TERMS)


def test_llms_txt_urls_are_absolute_with_a_base_url(built: Shared) -> None:
    result = built("export", "dirhtml", **BASE)
    text = result.read("llms.txt")
    assert "- [Glossary](https://example.org/g/#concept-glossary): " in text
    assert "(https://example.org/g/overfitting/#concept-overfitting)" in text
    assert "- [glossary.json](https://example.org/g/glossary.json): " in text
    # glossary.json stays relative to the output root, as the SPEC says
    assert by_term(glossary(result))["Glossary"]["url"] == "#concept-glossary"


@pytest.mark.parametrize("root", ["export", "parallel", "seo-rst"])
def test_exports_are_byte_identical_across_processes_and_builds(build: Build, built: Shared,
                                                                root: str) -> None:
    files = ("glossary.json", "llms.txt")
    serial = {name: (built(root).outdir / name).read_bytes() for name in files}
    for result in (build(root), built(root, parallel=2)):
        assert {name: (result.outdir / name).read_bytes() for name in files} == serial
    assert serial["glossary.json"].endswith(b"}\n")
    assert json.loads(serial["glossary.json"])["concepts"]


@pytest.mark.parametrize("builder", ["epub", "latex", "text"])
def test_no_exports_outside_websites(built: Shared, builder: str) -> None:
    result = built("export", builder)
    assert result.warnings == ""
    assert list(result.outdir.iterdir())  # the build did write its own output
    assert not (result.outdir / "glossary.json").exists()
    assert not (result.outdir / "llms.txt").exists()


def test_exports_can_be_switched_off(built: Shared) -> None:
    result = built("export", confoverrides={"aiguide_export": False})
    assert (result.outdir / "overfitting.html").is_file()
    assert not (result.outdir / "glossary.json").exists()
    assert not (result.outdir / "llms.txt").exists()


#: A project extension that fails the build while it writes one page.
FAIL_ON_A_PAGE = """
def setup(app):
    def fail(app, pagename, *args):
        if pagename == "overfitting":
            raise RuntimeError("the build failed")
    app.connect("html-page-context", fail)
"""


def test_a_failed_build_writes_no_exports(build: Build, tmp_path: Path) -> None:
    srcdir = copy_root("export", tmp_path / "failing")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(FAIL_ON_A_PAGE)
    with pytest.raises(ExtensionError, match="the build failed"):
        build(srcdir=srcdir)
    outdir = srcdir / "_build" / "html"
    assert (outdir / "index.html").is_file()  # pages before the failing one were written
    assert not (outdir / "glossary.json").exists()
    assert not (outdir / "llms.txt").exists()


def test_hostile_text_is_plain_data(built: Shared) -> None:
    result = built("seo-hostile")
    concept = glossary(result)["concepts"][0]
    assert concept["term"] == 'Evil </script><script>alert("term")</script> & <!-- Term'
    assert concept["reviewers"][0]["name"] == (
        "Mallory </script><img src=x onerror=alert('name')> \"&amp;")
    text = result.read("llms.txt")
    # Markdown readers see the same text, and no tag in it
    assert "- [Evil \\</script>\\<script>alert(\"term\")\\</script> & \\<!-- Term](" in text
    assert text.startswith("# Guide \\</script>\\<script>alert('project')\\</script>\n")
    assert "<" not in text.replace("\\<", "")


def test_exports_are_rewritten_only_when_what_they_show_changes(build: Build) -> None:
    first = build("export")
    exported = first.outdir / "glossary.json"
    exported.write_text("left alone", encoding="utf-8")
    noop = build(srcdir=first.srcdir)
    assert "0 added, 0 changed, 0 removed" in noop.status
    assert exported.read_text(encoding="utf-8") == "left alone"  # a no-op costs nothing
    moved = build(srcdir=first.srcdir,
                  confoverrides={"html_baseurl": "https://guide.example.org/"})
    assert json.loads(exported.read_text(encoding="utf-8"))["concepts"]  # a setting changed
    exported.write_text("left alone", encoding="utf-8")
    page = moved.srcdir / "overfitting.rst"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    build(srcdir=first.srcdir, confoverrides={"html_baseurl": "https://guide.example.org/"})
    assert json.loads(exported.read_text(encoding="utf-8"))["concepts"]  # a page was read


def test_a_term_defined_twice_is_exported_once(built: Shared) -> None:
    terms = [concept["term"] for concept in glossary(built("parallel"))["concepts"]]
    assert [t for t in terms if t.casefold() == "alignment"] == ["Alignment"]
    assert len(terms) == len(set(terms)) == 10
