"""Mistakes that used to pass in silence, and typos: each warns with file, line and the fix."""

from __future__ import annotations

import pytest

from ..conftest import Shared
from ..helpers import text_of

NO_COLON_FENCE = (
    "is shown as text: MyST reads ':::' fences only with myst_enable_extensions = "
    '["colon_fence"] in conf.py (or write the block as ```{NAME} … ```)')


def test_myst_without_colon_fence_says_how_to_turn_it_on(built: Shared) -> None:
    result = built("no-colon-fence")
    assert result.warning_lines() == [
        f"index.md:7: WARNING: ':::{{concept}}' {NO_COLON_FENCE.replace('NAME', 'concept')} "
        "[aiguide.concept]",
        f"index.md:13: WARNING: ':::{{faq}}' {NO_COLON_FENCE.replace('NAME', 'faq')} "
        "[aiguide.faq]",
        f"index.md:19: WARNING: ':::{{concept-index}}' "
        f"{NO_COLON_FENCE.replace('NAME', 'concept-index')} [aiguide.concept]",
    ]


def test_myst_with_colon_fence_reads_the_same_page(built: Shared) -> None:
    result = built("no-colon-fence", confoverrides={"myst_enable_extensions": ["colon_fence"]})
    assert result.warnings == ""
    assert 'id="concept-instrumental-convergence"' in result.read("index.html")


def test_fences_that_misplace_the_end_of_a_block(built: Shared) -> None:
    lines = built("mistakes").warning_lines()
    assert [line for line in lines if line.startswith("closed-with")] == [
        "closed-with-backticks.md:5: WARNING: the '```' on this line opens a code block that "
        "is still open where the :::{concept} block ends, so what follows it is shown as "
        "code; if it was meant to close the concept, write ::: [aiguide.concept]",
        "closed-with-colons.md:7: WARNING: the ':::' on this line does not end the "
        "```{concept} block, which only a line of ``` ends: what follows is read as part of "
        "the concept; close the block with ```, or open it with :::{concept} "
        "[aiguide.concept]",
    ]
    # fences that pair up inside a concept are no mistake
    assert not [line for line in lines if line.startswith("well-formed")]


def test_rest_directives_read_as_comments_or_text(built: Shared) -> None:
    lines = built("mistakes").warning_lines()
    assert [line for line in lines if line.startswith("index.rst")] == [
        # docutils' own complaint about the paragraph that ends in "::"
        "index.rst:24: WARNING: Literal block expected; none found. [docutils]",
        "index.rst:10: WARNING: '.. concept:' with one colon is a comment, so none of it is "
        "shown: write '.. concept::' [aiguide.concept]",
        "index.rst:15: WARNING: '.. faq:' with one colon is a comment, so none of it is "
        "shown: write '.. faq::' [aiguide.faq]",
        "index.rst:19: WARNING: '..concept::' is shown as text: write '.. concept::', with a "
        "space after the two dots [aiguide.concept]",
        "index.rst:21: WARNING: ':::{concept}' is shown as text: it is MyST Markdown; in "
        "reStructuredText write '.. concept::' [aiguide.concept]",
    ]
    assert "Text after everything stays." in built("mistakes").body("index")


def test_typos_get_a_suggestion(built: Shared) -> None:
    assert built("typos").warning_lines() == [
        "index.rst:14: WARNING: concept: unknown option 'alias' ignored; did you mean "
        "'aliases'? [aiguide.concept]",
        "index.rst:15: WARNING: unknown reviewer 'hdesia': not a key of aiguide_reviewers; "
        "did you mean 'hdesai'? [aiguide.reviewer]",
        "index.rst:16: WARNING: last-reviewed 2026-11-27 is after today (2026-11-26): a "
        "review date is a day that has passed, so the entry is shown as not reviewed "
        "[aiguide.date]",
        "index.rst:1: WARNING: unknown reviewer 'editor': not a key of aiguide_reviewers; "
        "did you mean 'editors'? [aiguide.reviewer]",
        # at the line of the field itself, not the first field
        "index.rst:3: WARNING: last-reviewed '2026-02-30' is no such day: 2026-02 has 28 "
        "days [aiguide.date]",
        "myst.md:8: WARNING: concept: unknown option 'relate' ignored; did you mean "
        "'related'? [aiguide.concept]",
        "myst.md:9: WARNING: unknown reviewer 'hdesia': not a key of aiguide_reviewers; did "
        "you mean 'hdesai'? [aiguide.reviewer]",
        "myst.md:10: WARNING: last-reviewed '2026-02-29' is no such day: 2026-02 has 28 days "
        "[aiguide.date]",
        "myst.md:2: WARNING: unknown reviewer 'editor': not a key of aiguide_reviewers; did "
        "you mean 'editors'? [aiguide.reviewer]",
        "myst.md:3: WARNING: last-reviewed 2026-11-27 is after today (2026-11-26): a review "
        "date is a day that has passed, so the entry is shown as not reviewed [aiguide.date]",
        # options in a MyST YAML block, each at its own line too
        "yaml-options.md:5: WARNING: concept: unknown option 'alias' ignored; did you mean "
        "'aliases'? [aiguide.concept]",
        "yaml-options.md:6: WARNING: last-reviewed '2026-02-31' is no such day: 2026-02 has "
        "28 days [aiguide.date]",
        "index.rst:20: WARNING: unknown concept 'Reward Hackin'; did you mean 'Reward "
        "Hacking'? [aiguide.ref]",
        # nothing close enough: no guess
        "index.rst:20: WARNING: unknown concept 'specification gamin' [aiguide.ref]",
        "myst.md:14: WARNING: unknown concept 'Reward Hackin'; did you mean 'Reward "
        "Hacking'? [aiguide.ref]",
    ]


@pytest.mark.parametrize("page", ["index", "myst"])
def test_a_review_date_after_today_is_not_shown_as_a_review(built: Shared, page: str) -> None:
    result = built("typos")
    html = result.body(page)
    assert "Last reviewed" not in text_of(html)
    assert "2026-11-27" not in html and "27 November 2026" not in html
    assert all(not record["last_reviewed"] for record in result.domain().concepts())


def test_a_concept_that_is_also_a_glossary_term_is_reported_in_either_order(
        built: Shared) -> None:
    """Whichever page a full build reads first, one warning names the clash."""
    assert built("glossary-clash").warning_lines() == [
        # the glossary was read first: the concept reports it
        "embedding.rst:4: WARNING: concept 'Embedding' is also a glossary term in "
        "a-glossary.rst; :term: links go to the concept: remove the term from the glossary "
        "[aiguide.duplicate]",
        # the concept was read first: Sphinx reports the glossary term
        "z-glossary.rst:5: WARNING: duplicate term description of Overfitting, other "
        "instance in overfitting",
        "embedding.rst:8: WARNING: unknown concept 'tokenization': it is a glossary term, "
        "not a concept; link it with :term: [aiguide.ref]",
    ]
