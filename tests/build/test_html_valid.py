"""The HTML the package writes is valid HTML, checked by the Nu HTML Checker (vnu).

The checker comes from the npm registry (``vnu-jar``) and runs on Java; the README's test
command installs it into ``tests/.tools``. Missing, it fails the test with that command.
One run of the checker reads every page of every build below: Java starts once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest

from ..conftest import Shared
from ..helpers import TOP, Built

VNU = TOP / "tests" / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Pages that Sphinx writes itself, the same with or without this package (its index
#: skips heading levels in every theme). The aiguide theme has its own search page.
SPHINX_PAGES = {"genindex"}
BUILDERS = ["html", "singlehtml", "dirhtml"]
#: In the package's own theme: the default theme's sidebars skip heading levels.
ROOTS = ["linking", "options-rst", "example-rst", "bad-rst", "review-cycle", "autolink",
         "single-ids"]
THEME = {"html_theme": "aiguide"}


def pages(folder: Path) -> list[Path]:
    """The pages under *folder* that this package has a part in."""
    return [page for page in sorted(folder.rglob("*.html"))
            if page.relative_to(folder).parts[0].removesuffix(".html") not in SPHINX_PAGES
            and "_static" not in page.parts]


@pytest.fixture(scope="module")
def errors(built: Shared, docs: Callable[[str], Built]) -> dict[Path, list[str]]:
    """The checker's errors for every page of the docs and of each root in each builder."""
    java = shutil.which("java")
    if not VNU.is_file() or java is None:
        pytest.fail("The Nu HTML Checker needs Java and `npm install --prefix tests/.tools "
                    "vnu-jar` (the README's test command runs both)", pytrace=False)
    folders = [docs("html").outdir] + [built(root, builder, confoverrides=THEME).outdir
                                       for root in ROOTS for builder in BUILDERS]
    checked = [page for folder in folders for page in pages(folder)]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             *map(str, checked)], capture_output=True, text=True, check=False)
    found: dict[Path, list[str]] = {page: [] for page in checked}
    for message in json.loads(result.stderr)["messages"]:
        page = Path(unquote(message.get("url", "").removeprefix("file:")))
        where = f"line {message.get('lastLine')}: " if "lastLine" in message else ""
        found.setdefault(page, []).append(f"{message['type']}: {where}{message['message']}")
    assert len(found) == len(checked), [page for page in found if page not in checked]
    return found


def errors_under(errors: dict[Path, list[str]], folder: Path) -> dict[str, list[str]]:
    """The pages under *folder* that have errors, with their errors."""
    assert any(page.is_relative_to(folder) for page in errors), folder  # it was checked
    return {str(page.relative_to(folder)): found for page, found in errors.items()
            if page.is_relative_to(folder) and found}


def test_docs_site_is_valid_html(docs: Callable[[str], Built],
                                 errors: dict[Path, list[str]]) -> None:
    assert errors_under(errors, docs("html").outdir) == {}


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("root", ROOTS)
def test_entries_links_and_index_are_valid_html(built: Shared, errors: dict[Path, list[str]],
                                                root: str, builder: str) -> None:
    outdir = built(root, builder, confoverrides=THEME).outdir
    assert errors_under(errors, outdir) == {}
