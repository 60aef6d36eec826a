"""The documentation site, which is also the demo glossary, builds without a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parents[1] / "docs"


def test_docs_build_with_dash_w(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(DOCS), str(tmp_path / "html")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "glossary" / "instrumental-convergence.html").read_text()
    assert 'id="concept-instrumental-convergence"' in page
    assert "Reviewed by AI Guide Editors · Last reviewed" in page
