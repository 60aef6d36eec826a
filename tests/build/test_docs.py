"""The documentation site, which is also the demo glossary, builds without a warning."""

from __future__ import annotations

import runpy
import tomllib
from collections.abc import Callable
from importlib.metadata import packages_distributions

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from ..helpers import TOP, Built

#: What Read the Docs builds (``.readthedocs.yaml``), and the builder of each download.
READ_THE_DOCS = yaml.safe_load((TOP / ".readthedocs.yaml").read_text(encoding="utf-8"))
DOWNLOAD_BUILDERS = {"pdf": "latex", "epub": "epub", "htmlzip": "singlehtml"}


def test_docs_build_without_a_warning(docs: Callable[[str], Built]) -> None:
    result = docs("html")
    assert result.warnings == ""
    page = result.read("glossary/instrumental-convergence.html")
    assert 'id="concept-instrumental-convergence"' in page
    assert "Reviewed by AI Guide Editors · Last reviewed" in page
    assert 'class="aiguide-index"' in result.read("glossary.html")


@pytest.mark.parametrize("download", READ_THE_DOCS.get("formats", []))
def test_docs_download_formats_build_without_a_warning(docs: Callable[[str], Built],
                                                       download: str) -> None:
    """Read the Docs builds PDF (through LaTeX) and EPUB from the same sources."""
    result = docs(DOWNLOAD_BUILDERS[download])
    assert result.warnings == ""
    assert any(result.outdir.iterdir())


def test_read_the_docs_installs_what_the_docs_need() -> None:
    """The configuration Read the Docs reads exists, and it installs every extension used."""
    conf = TOP / READ_THE_DOCS["sphinx"]["configuration"]
    assert conf.is_file()
    assert READ_THE_DOCS["sphinx"]["fail_on_warning"] is True
    assert set(READ_THE_DOCS.get("formats", [])) <= set(DOWNLOAD_BUILDERS)
    extras = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    installed = set()
    for install in READ_THE_DOCS["python"]["install"]:
        assert (TOP / install["path"] / "pyproject.toml").is_file()
        for extra in install.get("extra_requirements", []):
            assert extra in extras, extra
            installed |= {canonicalize_name(Requirement(line).name) for line in extras[extra]}
    distributions = packages_distributions()
    for extension in runpy.run_path(str(conf))["extensions"]:
        module = extension.split(".")[0]
        if module not in {"sphinx", "sphinx_aiguide"}:
            assert {canonicalize_name(name) for name in distributions[module]} & installed, \
                extension
