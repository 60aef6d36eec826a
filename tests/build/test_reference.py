"""The reference page lists exactly the CSS classes that built pages carry."""

from __future__ import annotations

import re

from ..conftest import Shared
from ..helpers import PACKAGE
from ..unit.test_reference import first_column


def test_css_classes_are_those_readers_get(built: Shared) -> None:
    """Every aiguide-* class in built pages or set by the package's scripts (and no other)
    is documented."""
    scripts = "".join(path.read_text(encoding="utf-8")
                      for path in (PACKAGE / "static").glob("*.js"))
    seen = set(re.findall(r'"(aiguide-[\w-]+)"', scripts))
    builds = [built(root) for root in ("linking", "options-rst", "example-rst")]
    builds.append(built("review-cycle", confoverrides={"aiguide_show_due": True}))
    for result in builds:
        for page in result.outdir.rglob("*.html"):
            for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")):
                seen |= {name for name in value.split() if name.startswith("aiguide-")}
    assert first_column("CSS classes") == seen
