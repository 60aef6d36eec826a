"""The domain under parallel and incremental builds: same data, same output, clear warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import Build, Shared

DUPLICATES = [
    "clash.rst:4: WARNING: concept name 'ALIGNMENT' is defined twice: here and in "
    "alignment.rst, line 7 [aiguide.duplicate]",
    "clash.rst:4: WARNING: concept name 'Ben1' is defined twice: here and in benchmark.md, "
    "line 7 [aiguide.duplicate]",
]


def tree(outdir: Path) -> dict[str, bytes]:
    """Every HTML page and the inventory the build wrote."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.suffix in {".html", ".inv"}
    }


@pytest.mark.parametrize("parallel", [0, 2])
def test_duplicates_name_both_places(built: Shared, parallel: int) -> None:
    assert built("parallel", parallel=parallel).warning_lines() == DUPLICATES


def test_parallel_read_gives_the_same_data_and_the_same_output(built: Shared) -> None:
    serial, parallel = built("parallel", parallel=0), built("parallel", parallel=2)
    # the workers really read: Sphinx names the chunk each one took
    assert "reading sources... [ 50%] alignment .. " in parallel.status
    assert parallel.data == serial.data
    assert len(serial.data["concepts"]) == 11
    assert tree(parallel.outdir) == tree(serial.outdir)


def test_rebuild_after_an_edit_forgets_what_was_removed(build: Build) -> None:
    first = build("parallel", parallel=2)
    clash = first.srcdir / "clash.rst"
    clash.write_text("Clash\n=====\n\nNo concept any more.\n", encoding="utf-8")
    again = build(srcdir=first.srcdir, parallel=2)
    assert "0 added, 1 changed, 0 removed" in again.status
    assert again.warnings == ""
    assert "clash" not in again.data["concepts"]
    domain = again.domain()
    record = domain.find("alignment")
    assert record is not None
    assert record["docname"] == "alignment"
    assert domain.find("ben1") is not None
