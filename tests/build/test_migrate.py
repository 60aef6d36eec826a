"""``sphinx-aiguide migrate``: glossaries rewritten as concepts, with nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import sphinx.locale
from sphinx.util.docutils import docutils_namespace

from sphinx_aiguide.cli import main

from ..conftest import Build, Shared
from ..helpers import Built, copy_root, entry_links, kept_links, run_cli

KEEP = {"confoverrides": {"aiguide_glossaries": "keep"}}


def migrate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sphinx-aiguide migrate ARGS`` in this process: exit status, output, errors."""
    return run_cli(capsys, "migrate", *args)


def sources(srcdir: Path) -> dict[str, bytes]:
    return {path.relative_to(srcdir).as_posix(): path.read_bytes()
            for path in sorted(srcdir.rglob("*")) if path.suffix in {".rst", ".md"}}


TERMS_AFTER = """\
:reviewed-by: editors
:last-reviewed: 2026-04-21

Terms
=====

Two glossaries, the first one sorted.

.. A comment between entries, which readers never see.

.. concept:: Embedding
   :aliases: vector representation

   A list of numbers that stands for a piece of text.

   .. index:: single: vectors; embedding

   .. A comment in the definition.

   Similar texts get similar numbers.

.. concept:: Tokenization

   Splitting text into the units a model reads.

.. concept:: Zero-shot learning

   Solving a task without any example of it.

   A model told only what to do, not shown how.

.. only:: html

   .. concept:: Context window

      How much text a model reads at once.

The page goes on after its glossaries.
"""

MARKDOWN_AFTER = """\
# Markdown terms

```{concept} Attention
:aliases: Self-attention

Weighing each part of an input by its relevance to the others.

It is what transformers are built on.
```

```{concept} Prompt

The text a model is given to continue.
```

The page goes on after its glossary.
"""


def test_without_write_it_prints_the_diff_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("glossaries", tmp_path / "src")
    before = sources(srcdir)
    status, out, err = migrate(capsys, str(srcdir))
    assert status == 0, err
    assert sources(srcdir) == before
    assert out.startswith(f"--- a/{os.path.relpath(srcdir)}/markdown.md")
    assert "-.. glossary::\n-   :sorted:\n" in out
    assert "+.. concept:: Embedding\n+   :aliases: vector representation\n" in out
    assert "+```{concept} Attention\n+:aliases: Self-attention\n" in out
    assert err == ("6 glossary entries in 2 files to convert (run again with --write); "
                   "0 left as they are\n")


def test_write_rewrites_each_glossary_and_a_second_run_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("glossaries", tmp_path / "src")
    status, _out, err = migrate(capsys, str(srcdir), "--write")
    assert status == 0, err
    assert (srcdir / "terms.rst").read_text(encoding="utf-8") == TERMS_AFTER
    assert (srcdir / "markdown.md").read_text(encoding="utf-8") == MARKDOWN_AFTER
    after = sources(srcdir)
    status, out, err = migrate(capsys, str(srcdir), "--write")
    assert (status, out) == (0, "")
    assert err == "0 glossary entries in 0 files converted; 0 left as they are\n"
    assert sources(srcdir) == after


def entries_of(xml: str) -> dict[str, tuple[str, list[str]]]:
    """First term -> (the entry's text, the index entries written in it), from XML output.

    Glossary entries (the unchanged build) and concepts (the migrated one) alike; labels,
    term headings and "Referenced by" lists are the concept's frame, not its text.
    """
    frame = {"aiguide_label", "aiguide_term", "aiguide_referenced_by", "term"}

    def text(element: ET.Element) -> list[str]:
        words = (element.text or "").split()
        for child in element:
            if child.tag not in frame:
                words += text(child)
            words += (child.tail or "").split()
        return words

    def written_index(element: ET.Element) -> list[str]:
        # docutils writes a list attribute with its spaces escaped
        return [str(index.get("entries")).replace("\\ ", " ")
                for index in element.iter("index")
                if "'main'" not in str(index.get("entries"))]

    found = {}
    root = ET.fromstring(xml)
    for item in root.iter("definition_list_item"):
        first = "".join(next(item.iter("term")).itertext())
        found[first] = (" ".join(text(item)), written_index(item))
    for concept in root.iter("aiguide_concept"):
        found[str(concept.get("term"))] = (" ".join(text(concept)), written_index(concept))
    return found


