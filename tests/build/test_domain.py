"""The domain under parallel and incremental builds: same data, same output, clear warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

from sphinx_aiguide.domain import AIGuideDomain

from .conftest import Build, warnings

DUPLICATES = [
    "clash.rst:4: WARNING: concept name 'ALIGNMENT' is defined twice: here and in "
    "alignment.rst, line 7 [aiguide.duplicate]",
    "clash.rst:4: WARNING: concept name 'Ben1' is defined twice: here and in benchmark.md, "
    "line 7 [aiguide.duplicate]",
]


def domain_data(app: object) -> dict[str, object]:
    domain = app.env.get_domain("aiguide")  # type: ignore[attr-defined]
    assert isinstance(domain, AIGuideDomain)
    return domain.data


def tree(outdir: Path) -> dict[str, bytes]:
    """Every HTML page and the inventory the build wrote."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.suffix in {".html", ".inv"}
    }


@pytest.mark.parametrize("parallel", [0, 2])
def test_duplicates_name_both_places(build: Build, parallel: int) -> None:
    app = build("parallel", parallel=parallel)
    found = [line.removeprefix(f"{app.srcdir}/") for line in warnings(app).splitlines()]
    assert found == DUPLICATES


def test_parallel_read_gives_the_same_data_and_the_same_output(build: Build) -> None:
    serial = build("parallel")
    serial_data, serial_tree = domain_data(serial), tree(serial.outdir)
    parallel = build("parallel", parallel=2)
    # the workers really read: Sphinx names the chunk each one took
    assert "reading sources... [ 50%] alignment .. " in strip_colors(parallel.status.getvalue())
    assert domain_data(parallel) == serial_data
    assert len(serial_data["concepts"]) == 11  # type: ignore[arg-type]
    assert tree(parallel.outdir) == serial_tree


def test_rebuild_after_an_edit_forgets_what_was_removed(build: Build) -> None:
    app = build("parallel", parallel=2)
    clash = app.srcdir / "clash.rst"
    clash.write_text("Clash\n=====\n\nNo concept any more.\n", encoding="utf-8")
    again = build(srcdir=app.srcdir, parallel=2)
    assert "0 added, 1 changed, 0 removed" in again.status.getvalue()
    assert warnings(again) == ""
    data = domain_data(again)
    assert "clash" not in data["concepts"]  # type: ignore[operator]
    domain = again.env.get_domain("aiguide")
    assert isinstance(domain, AIGuideDomain)
    record = domain.find("alignment")
    assert record is not None
    assert record["docname"] == "alignment"
    assert domain.find("ben1") is not None
