"""How much of a full build is Python's garbage collector, with and without the package.

``python benchmarks/gc_share.py -n 1000`` writes both projects (``generate.py``) and builds
each once in a fresh process that times every collection. Each docutils element is a
handful of objects the collector tracks, so a page with more elements makes it run more
often; the full collections walk every object alive, the environment's included. A
profile charges that time to whatever function happened to allocate when it began, so
it is measured here on its own.

With ``--autolink`` it compares the auto-linking benchmark's project (``autolink.py``: N
concept pages and as many pages of prose) built with ``aiguide_autolink = "first"`` and
with auto-linking off, instead of the package against plain Sphinx.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import autolink
import generate

#: Run in the fresh process: the build, with the collector's time summed by generation.
CHILD = """
import gc, json, sys, time
from sphinx.cmd.build import build_main
spent, counts, began = [0.0, 0.0, 0.0], [0, 0, 0], [0.0]
def timed(phase, info):
    if phase == "start":
        began[0] = time.perf_counter()
    else:
        spent[info["generation"]] += time.perf_counter() - began[0]
        counts[info["generation"]] += 1
gc.callbacks.append(timed)
start = time.perf_counter()
status = build_main(sys.argv[1:])
print(json.dumps({"status": status, "seconds": time.perf_counter() - start,
                  "gc_seconds": spent, "collections": counts}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1000, help="concepts (default 1000)")
    parser.add_argument("--autolink", action="store_true",
                        help='auto-linking "first" against off, instead of against plain Sphinx')
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="aiguide-gc-") as scratch:
        if args.autolink:
            labels = ('auto-linking "first"', "auto-linking off")
            sources = {}
            for label, mode in zip(labels, ("first", "off"), strict=True):
                sources[label] = Path(scratch) / mode
                autolink.write(sources[label], args.n, args.n, args.n, mode)
        else:
            labels = ("sphinx-aiguide", "plain Sphinx")
            both = generate.write_both(Path(scratch), args.n)
            sources = {labels[0]: both["aiguide"], labels[1]: both["plain"]}
        for variant, source in sources.items():
            done = subprocess.run([sys.executable, "-c", CHILD, "-q", "-b", "html", str(source),
                                   str(source / "_build")], capture_output=True, text=True,
                                  check=True)
            results[variant] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"Garbage collection in a full build, N = {args.n} concepts\n")
    print(f"| Measure | {labels[0]} | {labels[1]} |\n|---|---:|---:|")
    for label, key in (("build (s)", "seconds"), ("garbage collection (s)", "gc"),
                       ("… in full collections (s)", "full"),
                       ("collections, by generation", "collections")):
        print(f"| {label} | {_cell(results[labels[0]], key)} | "
              f"{_cell(results[labels[1]], key)} |")


def _cell(result: dict[str, Any], key: str) -> str:
    if key == "gc":
        return f"{sum(result['gc_seconds']):.2f}"
    if key == "full":
        return f"{result['gc_seconds'][2]:.2f}"
    if key == "collections":
        return " / ".join(map(str, result["collections"]))
    return f"{result[key]:.2f}"

if __name__ == "__main__":
    main()
