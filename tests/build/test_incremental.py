"""Incremental builds: after an edit, every page that shows the edited data is rewritten.

Each scenario edits a copy of the linking project, rebuilds it incrementally, and compares
the content of every page with a clean build of the same edited sources, byte for byte.
The clean build of a scenario is made once and compared with both the serial and the
parallel (``-j 2``) incremental build: their output must be the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ..helpers import Built, contents, copy_root, current_pages, run_build

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


def sort_differently(src: Path) -> None:
    """Nothing a page shows of the concept changes, only where listings file it."""
    replace(src / "value-alignment.rst", "   :aliases: alignment\n",
            "   :aliases: alignment\n   :sort-as: Alignment, value\n")


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
    "sort-as": sort_differently,
}


def written(status: str) -> set[str]:
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


@pytest.fixture(scope="module")
def incremental(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, int], Built]:
    """``incremental(scenario, parallel)``: build, edit, build again; the second build."""
    results: dict[tuple[str, int], Built] = {}

    def run(scenario: str, parallel: int) -> Built:
        if (scenario, parallel) not in results:
            src = copy_root("linking", tmp_path_factory.mktemp(f"{scenario}-{parallel}"))
            run_build(src, parallel=parallel)
            SCENARIOS[scenario](src)
            results[scenario, parallel] = run_build(src, parallel=parallel)
        return results[scenario, parallel]

    return run


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, str]]:
    """``clean(scenario)``: the page contents of a first build of the edited sources."""
    results: dict[str, dict[str, str]] = {}

    def run(scenario: str) -> dict[str, str]:
        if scenario not in results:
            src = copy_root("linking", tmp_path_factory.mktemp(f"clean-{scenario}"))
            SCENARIOS[scenario](src)
            results[scenario] = contents(run_build(src).outdir)
        return results[scenario]

    return run


@pytest.mark.parametrize("parallel", [0, 2])
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_incremental_build_equals_a_clean_build(incremental: Callable[[str, int], Built],
                                                clean: Callable[[str], dict[str, str]],
                                                scenario: str, parallel: int) -> None:
    expected = clean(scenario)
    assert current_pages(incremental(scenario, parallel).outdir, expected) == expected


def test_a_summary_edit_rewrites_exactly_the_pages_that_show_it(
    incremental: Callable[[str, int], Built]
) -> None:
    # the entry itself, the two A–Z listings, and the pages whose links preview it
    assert written(incremental("summary", 0).status) == {
        "overfitting", "index", "glossary", "usage", "value-alignment"}


def test_a_new_sort_order_rewrites_the_listings_only(
    incremental: Callable[[str, int], Built]
) -> None:
    assert written(incremental("sort-as", 0).status) == {"value-alignment", "index", "glossary"}


def az_bar(page: str) -> str:
    start = page.index('<nav class="ag-az"')
    return page[start:page.index("</nav>", start)]


def test_the_theme_letter_bar_follows_new_letters(tmp_path: Path) -> None:
    """In the aiguide theme every page shows the A–Z bar: a new letter updates them all."""
    options = {"html_theme": "aiguide", "html_theme_options.concept_index_page": "index"}
    src = copy_root("linking", tmp_path / "edited")
    run_build(src, confoverrides=options)
    add_concept(src)  # "AI Agent": the first concept under A
    incremental = run_build(src, confoverrides=options)
    clean_src = copy_root("linking", tmp_path / "clean")
    add_concept(clean_src)
    clean = run_build(clean_src, confoverrides=options)
    for page in ("usage.html", "zero-shot.html"):
        bar = az_bar(incremental.read(page))
        assert 'href="index.html#aiguide-letter-a">A</a>' in bar
        assert bar == az_bar(clean.read(page))
