"""glossary.json and llms.txt as text: stable JSON, literal Markdown, links that work."""

from __future__ import annotations

import json
from importlib import resources
from types import SimpleNamespace
from typing import Any

import jsonschema

from sphinx_aiguide.exports import glossary_json, llms_txt, markdown_text


def app(base: str = "") -> Any:
    """What llms.txt reads of the application: the configuration."""
    return SimpleNamespace(config=SimpleNamespace(html_baseurl=base))


def data(*concepts: tuple[str, ...], project: str = "AI Guide") -> dict[str, Any]:
    """Concepts as ``(term, url, summary[, last_reviewed])``."""
    return {"project": project, "concepts": [
        {"term": term, "url": url, "summary": summary, "last_reviewed": (rest or [None])[0]}
        for term, url, summary, *rest in concepts]}


def test_schema_is_a_valid_json_schema() -> None:
    text = resources.files("sphinx_aiguide").joinpath("schema/glossary.schema.json")
    jsonschema.Draft202012Validator.check_schema(json.loads(text.read_text(encoding="utf-8")))


def test_glossary_json_is_stable_text() -> None:
    text = glossary_json({"project": "Guide", "concepts": [{"term": "Ü", "aliases": []}],
                          "generator": "sphinx-aiguide"})
    assert text == ('{\n  "concepts": [\n    {\n      "aliases": [],\n      "term": "Ü"\n'
                    '    }\n  ],\n  "generator": "sphinx-aiguide",\n  "project": "Guide"\n}\n')


def test_markdown_text_is_literal() -> None:
    assert markdown_text("Reward [Model] <b>") == "Reward \\[Model\\] \\<b>"
    assert markdown_text("a \\ b") == "a \\\\ b"
    assert markdown_text("plain (text) & more") == "plain (text) & more"


def test_llms_txt_lists_every_concept_with_its_link_and_summary() -> None:
    text = llms_txt(app(), data(
        ("Overfitting", "overfitting.html#concept-overfitting", "Learns too closely.",
         "2026-04-21"),
        ("Reward [Model] (RM)", "reward-model.html#concept-reward-model-rm", "Scores."),
        ("No Summary", "x.html#concept-no-summary", "", "2025-12-31")))
    assert text.split("\n") == [
        "# AI Guide", "",
        "> The AI Guide glossary: 3 concepts, each listed with its short definition, a link "
        "to the full entry and the date of its last review.", "",
        "## Concepts", "",
        "- [Overfitting](overfitting.html#concept-overfitting): Learns too closely. "
        "(last reviewed 2026-04-21)",
        "- [Reward \\[Model\\] (RM)](reward-model.html#concept-reward-model-rm): Scores. "
        "(not reviewed yet)",
        "- [No Summary](x.html#concept-no-summary) (last reviewed 2025-12-31)",
        "",
        "## Optional", "",
        "- [glossary.json](glossary.json): the same concepts as JSON, with their aliases, "
        "tags, related concepts, reviewers, review dates, owners and questions", "",
    ]


def test_llms_txt_counts_one_concept_and_none() -> None:
    one = llms_txt(app(), data(("A", "a.html#concept-a", "An A.")))
    assert "> The AI Guide glossary: 1 concept, each listed" in one
    none = llms_txt(app(), data(project=" "))
    assert none.startswith("# Glossary\n\n> The Glossary glossary: 0 concepts,")
    assert "## Concepts" not in none


def test_llms_txt_links_are_absolute_with_a_base_url_and_encoded() -> None:
    text = llms_txt(app("https://example.org/g"), data(
        ("Glossary", "#concept-glossary", "All."),
        ("Reward (RM)", "reward (rm).html#concept-reward-rm", "Scores.")))
    assert "- [Glossary](https://example.org/g/#concept-glossary): All. (not reviewed yet)" \
        in text
    # a target with parentheses or spaces stays one Markdown link
    assert "(https://example.org/g/reward%20%28rm%29.html#concept-reward-rm)" in text
    assert "- [glossary.json](https://example.org/g/glossary.json): " in text
