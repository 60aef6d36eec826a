"""Benchmark sphinx-aiguide against plain Sphinx on the same glossary text.

``python benchmarks/run.py`` generates both projects (see ``generate.py``), builds them
alternately several times, and prints medians, the ratio aiguide / plain of the medians
and of the fastest runs (the runs least disturbed by other work on the machine), for a full
build, incremental rebuilds after editing one summary (which every page previewing it
shows) and one in-depth paragraph (which only its page shows), a no-op rebuild, ``-j 2``
against ``-j 1``, peak memory and HTML bytes per concept page at N and N/2. The same
table is written to ``benchmarks/results.md``, which the documentation includes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate

HERE = Path(__file__).parent
VARIANTS = generate.VARIANTS


@dataclass
class Samples:
    """Measurements of one variant, one list per measure."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, measure: str, value: float) -> None:
        self.values.setdefault(measure, []).append(value)

    def median(self, measure: str) -> float:
        return statistics.median(self.values[measure])

    def fastest(self, measure: str) -> float:
        return min(self.values[measure])


def sphinx(source: Path, out: Path, *, jobs: int = 1) -> dict[str, float]:
    """Build *source* into *out* in a fresh process; return seconds and peak MiB."""
    command = [sys.executable, str(HERE / "measure.py"), "-q", "-b", "html", "-j", str(jobs),
               str(source), str(out / "html"), "-d", str(out / "doctrees")]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"build of {source} failed:\n{result.stderr}")
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    if data["status"]:
        raise SystemExit(f"build of {source} failed:\n{result.stderr}")
    return data


def page_bytes(out: Path) -> float:
    """Average size of the concept pages of a build, in bytes."""
    pages = list((out / "html" / "concepts").glob("*.html"))
    return sum(page.stat().st_size for page in pages) / len(pages)


def one_round(work: Path, variant: str, samples: Samples) -> None:
    """Full, no-op, incremental and parallel builds of one variant."""
    source, out = work / variant, work / f"{variant}-out"
    shutil.rmtree(out, ignore_errors=True)
    full = sphinx(source, out)
    samples.add("full", full["seconds"])
    samples.add("full_cpu", full["cpu_seconds"])
    samples.add("peak", full["peak_mib"])
    samples.add("bytes", page_bytes(out))
    samples.add("noop", sphinx(source, out)["seconds"])
    original = (source / "concepts" / "c00000.rst").read_text(encoding="utf-8")
    generate.edit_summary(source)
    samples.add("incremental", sphinx(source, out)["seconds"])
    (source / "concepts" / "c00000.rst").write_text(original, encoding="utf-8")
    sphinx(source, out)
    generate.edit_indepth(source)
    samples.add("incremental_text", sphinx(source, out)["seconds"])
    (source / "concepts" / "c00000.rst").write_text(original, encoding="utf-8")
    shutil.rmtree(out)
    parallel = sphinx(source, out, jobs=2)
    samples.add("parallel", parallel["seconds"])
    samples.add("parallel_peak", parallel["peak_mib"])


