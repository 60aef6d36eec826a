"""The documentation site, which is also the demo glossary, builds without a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

TOP = Path(__file__).parents[1]
DOCS = TOP / "docs"


def sphinx_build(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder,
         "-d", str(out / "doctrees"), str(DOCS), str(out / builder)],
        capture_output=True, text=True, check=False,
    )


def test_docs_build_with_dash_w(tmp_path: Path) -> None:
    result = sphinx_build("html", tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "glossary" / "instrumental-convergence.html").read_text()
    assert 'id="concept-instrumental-convergence"' in page
    assert "Reviewed by AI Guide Editors · Last reviewed" in page
    assert 'class="aiguide-index"' in (tmp_path / "html" / "glossary.html").read_text()


@pytest.mark.parametrize("builder", ["epub", "latex"])
def test_docs_download_formats_build_with_dash_w(tmp_path: Path, builder: str) -> None:
    """Read the Docs builds PDF (through LaTeX) and EPUB from the same sources."""
    result = sphinx_build(builder, tmp_path)
    assert result.returncode == 0, result.stderr


def test_read_the_docs_configuration() -> None:
    config = yaml.safe_load((TOP / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04"
    assert config["sphinx"] == {"configuration": "docs/conf.py", "fail_on_warning": True}
    assert config["formats"] == ["pdf", "epub"]
    assert config["python"]["install"] == [
        {"method": "pip", "path": ".", "extra_requirements": ["docs"]}]
