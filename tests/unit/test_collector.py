"""Which pages an edit makes stale: the view of shown data before and after, compared.

Each case describes a small project twice, before and after an edit, and asks which pages
must be written again besides the edited one (Sphinx rewrites that one itself).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from docutils import nodes

from sphinx_aiguide.collector import pages_to_rewrite, view

from ..helpers import fake_domain
from .records import concept

#: The linking project in short: its concepts, what each page links to, its titles.
PROJECT: dict[str, Any] = {
    "concepts": [
        concept("Value Alignment", "value-alignment", aliases=["alignment"], tags=["safety"]),
        concept("Überanpassung", "overfitting", aliases=["overfitting"], tags=["training"]),
        concept("Zero-Shot Learning", "zero-shot", tags=["safety"]),
    ],
    "refs": {"usage": ["alignment", "nowhere", "value alignment", "zero-shot learning"],
             "value-alignment": ["overfitting"]},
    "titles": {"usage": "Usage", "value-alignment": "Value Alignment"},
    # a complete A–Z index on the home page, one filtered by tag
    "indexes": {"index": True, "glossary": False},
}


def rewritten(edit: Callable[[dict[str, Any]], None], *edited: str) -> set[str]:
    """The pages to write again after *edit* changes the project, besides *edited*."""
    after = copy.deepcopy(PROJECT)
    edit(after)
    views = []
    for project in (PROJECT, after):
        domain = fake_domain()
        domain.data["refs"].update(copy.deepcopy(project["refs"]))
        for record in project["concepts"]:
            domain.note_concept(copy.deepcopy(record))
        for docname, complete in project["indexes"].items():
            domain.note_index(docname, complete=complete)
        domain.env.titles.update({docname: nodes.title("", title)
                                  for docname, title in project["titles"].items()})
        views.append(view(domain))
    return pages_to_rewrite(*views, set(after["indexes"])) - set(edited)


def named(project: dict[str, Any], term: str) -> dict[str, Any]:
    return next(record for record in project["concepts"] if record["term"] == term)


def test_nothing_changed_nothing_to_write() -> None:
    assert rewritten(lambda project: None) == set()


def test_a_summary_shows_in_previews_and_listings() -> None:
    def edit(project: dict[str, Any]) -> None:
        named(project, "Überanpassung")["summary"] = "Now said differently."

    # the page that previews it, and both A–Z listings
    assert rewritten(edit, "overfitting") == {"value-alignment", "index", "glossary"}


def test_review_data_shows_on_the_entry_only() -> None:
    def edit(project: dict[str, Any]) -> None:
        named(project, "Überanpassung")["last_reviewed"] = "2026-04-21"
        named(project, "Überanpassung")["reviewers"] = ["editors"]

    assert rewritten(edit, "overfitting") == set()


def test_a_new_link_adds_the_page_to_the_target_s_referenced_by() -> None:
    def edit(project: dict[str, Any]) -> None:
        project["refs"]["zero-shot"] = ["overfitting"]

    assert rewritten(edit, "zero-shot") == {"overfitting"}


def test_a_retitled_page_is_renamed_in_every_referenced_by_list() -> None:
    def edit(project: dict[str, Any]) -> None:
        project["titles"]["usage"] = "How to Link"

    assert rewritten(edit, "usage") == {"value-alignment", "zero-shot"}


def test_a_deleted_concept_leaves_its_links_unresolved() -> None:
    def edit(project: dict[str, Any]) -> None:
        project["concepts"].remove(named(project, "Zero-Shot Learning"))

    assert rewritten(edit, "zero-shot") == {"usage", "index", "glossary"}


def test_a_new_alias_resolves_links_that_used_it() -> None:
    def edit(project: dict[str, Any]) -> None:
        named(project, "Value Alignment")["aliases"].append("nowhere")

    # "usage" now links where it did not; listings show aliases too
    assert rewritten(edit, "value-alignment") == {"usage", "index", "glossary"}


def test_a_new_concept_rewrites_the_listings() -> None:
    def edit(project: dict[str, Any]) -> None:
        project["concepts"].append(concept("AI Agent", "agent"))

    assert rewritten(edit, "agent") == {"index", "glossary"}


def test_a_page_whose_last_link_goes_is_written_again() -> None:
    """A page that only mentioned a removed concept links to nothing any more."""
    def edit(project: dict[str, Any]) -> None:
        project["concepts"].remove(named(project, "Überanpassung"))
        del project["refs"]["value-alignment"]  # what its mention of "overfitting" was

    assert rewritten(edit, "overfitting") == {"value-alignment", "index", "glossary"}
