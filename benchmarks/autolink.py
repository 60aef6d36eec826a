"""Benchmark auto-linking: ``aiguide_autolink = "first"`` against auto-linking off.

``python benchmarks/autolink.py`` writes a project of N concept pages and P pages of
prose that mention the concepts (in the plural, in other cases, as parts of longer
phrases), builds it alternately with auto-linking on and off in fresh processes, and
prints medians and their ratio. It does the same with N/2 concepts and the same prose,
and times the matcher alone over all the prose at N/2, N and 2N names, to show that its
cost does not grow with the number of concepts. A third variant writes the same links by
hand (``:concept:`` roles where the mentions are, auto-linking off): what the links
themselves cost, whoever makes them. Each round starts with a different variant, and the
table gives the ratio of the fastest runs beside that of the medians. With
``--instructions`` it also counts the instructions of one build with and without
auto-linking under valgrind's callgrind: a ratio that other work on the machine cannot
move. The table is written to ``benchmarks/autolink-results.md``, which the
documentation includes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))

from run import Samples, machine, sphinx

from sphinx_aiguide.mentions import Matcher

HERE = Path(__file__).parent
MODES = ("off", "first", "by hand")
ADJECTIVES = ("sparse", "dense", "latent", "causal", "neural", "robust", "adaptive", "greedy",
              "masked", "hybrid", "linear", "shallow", "deep", "recurrent", "stochastic",
              "contrastive", "federated", "residual", "quantized", "generative", "implicit",
              "explicit", "inverse", "online", "offline", "batched", "tabular", "visual",
              "multimodal", "synthetic", "noisy", "private", "sequential", "parallel",
              "hierarchical", "modular", "bayesian", "discrete", "continuous", "global")
NOUNS = ("attention", "policy", "reward", "embedding", "gradient", "token", "encoder",
         "decoder", "classifier", "regulariser", "sampler", "optimiser", "benchmark",
         "dataset", "objective", "prior", "kernel", "memory", "planner", "critic", "agent",
         "router", "adapter", "probe", "filter", "tokenizer", "schedule", "metric", "loss",
         "head", "layer", "graph", "index", "cache", "ensemble", "model", "search", "prompt",
         "signal", "buffer")
FILLER = ("the", "a", "of", "and", "to", "in", "is", "that", "for", "with", "as", "on",
          "we", "this", "by", "which", "when", "more", "than", "each", "training", "data",
          "results", "system", "paper", "team", "shows", "improves", "uses", "because")
CONF = """\
project = "Autolink benchmark"
extensions = ["sphinx_aiguide"]
html_theme = "basic"
html_sidebars = {{"**": []}}
aiguide_autolink = {autolink!r}
"""


def terms(count: int) -> list[str]:
    """*count* distinct two-word terms; the first N/2 of N are the terms of N/2."""
    pairs = [f"{adjective.title()} {noun.title()}" for adjective in ADJECTIVES
             for noun in NOUNS]
    random.Random(2026).shuffle(pairs)
    return pairs[:count]


def written(term: str, rng: random.Random, *, by_hand: bool = False) -> str:
    """How prose writes a term: as it is, in lower case, or in the plural (as a role)."""
    choice = rng.random()
    text = term.lower() if choice < 0.4 else term.lower() + "s" if choice < 0.7 else term
    return f":concept:`{text}`" if by_hand else text


def paragraph(rng: random.Random, mentioned: list[str], length: int = 70, *,
              by_hand: bool = False) -> str:
    """*length* words, the words of the terms among them, mentioning only *mentioned*.

    An adjective is never followed by a noun, so no other term is mentioned by chance.
    """
    words: list[str] = []
    for _ in range(length):
        after_adjective = bool(words) and words[-1] in ADJECTIVES
        words.append(rng.choice(FILLER if after_adjective else FILLER + ADJECTIVES + NOUNS))
    for term in mentioned:
        at = rng.randrange(len(words) + 1)
        words[at:at] = [written(term, rng, by_hand=by_hand), rng.choice(FILLER)]
    return " ".join(words).capitalize() + "."


def concept_page(term: str, rng: random.Random, everything: list[str], by_hand: bool) -> str:
    return "\n".join([
        term, "=" * len(term), "", ".. concept::", "",
        f"   {paragraph(rng, [], 24)}", "",
        f"   {paragraph(rng, rng.sample(everything, 2), 50, by_hand=by_hand)}", "",
        f".. faq:: What is {term.lower()}?", "", f"   {paragraph(rng, [], 20)}", ""])


def prose_page(number: int, rng: random.Random, everything: list[str], by_hand: bool) -> str:
    """Four paragraphs under two headings, each mentioning two concepts."""
    title = f"Notes {number:04d}"
    lines = [title, "=" * len(title), ""]
    for _ in range(3):
        lines += [paragraph(rng, rng.sample(everything, 2), by_hand=by_hand), ""]
    lines += [f"Section {number:04d}", "-" * 12, "",
              paragraph(rng, rng.sample(everything, 2), by_hand=by_hand), ""]
    return "\n".join(lines)


def write(folder: Path, concepts: int, pages: int, mentioned: int, mode: str) -> None:
    """*concepts* concept pages and *pages* prose pages mentioning the first *mentioned*.

    *mode*: one of :data:`MODES`.
    """
    autolink = "first" if mode == "first" else None
    by_hand = mode == "by hand"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "concepts").mkdir(parents=True)
    (folder / "notes").mkdir()
    (folder / "conf.py").write_text(CONF.format(autolink=autolink), encoding="utf-8")
    everything = terms(mentioned)
    for number, term in enumerate(terms(concepts)):
        page = concept_page(term, random.Random(number), everything, by_hand)
        (folder / "concepts" / f"c{number:05d}.rst").write_text(page, encoding="utf-8")
    for number in range(pages):
        page = prose_page(number, random.Random(-1 - number), everything, by_hand)
        (folder / "notes" / f"n{number:05d}.rst").write_text(page, encoding="utf-8")
    (folder / "index.rst").write_text(
        "Benchmark\n=========\n\n.. toctree::\n   :maxdepth: 1\n   :glob:\n\n"
        "   concepts/*\n   notes/*\n\n.. concept-index::\n", encoding="utf-8")


def links_made(out: Path) -> int:
    """How many concept links the prose pages hold."""
    return sum(page.read_text(encoding="utf-8").count('class="aiguide-ref ')
               for page in (out / "html" / "notes").glob("*.html"))


def matching_seconds(prose: str, names: int) -> float:
    """Build a matcher of *names* names and run it over *prose*: the best of three."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        Matcher(terms(names)).find(prose)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1000, help="concepts (default 1000)")
    parser.add_argument("--pages", type=int, default=1000, help="prose pages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per variant (default 3)")
    parser.add_argument("--output", type=Path, default=HERE / "autolink-results.md")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one build of each variant at N "
                             "(valgrind; takes about 30 times a build)")
    args = parser.parse_args()
    sizes = (args.n // 2, args.n)
    # by hand at N only: it shows what the links cost, not how that grows
    samples = {(size, mode): Samples() for size in sizes for mode in MODES
               if mode != "by hand" or size == args.n}
    links: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="aiguide-autolink-bench-") as scratch:
        work = Path(scratch)
        for size, mode in samples:
            write(work / f"{size}-{mode}", size, args.pages, args.n, mode)
        variants = list(samples.items())
        for round_number in range(args.runs):
            # each round starts one variant later, so none always runs first or last
            shift = round_number % len(variants)
            for (size, mode), found in variants[shift:] + variants[:shift]:
                out = work / f"{size}-{mode}-out"
                shutil.rmtree(out, ignore_errors=True)
                result = sphinx(work / f"{size}-{mode}", out)
                found.add("full", result["seconds"])
                found.add("cpu", result["cpu_seconds"])
                found.add("peak", result["peak_mib"])
                if mode == "first":
                    links[size] = links_made(out)
                elif mode == "by hand":
                    links[0] = links_made(out)
        prose = "\n".join(path.read_text(encoding="utf-8")
                          for path in sorted((work / f"{args.n}-off" / "notes").glob("*.rst")))
        counted = instructions({mode: work / f"{args.n}-{mode}" for mode in ("off", "first")}) \
            if args.instructions else {}
    matching = {names: matching_seconds(prose, names) for names in (*sizes, 2 * args.n)}
    report = table(args, sizes, samples, links, matching, len(prose), counted)
    print(report)
    args.output.write_text(report, encoding="utf-8")


