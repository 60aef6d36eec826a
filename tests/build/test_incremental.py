"""Incremental builds: after an edit, every page that shows the edited data is rewritten.

Each scenario edits a copy of the linking project, rebuilds it incrementally, and compares
the content of every page with a clean build of the same edited sources, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

from .conftest import Build

Edit = Callable[[Path], None]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_summary(src: Path) -> None:
    replace(src / "overfitting.md", "too closely to generalise", "so closely it fails on new data")


def rename_concept(src: Path) -> None:
    replace(src / "zero-shot.rst", "Zero-Shot Learning\n==================",
            "Zero-Shot Inference\n===================")
    replace(src / "usage.rst", "<Zero-Shot Learning>", "<Zero-Shot Inference>")


def add_concept(src: Path) -> None:
    (src / "agent.rst").write_text(
        "AI Agent\n========\n\n.. concept::\n   :tags: safety\n\n"
        "   An AI agent acts on its own towards a goal; see :concept:`value alignment`.\n",
        encoding="utf-8")
    replace(src / "index.rst", "   usage\n", "   usage\n   agent\n")


def delete_concept(src: Path) -> None:
    (src / "value-alignment.rst").unlink()
    replace(src / "index.rst", "   value-alignment\n", "")


def change_aliases_and_tags(src: Path) -> None:
    replace(src / "overfitting.md", ":aliases: overfitting\n:tags: training",
            ":aliases: overfitting, overtraining\n:tags: training, safety")


def add_reference(src: Path) -> None:
    replace(src / "zero-shot.rst", "without task-specific examples.",
            "without task-specific examples, unlike :concept:`overfitting` models.")


def retitle_referrer(src: Path) -> None:
    replace(src / "usage.rst", "Usage\n=====", "How to Link\n===========")


SCENARIOS: dict[str, Edit] = {
    "retitle-referrer": retitle_referrer,
    "summary": edit_summary,
    "rename": rename_concept,
    "add": add_concept,
    "delete": delete_concept,
    "aliases-and-tags": change_aliases_and_tags,
    "new-reference": add_reference,
}


def contents(outdir: Path) -> dict[str, str]:
    """The main content of every page (the theme's navigation is Sphinx's business)."""
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if '<div class="body" role="main">' in page:
            start = page.index('<div class="body" role="main">')
            pages[str(path.relative_to(outdir))] = page[start:page.index(
                '<div class="sphinxsidebar"', start)]
    return pages


def written(status: str) -> set[str]:
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", strip_colors(status)))


@pytest.mark.parametrize("parallel", [0, 2])
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_incremental_build_equals_a_clean_build(build: Build, scenario: str,
                                                parallel: int) -> None:
    first = build("linking", parallel=parallel)
    SCENARIOS[scenario](first.srcdir)
    incremental = build(srcdir=first.srcdir, parallel=parallel)
    clean_src = build("linking", parallel=parallel).srcdir
    SCENARIOS[scenario](clean_src)
    clean = build(srcdir=clean_src, parallel=parallel, freshenv=True)
    assert contents(incremental.outdir) == contents(clean.outdir)


def test_a_summary_edit_rewrites_exactly_the_pages_that_show_it(build: Build) -> None:
    first = build("linking")
    edit_summary(first.srcdir)
    again = build(srcdir=first.srcdir)
    # the entry itself, the two A–Z listings, and the pages whose links preview it
    assert written(again.status.getvalue()) == {
        "overfitting", "index", "glossary", "usage", "value-alignment"}


def az_bar(page: str) -> str:
    start = page.index('<nav class="ag-az"')
    return page[start:page.index("</nav>", start)]


def test_the_theme_letter_bar_follows_new_letters(build: Build) -> None:
    """In the aiguide theme every page shows the A–Z bar: a new letter updates them all."""
    options = {"html_theme": "aiguide", "html_theme_options.concept_index_page": "index"}
    first = build("linking", confoverrides=options)
    add_concept(first.srcdir)  # "AI Agent": the first concept under A
    incremental = build(srcdir=first.srcdir, confoverrides=options)
    clean_src = build("linking", confoverrides=options).srcdir
    add_concept(clean_src)
    clean = build(srcdir=clean_src, confoverrides=options, freshenv=True)
    for page in ("usage.html", "zero-shot.html"):
        bar = az_bar((incremental.outdir / page).read_text(encoding="utf-8"))
        assert 'href="index.html#aiguide-letter-a">A</a>' in bar
        assert bar == az_bar((clean.outdir / page).read_text(encoding="utf-8"))
