"""Which ids singlehtml renames: those that a document earlier by name holds too."""

from __future__ import annotations

from sphinx_aiguide.html.anchors import renamed_anchors

from ..helpers import fake_domain
from .records import concept, faq


def test_only_later_holders_of_a_shared_id_are_renamed_and_each_name_is_unique() -> None:
    domain = fake_domain()
    domain.note_concept(concept("Drift", "b"))
    domain.note_concept(concept("Drift", "a"))
    for docname in ("a", "b", "a/b", "a-b", "index"):
        domain.note_faq(docname, faq("Is it a bug?"))
    domain.note_faq("index", faq("Only here?"))
    assert renamed_anchors(domain) == {
        ("a-b", "faq-is-it-a-bug"): "faq-is-it-a-bug--a-b",
        ("a/b", "faq-is-it-a-bug"): "faq-is-it-a-bug--a-b-2",
        ("b", "faq-is-it-a-bug"): "faq-is-it-a-bug--b",
        ("index", "faq-is-it-a-bug"): "faq-is-it-a-bug--index",
        ("b", "concept-drift"): "concept-drift--b",
    }