def half_size_bytes(work: Path, count: int, variant: str) -> float:
    source, out = work / f"{variant}-half", work / f"{variant}-half-out"
    generate.write(source, count // 2, plain=variant == "plain")
    sphinx(source, out)
    return page_bytes(out)


def machine() -> str:
    import sphinx as sphinx_package  # noqa: PLC0415

    return (f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, Sphinx {sphinx_package.__version__}")


def table(count: int, runs: int, samples: dict[str, Samples], half: dict[str, float]) -> str:
    aiguide, plain = samples["aiguide"], samples["plain"]
    rows = [("Full build (s)", "full", "≤ 1.10"),
            ("Full build, CPU time (s)", "full_cpu", "≤ 1.10"),
            ("No-op rebuild (s)", "noop", "≤ 1.05"),
            ("Incremental rebuild, one summary edited (s)", "incremental", "≤ 1.50"),
            ("Incremental rebuild, one in-depth paragraph edited (s)", "incremental_text",
             "≤ 1.50"),
            ("Full build with -j 2 (s)", "parallel", ""),
            ("Peak memory, -j 1 (MiB)", "peak", ""),
            ("Peak memory, -j 2 (MiB)", "parallel_peak", ""),
            ("HTML bytes per concept page", "bytes", "≤ 1.60")]
    lines = [
        f"Measured {datetime.now(tz=UTC):%Y-%m-%d} on {machine()}; N = {count} concepts, "
        f"medians of {runs} alternating runs.", "",
        "| Measure | sphinx-aiguide | plain Sphinx | ratio | ratio of the fastest runs "
        "| target |",
        "|---|---:|---:|---:|---:|---|"]
    for label, measure, target in rows:
        mine, theirs = aiguide.median(measure), plain.median(measure)
        fastest = aiguide.fastest(measure) / plain.fastest(measure)
        lines.append(f"| {label} | {mine:,.2f} | {theirs:,.2f} | {mine / theirs:.2f} | "
                     f"{fastest:.2f} | {target} |")
    speedup = {name: s.median("full") / s.median("parallel") for name, s in samples.items()}
    lines.append(f"| Speed-up of -j 2 over -j 1 | {speedup['aiguide']:.2f} | "
                 f"{speedup['plain']:.2f} | | | |")
    growth = {name: (samples[name].median("bytes") - half[name]) / half[name] * 100
              for name in VARIANTS}
    lines.append(f"| Page bytes growth from N/2 to N (%) | {growth['aiguide']:+.2f} | "
                 f"{growth['plain']:+.2f} | | | ≤ 1 % |")
    return "\n".join(lines) + "\n"


def scale(work: Path, count: int) -> str:
    """One full build of each variant at *count* concepts: time and peak memory."""
    results = {}
    for variant in VARIANTS:
        source, out = work / f"scale-{variant}", work / f"scale-{variant}-out"
        generate.write(source, count, plain=variant == "plain")
        results[variant] = sphinx(source, out)
        shutil.rmtree(out)
    mine, theirs = results["aiguide"], results["plain"]
    lines = [f"\nA glossary of {count:,} concepts, one full build of each (-j 1):", "",
             "| Measure | sphinx-aiguide | plain Sphinx | ratio | target |",
             "|---|---:|---:|---:|---|"]
    for label, key in (("Full build (s)", "seconds"), ("Full build, CPU time (s)",
                                                       "cpu_seconds"),
                       ("Peak memory (MiB)", "peak_mib")):
        lines.append(f"| {label} | {mine[key]:,.2f} | {theirs[key]:,.2f} | "
                     f"{mine[key] / theirs[key]:.2f} | ≤ 1.20 |")
    return "\n".join(lines) + "\n"


def quick(sizes: tuple[int, ...] = (50, 200)) -> dict[int, float]:
    """The CPU-time ratio aiguide / plain of one full build at each of *sizes*.

    Quick enough for the test suite, which fails on a gross regression only (a ratio
    over 2, or one that grows with N the way per-page work over every concept does).
    """
    ratios = {}
    with tempfile.TemporaryDirectory(prefix="aiguide-quick-") as scratch:
        work = Path(scratch)
        for count in sizes:
            cpu = {variant: sphinx(source, work / f"{variant}-out")["cpu_seconds"]
                   for variant, source in generate.write_both(work, count).items()}
            ratios[count] = cpu["aiguide"] / cpu["plain"]
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="only the CPU-time ratio of one full build at 50 and 200 "
                             "concepts, as JSON (what the test suite runs)")
    parser.add_argument("-n", type=int, default=1000, help="concepts (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per variant (default 3)")
    parser.add_argument("--scale", type=int, default=0,
                        help="also build one aiguide glossary of this many concepts")
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    if args.quick:
        print(json.dumps(quick()))
        return
    with tempfile.TemporaryDirectory(prefix="aiguide-bench-") as scratch:
        work = Path(scratch)
        generate.write_both(work, args.n)
        samples = {variant: Samples() for variant in VARIANTS}
        for _ in range(args.runs):
            for variant in VARIANTS:
                one_round(work, variant, samples[variant])
        half = {variant: half_size_bytes(work, args.n, variant) for variant in VARIANTS}
        report = table(args.n, args.runs, samples, half)
        if args.scale:
            report += scale(work, args.scale)
    print(report)
    args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
