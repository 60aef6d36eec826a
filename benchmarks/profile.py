"""Profile a full build of the generated glossary beside plain Sphinx on the same text.

``python benchmarks/profile.py -n 300`` writes both projects (``generate.py``), builds
each once under :mod:`cProfile` in a fresh process, and prints where the time goes: the
build's phases side by side (reading, post-transforms, writing, page rendering, the search
index), then the package's functions that Sphinx calls, by cumulative time. Profiling
slows function-heavy code more than the rest, so the figures are for comparing phases and
entry points, not for the ratio itself (``run.py`` measures that).
"""

from __future__ import annotations

import argparse
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate

#: (label, module path suffix, function name) of the phases compared.
PHASES = (
    ("whole build", "sphinx/application.py", "build"),
    ("reading (parsing, transforms)", "sphinx/builders/__init__.py", "read_doc"),
    ("post-transforms", "sphinx/environment/__init__.py", "apply_post_transforms"),
    ("  resolving references", "sphinx/transforms/post_transforms/__init__.py", "run"),
    ("writing HTML bodies", "sphinx/builders/html/__init__.py", "write_doc"),
    ("rendering pages (templates)", "sphinx/builders/html/__init__.py", "handle_page"),
    ("search index", "sphinx/search/__init__.py", "feed"),
)
PACKAGE = "sphinx_aiguide"


def profile(source: Path, out: Path) -> pstats.Stats:
    """Build *source* under cProfile in a fresh process and load the profile."""
    data = out.with_suffix(".prof")
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(data), "-m", "sphinx", "-q",
                    "-E", "-b", "html", str(source), str(out)], check=True)
    return pstats.Stats(str(data))


def cumulative(stats: pstats.Stats, path: str, name: str) -> float:
    """Cumulative seconds of the function *name* defined in a file ending in *path*."""
    table = stats.stats  # type: ignore[attr-defined]
    return float(sum(row[3] for (file, _line, function), row in table.items()
                     if function == name and file.replace("\\", "/").endswith(path)))


def entry_points(stats: pstats.Stats, count: int) -> list[tuple[float, int, str]]:
    """The package's functions called from outside it, by cumulative seconds."""
    table = stats.stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, function), (_cc, calls, _tt, cum, callers) in table.items():
        if PACKAGE not in file or function == "<module>":
            continue
        if all(PACKAGE in caller[0] for caller in callers):
            continue
        where = file.replace("\\", "/").split(f"{PACKAGE}/")[-1]
        rows.append((cum, calls, f"{where}:{line} {function}"))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="concepts (default 300)")
    parser.add_argument("--top", type=int, default=12, help="entry points listed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aiguide-profile-") as scratch:
        work = Path(scratch)
        stats = {variant: profile(source, work / f"{variant}-out")
                 for variant, source in generate.write_both(work, args.n).items()}
    print(f"Profile of a full build, N = {args.n} concepts (seconds under cProfile)\n")
    print("| Phase | sphinx-aiguide | plain Sphinx | difference |\n|---|---:|---:|---:|")
    for label, path, name in PHASES:
        mine, theirs = (cumulative(stats[v], path, name) for v in ("aiguide", "plain"))
        print(f"| {label} | {mine:.2f} | {theirs:.2f} | {mine - theirs:+.2f} |")
    print("\n| The package's entry points | calls | seconds |\n|---|---:|---:|")
    for seconds, calls, where in entry_points(stats["aiguide"], args.top):
        print(f"| `{where}` | {calls:,} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
