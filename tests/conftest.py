"""Shared fixtures: build a copy of a test root with any builder and read what it wrote."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

# CI runs the same generated examples every time, so a submission's result does not
# depend on luck; on a developer's machine each run explores new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOTS = Path(__file__).parent / "roots"
EXAMPLES = Path(__file__).parents[2] / "shared" / "examples"
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")

Build = Callable[..., SphinxTestApp]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def copy_root(name: str, target: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to *target* (test roots stay read-only)."""
    shutil.copytree(ROOTS / f"test-{name}", target, dirs_exist_ok=True)
    return target


@pytest.fixture
def build(tmp_path: Path) -> Iterator[Build]:
    """``build(root, builder="html", **options)``: a fresh copy of the root, built once.

    ``srcdir=`` builds an existing source folder again (incremental builds); everything
    else is passed to :class:`~sphinx.testing.util.SphinxTestApp`.
    """
    apps: list[SphinxTestApp] = []

    def run(root: str = "", builder: str = "html", *, srcdir: Path | None = None,
            **options: Any) -> SphinxTestApp:
        # an app registers nodes and directives globally: undo that before the next one
        if apps:
            apps[-1].cleanup()
        if srcdir is None:
            srcdir = copy_root(root, tmp_path / f"{root}-{len(apps)}")
        app = SphinxTestApp(builder, srcdir=srcdir, builddir=srcdir / "_build",
                            status=StringIO(), warning=StringIO(), **options)
        apps.append(app)
        app.build()
        return app

    yield run
    if apps:
        apps[-1].cleanup()


def warnings(app: SphinxTestApp) -> str:
    """The warnings of a build as the terminal shows them, without colour codes."""
    return _ESCAPES.sub("", app.warning.getvalue())


def output(app: SphinxTestApp, name: str) -> str:
    """A file the build wrote, relative to the output folder."""
    return (app.outdir / name).read_text(encoding="utf-8")


def body(app: SphinxTestApp, docname: str) -> str:
    """The main content of an HTML page, between the body markers of the basic theme."""
    page = output(app, f"{docname}.html")
    start = page.index('<div class="body" role="main">')
    return page[start:page.index('<div class="sphinxsidebar"', start)]
