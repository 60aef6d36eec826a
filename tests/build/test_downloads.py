"""The downloads Read the Docs builds: the PDF compiles for real, the EPUB passes epubcheck.

A LaTeX file that Sphinx writes without a warning can still stop the TeX engine (a
character it has no glyph for, a package it lacks), and then the hosted PDF is missing.
These tests run what ``make latexpdf`` runs, Sphinx's Makefile and ``latexmk`` with the
engine Sphinx picked (Read the Docs runs the same latexmk), on the documentation and on
small concept sites, and Debian's ``epubcheck`` on the documentation's EPUB.

They need Debian's TeX Live for each engine and poppler's ``pdftotext``
(marker ``latex``), and ``epubcheck`` with a Java runtime (marker ``epubcheck``); the
README's test command installs them. They never skip: without the tools they fail with
the command that installs them, and ``-m "not latex and not epubcheck"`` deselects them
on purpose.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ..conftest import Build, Shared
from ..helpers import TOP, Built, copy_root
from .test_guide import blocks

TEX_PACKAGES = ("texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra "
                "latexmk tex-gyre")
#: Japanese and Chinese: uplatex, xelatex with xeCJK, their fonts and indexers; pdftotext.
CJK_PACKAGES = ("texlive-xetex texlive-lang-japanese texlive-lang-chinese fonts-freefont-otf "
                "fonts-noto-cjk xindy poppler-utils")
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def guide_settings(page: str, marker: str) -> dict[str, Any]:
    """The settings of the one ``conf.py`` snippet of docs/*page* that has *marker*."""
    (snippet,) = [block.text for block in blocks(TOP / "docs" / page)
                  if block.language == "python" and marker in block.text]
    settings: dict[str, Any] = {}
    exec(snippet, settings)  # as Sphinx runs conf.py
    return {name: value for name, value in settings.items() if name.startswith("latex_")}


def needs(*tools: str) -> None:
    """Fail, with the commands that install them, when *tools* are not installed."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{' and '.join(missing)} missing: run `apt-get install -y {TEX_PACKAGES}` "
                    f"and `apt-get install -y --no-install-recommends {CJK_PACKAGES}` (the "
                    f"README's test command does)", pytrace=False)


@dataclass(frozen=True)
class Compiled:
    """A PDF compiled from a LaTeX build, with what the engine and the driver said."""

    pdf: Path
    log: str  # the engine's .log
    output: str  # what make and latexmk printed (dvipdfmx's warnings are only there)

    def missing(self) -> str:
        """The characters that no font had, which the PDF shows as gaps, in order."""
        found = re.findall(r"Missing character: There is no .*?\(U\+([0-9A-F]+)\)", self.log)
        characters = [chr(int(code, 16)) for code in found]
        # dvipdfmx (platex, uplatex) gives the character in UTF-16
        characters += [bytes.fromhex(code).decode("utf-16-be") for code in re.findall(
            r"No character mapping available\.\s+CMap name: \S+\s+input str: <([0-9a-f]+)>",
            self.output)]
        return "".join(dict.fromkeys(characters))

    def text(self) -> str:
        """The text a reader can select and copy from the PDF (poppler's ``pdftotext``)."""
        needs("pdftotext")
        run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(self.pdf), "-"],
                             capture_output=True, text=True, encoding="utf-8", check=True)
        return run.stdout


def compile_pdf(result: Built, folder: Path, engine: str = "pdflatex") -> Compiled:
    """Copy a LaTeX build to *folder* and compile it as ``make latexpdf`` does."""
    needs("latexmk", engine)
    shutil.copytree(result.outdir, folder)
    (tex,) = folder.glob("*.tex")
    run = subprocess.run(
        ["make", "all-pdf", "LATEXOPTS=-interaction=nonstopmode -halt-on-error"],
        cwd=folder, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        encoding="utf-8", errors="replace", check=False)
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0, "\n".join(errors) or run.stdout[-2000:]
    return Compiled(tex.with_suffix(".pdf"), log, run.stdout + run.stderr)


def check_pdf(compiled: Compiled) -> None:
    assert compiled.pdf.read_bytes().startswith(b"%PDF-")
    # the engine only logs a character its fonts lack and leaves a gap in the page
    assert compiled.missing() == ""
    assert "Missing character" not in compiled.log


@pytest.mark.latex
def test_the_documentation_pdf_compiles(docs: Callable[[str], Built], tmp_path: Path) -> None:
    compiled = compile_pdf(docs("latex"), tmp_path / "latex", engine="xelatex")
    check_pdf(compiled)
    assert compiled.pdf.stat().st_size > 100_000  # every page, the screenshots included
    text = " ".join(compiled.text().split())
    # the Japanese and Chinese examples are in it, and Western punctuation keeps its space
    assert ".. concept:: 大規模言語モデル" in text
    assert "Read the Docs\N{RIGHT SINGLE QUOTATION MARK} build image has all of" in text


@pytest.mark.latex
@pytest.mark.parametrize("root", ["example-rst", "linking"])
def test_a_small_concept_site_pdf_compiles(built: Shared, tmp_path: Path, root: str) -> None:
    check_pdf(compile_pdf(built(root, "latex"), tmp_path / "latex"))


@pytest.mark.latex
def test_the_symbols_the_guide_declares_print_with_pdflatex(build: Build,
                                                            tmp_path: Path) -> None:
    sentence = "Scores run from \N{MINUS SIGN}1 to 1, and x \N{LESS-THAN OR EQUAL TO} 1."
    srcdir = copy_root("example-rst", tmp_path / "source")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
        index.write(f"\n{sentence}\n")
    result = build(srcdir=srcdir, builder="latex", confoverrides=guide_settings(
        "read-the-docs.md", "DeclareUnicodeCharacter"))
    compiled = compile_pdf(result, tmp_path / "latex")
    check_pdf(compiled)
    assert sentence in " ".join(compiled.text().split())


@pytest.mark.epubcheck
def test_the_documentation_epub_passes_epubcheck(docs: Callable[[str], Built]) -> None:
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        pytest.fail("epubcheck is missing: run `apt-get install -y default-jre-headless "
                    "epubcheck` (the README's test command does)", pytrace=False)
    (epub,) = docs("epub").outdir.glob("*.epub")
    run = subprocess.run([java, "-jar", str(EPUBCHECK), str(epub)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No errors or warnings detected." in run.stdout
