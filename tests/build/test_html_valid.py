"""The HTML the package writes is valid HTML, checked by the Nu HTML Checker (vnu).

The checker comes from the npm registry (``vnu-jar``) and runs on Java; the README's test
command installs it into ``tests/.tools``. Missing, it fails the test with that command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Build

TOP = Path(__file__).parents[1]
VNU = TOP / "tests" / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Pages that Sphinx writes itself, the same with or without this package (its search
#: page writes ``<form action="">`` and skips heading levels in every theme).
SPHINX_PAGES = {"search", "genindex"}


def check(folder: Path) -> list[str]:
    """The checker's errors for every HTML page under *folder*."""
    java = shutil.which("java")
    if not VNU.is_file() or java is None:
        pytest.fail("The Nu HTML Checker needs Java and `npm install --prefix tests/.tools "
                    "vnu-jar` (the README's test command runs both)", pytrace=False)
    pages = [str(page) for page in sorted(folder.rglob("*.html"))
             if page.relative_to(folder).parts[0].removesuffix(".html") not in SPHINX_PAGES
             and "_static" not in page.parts]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "text",
                             *pages], capture_output=True, text=True, check=False)
    lines = (result.stdout + result.stderr).splitlines()
    return [f"{line} {where}" for line, where in zip(lines, [*lines[1:], ""], strict=True)
            if line.startswith("Error:")]


def test_docs_site_is_valid_html(tmp_path: Path) -> None:
    out = tmp_path / "html"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d",
                    str(tmp_path / "doctrees"), str(TOP / "docs"), str(out)], check=True)
    assert check(out) == []


@pytest.mark.parametrize("builder", ["html", "singlehtml", "dirhtml"])
def test_entries_links_and_index_are_valid_html(build: Build, builder: str) -> None:
    # in the package's own theme: the default theme's sidebars skip heading levels
    for root in ("linking", "options-rst", "example-rst", "bad-rst"):
        app = build(root, builder, confoverrides={"html_theme": "aiguide"})
        assert check(app.outdir) == [], root
