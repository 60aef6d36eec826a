"""The domain under parallel and incremental builds: same data, same output, clear warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import Build, Shared
from ..helpers import body_of, run_build

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


PLAIN_PAGE = """\
Plain
=====

A page with nothing of the package: a paragraph with *emphasis*, a ``literal`` and a
`link <https://example.org>`_.

.. rubric:: A rubric

- a list item
- another

.. code-block:: python

   print("code")
"""


def test_pages_without_concepts_are_written_as_sphinx_writes_them(tmp_path: Path) -> None:
    """The package leaves a page alone that holds no concept, question, byline or link."""
    bodies = {}
    for name, extensions in (("with", '["sphinx_aiguide"]'), ("without", "[]")):
        source = tmp_path / name
        source.mkdir()
        (source / "conf.py").write_text(f"extensions = {extensions}\n", encoding="utf-8")
        (source / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   plain\n   entry\n",
                                          encoding="utf-8")
        (source / "plain.rst").write_text(PLAIN_PAGE, encoding="utf-8")
        entry = "Entry\n=====\n\n" + (".. concept::\n\n   A summary.\n" if extensions != "[]"
                                      else "A summary.\n")
        (source / "entry.rst").write_text(entry, encoding="utf-8")
        built = run_build(source)
        assert built.warnings == ""
        bodies[name] = body_of((built.outdir / "plain.html").read_text(encoding="utf-8"))
        if extensions != "[]":
            assert sorted(built.data["work"]) == ["entry"]
    assert bodies["with"] == bodies["without"]
