"""The downloads Read the Docs builds: the PDF compiles for real, the EPUB passes epubcheck.

A LaTeX file that Sphinx writes without a warning can still stop pdflatex (a character it
has no glyph for, a package it lacks), and then the hosted PDF is missing. These tests run
what Read the Docs runs, ``latexmk`` with pdflatex, on the documentation and on small
concept sites, and Debian's ``epubcheck`` on the documentation's EPUB.

They need Debian's ``texlive-latex-recommended texlive-fonts-recommended
texlive-latex-extra latexmk tex-gyre`` (marker ``latex``) and ``epubcheck`` with a Java
runtime (marker ``epubcheck``); the README's test command installs them. They never skip:
without the tools they fail with that command, and ``-m "not latex and not epubcheck"``
deselects them on purpose.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import Shared
from ..helpers import Built

TEX_PACKAGES = ("texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra "
                "latexmk tex-gyre")
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def compile_pdf(result: Built, folder: Path) -> tuple[Path, str]:
    """Copy a LaTeX build to *folder* and compile it as Read the Docs does; PDF and log."""
    if shutil.which("latexmk") is None or shutil.which("pdflatex") is None:
        pytest.fail(f"latexmk and pdflatex are missing: run `apt-get install -y "
                    f"{TEX_PACKAGES}` (the README's test command does)", pytrace=False)
    shutil.copytree(result.outdir, folder)
    (tex,) = folder.glob("*.tex")
    run = subprocess.run(
        ["latexmk", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode", "-halt-on-error",
         tex.name], cwd=folder, capture_output=True, text=True, encoding="utf-8",
        errors="replace", check=False)
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0, "\n".join(errors) or run.stdout[-2000:]
    return tex.with_suffix(".pdf"), log


def check_pdf(pdf: Path, log: str) -> None:
    assert pdf.read_bytes().startswith(b"%PDF-")
    # pdflatex only logs a character its font lacks and leaves a gap in the page
    assert "Missing character" not in log


@pytest.mark.latex
def test_the_documentation_pdf_compiles(docs: Callable[[str], Built], tmp_path: Path) -> None:
    pdf, log = compile_pdf(docs("latex"), tmp_path / "latex")
    check_pdf(pdf, log)
    assert pdf.stat().st_size > 100_000  # every page, the screenshots included


@pytest.mark.latex
@pytest.mark.parametrize("root", ["example-rst", "linking"])
def test_a_small_concept_site_pdf_compiles(built: Shared, tmp_path: Path, root: str) -> None:
    pdf, log = compile_pdf(built(root, "latex"), tmp_path / "latex")
    check_pdf(pdf, log)


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
