"""Sphinx's own documentation, before and after its glossary becomes concepts.

``python benchmarks/sphinx_docs.py DOC`` takes Sphinx's ``doc`` folder (from its sdist:
``pip download --no-deps --no-binary :all: sphinx==9.0.4``, unpacked) and copies it three
times: unchanged (without this extension), with ``aiguide_glossaries = "concepts"``, and
after ``sphinx-aiguide migrate --write``. Each is built as HTML (best of ``--runs``),
LaTeX and EPUB; the table printed counts the links that land on a glossary
entry (genindex included) and whether each still lands on the same entry, the ``term-``
anchors, the general-index entries, warnings the unchanged build does not have, pages it
has that the others lack, and the CPU time of the HTML builds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).parents[1]
sys.path.insert(0, str(TOP))

from tests.helpers import entry_links, kept_links  # noqa: E402

#: This copy of the package, for the builds and the command.
ENV = {**os.environ, "PYTHONPATH": str(TOP)}
VARIANTS = ("unchanged", "concepts", "migrated")
CONF = {"unchanged": "", "concepts": '\nextensions.append("sphinx_aiguide")\n'
        'aiguide_glossaries = "concepts"\n', "migrated": '\nextensions.append("sphinx_aiguide")\n'}


def build(source: Path, out: Path, builder: str) -> tuple[float, set[str]]:
    """Build *source* from scratch: CPU seconds taken, and the warning lines.

    CPU time (user and system) of the build process, not the time on the clock, so that
    other work on a shared machine counts less; paths in warnings are made relative to
    the copy, so that the copies' warnings compare.
    """
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "sphinx", "-E", "-q", "-b", builder,
                             str(source), str(out)], capture_output=True, text=True,
                            check=False, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if result.returncode:
        raise SystemExit(f"{builder} build of {source} failed:\n{result.stderr}")
    return seconds, {line.replace(f"{source.parent}/", "")
                     for line in result.stderr.splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc", type=Path, help="Sphinx's doc folder (of its sdist)")
    parser.add_argument("--runs", type=int, default=2, help="HTML builds per variant")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sphinx-docs-"))
    for variant in VARIANTS:
        # the sdist's top-level files (AUTHORS.rst …) are included from ../
        shutil.copytree(args.doc.parent, work / variant,
                        ignore=shutil.ignore_patterns("_build", "tests"))
        source = work / variant / "doc"
        with (source / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(CONF[variant])
    migrated = work / "migrated" / "doc"
    migrate = subprocess.run([sys.executable, "-m", "sphinx_aiguide", "migrate", str(migrated),
                              "--write"], capture_output=True, text=True, check=False,
                             env=ENV)
    print(f"migrate: exit {migrate.returncode}; {migrate.stderr.strip()}")
    seconds: dict[str, float] = {}
    warnings: dict[tuple[str, str], set[str]] = {}
    for _run in range(args.runs):
        for variant in VARIANTS:
            taken, found = build(work / variant / "doc", work / f"{variant}-html", "html")
            seconds[variant] = min(seconds.get(variant, taken), taken)
            warnings[variant, "html"] = found
    for builder in ("latex", "epub"):
        for variant in VARIANTS:
            warnings[variant, builder] = build(work / variant / "doc",
                                               work / f"{variant}-{builder}", builder)[1]
    links = {variant: entry_links(work / f"{variant}-html") for variant in VARIANTS}
    pages = {variant: {p.relative_to(work / f"{variant}-html")
                       for p in (work / f"{variant}-html").rglob("*.html")}
             for variant in VARIANTS}
    total = sum(map(len, links["unchanged"].values()))
    print("\n| | unchanged | concepts | migrated |\n|---|---:|---:|---:|")
    row = [f"{sum(map(len, links[v].values()))}" for v in VARIANTS]
    print(f"| links landing on a glossary entry | {' | '.join(row)} |")
    row = [f"{kept_links(links['unchanged'], links[v])[0]} of {total}" for v in VARIANTS]
    print(f"| ... of the unchanged build's, kept | {' | '.join(row)} |")
    row = [str(len(links[v].get("genindex.html", []))) for v in VARIANTS]
    print(f"| ... from genindex | {' | '.join(row)} |")
    row = [str((work / f"{v}-html" / "glossary.html").read_text(encoding="utf-8")
               .count(' id="term-')) for v in VARIANTS]
    print(f"| term- anchors in glossary.html | {' | '.join(row)} |")
    for builder in ("html", "latex", "epub"):
        row = [str(len(warnings[v, builder] - warnings["unchanged", builder]))
               for v in VARIANTS]
        print(f"| {builder}: warning lines the unchanged build lacks | {' | '.join(row)} |")
    row = [str(len(pages["unchanged"] - pages[v])) for v in VARIANTS]
    print(f"| pages of the unchanged build missing | {' | '.join(row)} |")
    row = [f"{seconds[v]:.1f} ({seconds[v] / seconds['unchanged']:.2f})" for v in VARIANTS]
    print(f"| HTML build, CPU s (ratio) | {' | '.join(row)} |")
    for variant in VARIANTS[1:]:
        lost = kept_links(links["unchanged"], links[variant])[1]
        for builder in ("html", "latex", "epub"):
            for line in sorted(warnings[variant, builder] - warnings["unchanged", builder]):
                print(f"{variant} {builder}: {line}")
        for page, anchor in lost:
            print(f"{variant}: lost {page} -> {anchor}")
    print(f"\n(work folder: {work})")


if __name__ == "__main__":
    main()