@pytest.fixture(scope="module")
def migrated_glossaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("glossaries", tmp_path_factory.mktemp("migrated"))
    with docutils_namespace():
        try:
            assert main(["migrate", str(srcdir), "--write"]) == 0
        finally:
            sphinx.locale.translators.clear()
    return srcdir


def test_no_text_comment_or_index_entry_is_lost(built: Shared, build: Build,
                                               migrated_glossaries: Path) -> None:
    before = built("glossaries", "xml", **KEEP)
    after = build(srcdir=migrated_glossaries, builder="xml",
                  builddir=migrated_glossaries.parent / "xml")
    assert after.warnings == ""
    for page in ("terms", "markdown"):
        old, new = entries_of(before.read(f"{page}.xml")), entries_of(after.read(f"{page}.xml"))
        assert new == old
        assert len(new) == {"terms": 3, "markdown": 2}[page]  # "Context window" is HTML only
    assert entries_of(after.read("terms.xml"))["Embedding"] == (
        "A list of numbers that stands for a piece of text. A comment in the definition. "
        "Similar texts get similar numbers.", ["['single', 'vectors; embedding', 'index-0', "
                                               "'', None]"])
    names = {record["term"]: record["aliases"]
             for records in after.data["concepts"].values() for record in records}
    assert names == {"Embedding": ["vector representation"], "Tokenization": [],
                     "Zero-shot learning": [], "Context window": [],
                     "Attention": ["Self-attention"], "Prompt": []}


def test_migrated_concepts_keep_every_link_and_anchor(built: Shared, build: Build,
                                                      migrated_glossaries: Path) -> None:
    unchanged = built("glossaries", **KEEP)
    after = build(srcdir=migrated_glossaries, builddir=migrated_glossaries.parent / "html")
    assert after.warnings == ""
    assert kept_links(entry_links(unchanged.outdir), entry_links(after.outdir)) == (16, [])
    html = after.body("terms")
    assert ('<div class="aiguide-concept" id="concept-embedding">\n'
            '<span id="term-Embedding"></span><span id="term-vector-representation"></span>'
            ) in html


def test_entries_it_cannot_convert_stay_and_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("glossary-bad", tmp_path / "src")
    original = (srcdir / "index.rst").read_text(encoding="utf-8")
    status, _out, err = migrate(capsys, str(srcdir), "--write")
    assert status == 1
    where = os.path.relpath(srcdir)
    assert err.splitlines() == [
        f"{where}/index.rst:13: glossary entry 'twice' left as it is: 'twice' is also "
        f"defined in {where}/index.rst:10",
        f"{where}/index.rst:16: glossary entry 'Starts with a list' left as it is: its "
        "definition starts with a list, not a paragraph, so its concept would have no summary",
        f"{where}/index.rst:20: glossary entry 'Starts with code' left as it is: its "
        "definition starts with a code block, not a paragraph, so its concept would have no "
        "summary",
        f"{where}/index.rst:27: glossary entry '>>>' left as it is: its term '``>>>``' has "
        "inline markup, which a concept's name cannot carry",
        f"{where}/index.rst:30: glossary entry 'Attention' left as it is: its term "
        "':dfn:`Attention`' has inline markup, which a concept's name cannot carry",
        f"{where}/index.rst:37: glossary entry 'Twice' left as it is: 'Twice' is also "
        f"defined in {where}/index.rst:10",
        f"{where}/index.rst:40: glossary entry 'No definition' left as it is: it has no "
        "definition, so its concept would have no summary",
        f"{where}/index.rst:46: glossary entry 'nothing' left as it is: its term "
        "'|nothing|' has inline markup, which a concept's name cannot carry",
        f"{where}/notes.md:7: glossary entry 'Listed' left as it is: its definition starts "
        "with a list, not a paragraph, so its concept would have no summary",
        "2 glossary entries in 2 files converted; 9 left as they are",
    ]
    # the entry converted and the entries left, each with every line it had
    assert (srcdir / "index.rst").read_text(encoding="utf-8") == original.replace(
        ".. glossary::\n\n   Twice\n      The first definition.\n\n",
        ".. concept:: Twice\n\n   The first definition.\n\n.. glossary::\n\n", 1)
    status, out, again = migrate(capsys, str(srcdir), "--write")
    assert (status, out) == (1, "")
    assert again.endswith("0 glossary entries in 0 files converted; 9 left as they are\n")


