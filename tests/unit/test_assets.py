"""What a reader downloads stays small: stylesheets and the screenshots in the docs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sphinx_aiguide.html.assets import CSS_FILE, STATIC_DIR
from sphinx_aiguide.theme import THEME_DIR

from ..helpers import TOP

#: Each stylesheet a reader downloads stays small.
CSS_BUDGET = 8 * 1024


def test_committed_screenshots_stay_small() -> None:
    shots = sorted((TOP / "docs" / "_static" / "screenshots").glob("*.png"))
    assert shots
    assert [shot.name for shot in shots if shot.stat().st_size >= 300 * 1024] == []


@pytest.mark.parametrize("stylesheet", [
    STATIC_DIR / CSS_FILE, THEME_DIR / "static" / "aiguide-theme.css",
], ids=["components", "theme"])
def test_stylesheets_stay_within_budget(stylesheet: Path) -> None:
    size = len(gzip.compress(stylesheet.read_bytes(), compresslevel=9))
    assert size <= CSS_BUDGET, f"{stylesheet.name}: {size} bytes gzipped"