def instructions(sources: dict[str, Path]) -> dict[str, int]:
    """Instructions executed by one full build of each source, counted by valgrind.

    Unlike seconds, the count does not depend on what else the machine is doing, so one
    build of each gives the same ratio on every run. The builds run side by side.
    """
    runs = {}
    for mode, source in sources.items():
        out = source.with_name(f"{source.name}-counted")
        shutil.rmtree(out, ignore_errors=True)
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                   sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(out)]
        runs[mode] = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True,
                                      env={**os.environ, "PYTHONHASHSEED": "0"})
    counts = {}
    for mode, process in runs.items():
        _out, err = process.communicate()
        found = re.search(r"Collected : (\d+)", err)
        if process.returncode or found is None:
            raise SystemExit(f"counting the {mode} build failed:\n{err}")
        counts[mode] = int(found.group(1))
    return counts


def table(args: argparse.Namespace, sizes: tuple[int, int],
          samples: dict[tuple[int, str], Samples], links: dict[int, int],
          matching: dict[int, float], characters: int, counted: dict[str, int]) -> str:
    lines = [
        f"Measured {datetime.now(tz=UTC):%Y-%m-%d} on {machine()}; {args.pages:,} prose pages "
        f"mentioning {args.n:,} concepts, medians of {args.runs} alternating runs.", "",
        "| Concepts | Measure | auto-linking off | `\"first\"` | ratio | ratio of the fastest "
        "runs | target | every mention linked by hand | `\"first\"` / by hand |",
        "|---:|---|---:|---:|---:|---:|---|---:|---:|"]
    for size in sizes:
        off, first = samples[size, "off"], samples[size, "first"]
        by_hand = samples.get((size, "by hand"))
        for label, measure in (("full build, wall (s)", "full"), ("full build, CPU (s)", "cpu"),
                               ("peak memory (MiB)", "peak")):
            ratio = first.median(measure) / off.median(measure)
            fastest = first.fastest(measure) / off.fastest(measure)
            target = "≤ 1.15" if size == args.n and measure != "peak" else ""
            hand = (f"{by_hand.median(measure):,.2f} | "
                    f"{first.median(measure) / by_hand.median(measure):.2f}"
                    if by_hand else " | ")
            lines.append(f"| {size:,} | {label} | {off.median(measure):,.2f} | "
                         f"{first.median(measure):,.2f} | {ratio:.2f} | {fastest:.2f} | "
                         f"{target} | {hand} |")
    if counted:
        ratio = counted["first"] / counted["off"]
        lines.append(f"| {args.n:,} | full build, instructions (billions, one build each) | "
                     f"{counted['off'] / 1e9:,.2f} | {counted['first'] / 1e9:,.2f} | "
                     f"{ratio:.2f} | | ≤ 1.15 | | |")
    lines += ["", "Concept links on the prose pages: "
              + ", ".join(f"{links[size]:,} auto-links with {size:,} concepts" for size in sizes)
              + f", {links.get(0, 0):,} written by hand."]
    overhead = {size: samples[size, "first"].median("cpu") - samples[size, "off"].median("cpu")
                for size in sizes}
    lines += ["", f"CPU time auto-linking adds: {overhead[sizes[0]]:+.2f} s with {sizes[0]:,} "
              f"concepts, {overhead[sizes[1]]:+.2f} s with {sizes[1]:,}.", "",
              f"The matcher alone (built, then run once over all {characters:,} characters "
              "of the prose sources; best of three):", "",
              "| Names | Seconds |", "|---:|---:|"]
    lines += [f"| {names:,} | {seconds:.3f} |" for names, seconds in matching.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