def test_only_glossaries_sphinx_reads_are_rewritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An example of a glossary in a code block is text, not a glossary."""
    srcdir = copy_root("glossaries", tmp_path / "src")
    example = ("Examples\n========\n\nWrite it so::\n\n   .. glossary::\n\n      Term\n"
               "         Its definition.\n\n.. code-block:: rst\n\n   .. glossary::\n\n"
               "      Other\n         Its definition.\n")
    (srcdir / "example.rst").write_text(example, encoding="utf-8")
    (srcdir / "example.md").write_text(
        "# Markdown example\n\n````markdown\n```{glossary}\nTerm\n  Definition.\n```\n"
        "````\n", encoding="utf-8")
    status, _out, err = migrate(capsys, str(srcdir), "--write")
    assert status == 0, err
    assert (srcdir / "example.rst").read_text(encoding="utf-8") == example
    assert "```{glossary}\nTerm\n" in (srcdir / "example.md").read_text(encoding="utf-8")


def test_a_project_that_cannot_take_concepts_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("glossaries", tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(', "sphinx_aiguide"', ""),
                    encoding="utf-8")
    before = sources(srcdir)
    status, out, err = migrate(capsys, str(srcdir), "--write")
    assert (status, out) == (2, "")
    assert err == ("sphinx-aiguide migrate: conf.py does not load sphinx_aiguide: add it to "
                   "`extensions`, or the concepts written cannot be built\n")
    assert sources(srcdir) == before
    status, _out, err = migrate(capsys, str(tmp_path / "nowhere"))
    assert status == 2
    assert "is not a Sphinx source folder (no conf.py)" in err


def test_sphinx_s_own_glossary_migrates_with_every_link_kept(
        built: Shared, build: Build, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("sphinx-docs", tmp_path / "src")
    status, out, err = migrate(capsys, str(srcdir), "--write")
    assert status == 0, err
    assert out.count("+.. concept:: ") == 13
    assert "+.. concept:: master document\n+   :aliases: root document\n" in out
    assert migrate(capsys, str(srcdir))[:2] == (0, "")
    unchanged = built("sphinx-docs", confoverrides={"extensions": []})
    after = build(srcdir=srcdir)
    assert after.warnings == ""
    assert {p.relative_to(unchanged.outdir) for p in unchanged.outdir.rglob("*.html")} <= \
        {p.relative_to(after.outdir) for p in after.outdir.rglob("*.html")}
    assert kept_links(entry_links(unchanged.outdir), entry_links(after.outdir)) == (35, [])
    for builder in ("latex", "epub"):
        result: Built = build(srcdir=srcdir, builder=builder,
                              builddir=tmp_path / f"out-{builder}")
        assert result.warnings == "", builder


def test_the_command_runs_as_a_program(tmp_path: Path) -> None:
    srcdir = copy_root("glossaries", tmp_path / "src")
    result = subprocess.run([sys.executable, "-m", "sphinx_aiguide", "migrate", str(srcdir)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "+.. concept:: Tokenization" in result.stdout


def test_line_endings_stay_as_written(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = copy_root("glossaries", tmp_path / "src")
    terms = srcdir / "terms.rst"
    terms.write_bytes(terms.read_bytes().replace(b"\n", b"\r\n"))
    status, _out, err = migrate(capsys, str(srcdir), "--write")
    assert status == 0, err
    assert terms.read_bytes() == TERMS_AFTER.replace("\n", "\r\n").encode("utf-8")
