"""Broken inline markup in field and option values: reported to the writer, never published.

docutils keeps its problem report (with the source file's absolute path) inside the node
it had trouble with; none of that text may reach a byline, a preview, JSON-LD or an export.
"""

from __future__ import annotations

import json

import pytest

from ..conftest import Shared


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "text", "latex", "epub"])
def test_no_output_file_holds_a_problem_report(built: Shared, builder: str) -> None:
    result = built("broken-markup", builder)
    # the writer is told, with file and line
    lines = result.warning_lines()
    assert "index.rst:1: WARNING: Inline interpreted text or phrase reference start-string " \
           "without end-string. [docutils]" in lines
    assert "index.rst:15: WARNING: Inline literal start-string without end-string. " \
           "[docutils]" in lines
    # and no page or export says it
    written = [path for path in result.outdir.rglob("*")
               if path.is_file() and ".doctrees" not in path.parts]
    assert written
    for path in written:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert str(result.srcdir) not in text, path
        assert "(WARNING/2)" not in text, path


def test_the_text_is_kept_as_written(built: Shared) -> None:
    result = built("broken-markup")
    concept = json.loads(result.read("glossary.json"))["concepts"][0]
    assert concept["summary"] == "A model learns its **training data too well."
    assert concept["aliases"] == ["over`fit"]
    assert concept["reviewers"] == [{"name": "`Jo Roe", "url": None}]
    assert concept["faqs"][0]["question"] == "Is *this a `question?"
    assert concept["faqs"][0]["answer"] == (
        "An answer with ``unclosed literal and **bold.\n\n"
        "Second paragraph with |undefined| substitution.")
    # the root document is the glossary page here
    page = result.page("index.html").graph()["CollectionPage"][0]
    assert page["reviewedBy"] == [{"@type": "Person", "name": "`Jo Roe"}]
