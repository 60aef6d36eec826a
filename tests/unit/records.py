"""Records as directives store them, written by hand for tests of the domain and collector."""

from __future__ import annotations

from typing import Any

from sphinx_aiguide.records import ConceptRecord, FaqRecord
from sphinx_aiguide.text import slugify


def concept(term: str, docname: str, **fields: Any) -> ConceptRecord:
    """A concept *term* defined in *docname*, with empty review data unless given."""
    record: dict[str, Any] = {
        "term": term, "sort_as": "", "docname": docname, "id": f"concept-{slugify(term)}",
        "line": 1, "summary": f"{term} in one sentence.", "aliases": [], "tags": [], "related": [],
        "reviewers": [], "last_reviewed": "", "review_every": "", "owner": "",
        "source": f"{docname}.rst"}
    record.update(fields)
    return record  # type: ignore[return-value]


def faq(question: str, concept: str = "", **fields: Any) -> FaqRecord:
    """A question (of the concept *concept*, if given) with a one-line answer."""
    record: dict[str, Any] = {"question": question, "answer": "Yes.",
                              "id": f"faq-{slugify(question)}", "line": 1, "concept": concept}
    record.update(fields)
    return record  # type: ignore[return-value]
