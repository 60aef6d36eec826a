"""Shared fixtures: builds of the test roots, shared by every test that reads the same one.

``built(root, builder, **options)`` builds a root once per session and hands every test
that asks for the same build the same read-only result; ``build(...)`` makes a fresh
copy for a test that edits the sources or the output.
"""

from __future__ import annotations

import os
import pprint
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import settings
from sphinx.jinja2glue import BuiltinTemplateLoader

from .helpers import TOP, Built, copy_root, run_build

# CI runs the same generated examples every time, so a submission's result does not
# depend on luck; on a developer's machine each run explores new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Collect ``tests/build``, which pytest's default ``norecursedirs`` would skip."""
    return False if collection_path == Path(__file__).parent / "build" else None


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the whole session.

    Every build makes a template environment of its own and compiles the theme's templates
    again, which is half the time of a small build. Jinja checks a cached template against
    its source before it uses it, so every build renders exactly what it would anyway.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def compiled_templates() -> Iterator[None]:
    """Every build in this process shares the templates compiled by earlier ones."""
    caches: dict[frozenset[str], TemplateCache] = {}  # one per set of Jinja extensions
    original = BuiltinTemplateLoader.init

    def init(self: BuiltinTemplateLoader, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        extensions = frozenset(self.environment.extensions)
        self.environment.bytecode_cache = caches.setdefault(extensions, TemplateCache())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BuiltinTemplateLoader, "init", init)
        yield


#: ``build(root, builder="html", *, srcdir=None, **options) -> Built``
Build = Callable[..., Built]
#: ``built(root, builder="html", **options) -> Built``, shared: never edit what it wrote.
Shared = Callable[..., Built]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """Build a root with a builder and options once per session; later calls share it."""
    results: dict[str, Built] = {}
    defaults = {"parallel": 0, "confoverrides": {}, "freshenv": False}

    def shared(root: str, builder: str = "html", **options: Any) -> Built:
        # an option given with its default value is the same build as one left out
        options = {name: value for name, value in options.items()
                   if name not in defaults or defaults[name] != value}
        key = pprint.pformat((root, builder, options))
        if key not in results:
            srcdir = copy_root(root, tmp_path_factory.mktemp(f"{root}-{builder}"))
            results[key] = run_build(srcdir, builder, **options)
        return results[key]

    return shared


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """``build(root, builder="html", **options)``: a fresh copy of the root, built once.

    ``srcdir=`` builds an existing source folder again (incremental builds); everything
    else is passed to :class:`~sphinx.testing.util.SphinxTestApp`.
    """
    count = 0

    def fresh(root: str = "", builder: str = "html", *, srcdir: Path | None = None,
              **options: Any) -> Built:
        nonlocal count
        count += 1
        if srcdir is None:
            srcdir = copy_root(root, tmp_path / f"{root}-{count}")
        return run_build(srcdir, builder, **options)

    return fresh


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Built]:
    """``docs(builder)``: the documentation site (also the demo glossary), built once."""
    results: dict[str, Built] = {}

    def shared(builder: str) -> Built:
        if builder not in results:
            # a copy of the docs and of the benchmark results they include, side by side
            top = tmp_path_factory.mktemp(f"docs-{builder}")
            for folder in ("docs", "benchmarks"):
                shutil.copytree(TOP / folder, top / folder,
                                ignore=shutil.ignore_patterns("_build", "__pycache__"))
            results[builder] = run_build(top / "docs", builder)
        return results[builder]

    return shared


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel, built once by its build backend."""
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys, flit_core.buildapi as b; print(b.build_wheel(sys.argv[1]))", str(out)],
        cwd=TOP, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out / result.stdout.strip().splitlines()[-1]
