"""Write a glossary of N concepts twice: with sphinx-aiguide, and as plain Sphinx.

Both projects hold the same text. Each concept page has a summary, an in-depth part with
references to other concepts, two related concepts, three questions and review data;
the plain project writes the same with a section, a ``glossary`` term, ``:term:``
references, rubrics and the byline as a paragraph. Both have an A–Z listing page.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = ("model", "agent", "reward", "policy", "token", "context", "signal", "gradient",
         "objective", "benchmark", "dataset", "feedback", "inference", "alignment", "safety",
         "latent", "attention", "retrieval", "evaluation", "prompt", "window", "shift")

CONF = """\
project = "Benchmark glossary"
extensions = {extensions}
html_theme = "basic"
html_sidebars = {{"**": []}}
aiguide_reviewers = {{"editors": {{"name": "AI Guide Editors"}}}}
"""


def term(number: int) -> str:
    """A distinct term, ``Concept 0001 Model Agent`` style (stable for a given number)."""
    rng = random.Random(number)
    return f"Concept {number:05d} {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"


def sentence(rng: random.Random, length: int = 18) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def texts(number: int, count: int) -> dict[str, object]:
    """The shared text of concept *number*: summary, paragraphs, links, FAQs, review."""
    rng = random.Random(number * 7919)
    others = [term((number + step) % count) for step in (1, 2, 3, 5)]
    return {
        "term": term(number),
        "summary": sentence(rng, 24),
        "paragraphs": [sentence(rng, 40), sentence(rng, 40)],
        "mentions": others[:2],
        "related": others[2:],
        "faqs": [(sentence(rng, 8).rstrip(".") + "?", sentence(rng, 20)) for _ in range(3)],
        "date": f"2026-{(number % 9) + 1:02d}-{(number % 27) + 1:02d}",
    }


def aiguide_page(data: dict[str, object]) -> str:
    paragraphs: list[str] = data["paragraphs"]  # type: ignore[assignment]
    mentions: list[str] = data["mentions"]  # type: ignore[assignment]
    faqs: list[tuple[str, str]] = data["faqs"]  # type: ignore[assignment]
    related: list[str] = data["related"]  # type: ignore[assignment]
    name = data["term"]
    lines = [":reviewed-by: editors", f":last-reviewed: {data['date']}", "",
             str(name), "=" * len(str(name)), "", ".. concept::",
             f"   :related: {', '.join(related)}", "", f"   {data['summary']}", "",
             f"   {paragraphs[0]} See :concept:`{mentions[0]}`.", "",
             f"   {paragraphs[1]} Compare :concept:`{mentions[1]}`.", ""]
    for question, answer in faqs:
        lines += [f".. faq:: {question}", "", f"   {answer}", ""]
    return "\n".join(lines)


def plain_page(data: dict[str, object]) -> str:
    paragraphs: list[str] = data["paragraphs"]  # type: ignore[assignment]
    mentions: list[str] = data["mentions"]  # type: ignore[assignment]
    faqs: list[tuple[str, str]] = data["faqs"]  # type: ignore[assignment]
    related: list[str] = data["related"]  # type: ignore[assignment]
    name = str(data["term"])
    lines = [name, "=" * len(name), "", ".. rubric:: Concept", "", ".. glossary::", "",
             f"   {name}", f"      {data['summary']}", "", ".. rubric:: In Depth", "",
             f"{paragraphs[0]} See :term:`{mentions[0]}`.", "",
             f"{paragraphs[1]} Compare :term:`{mentions[1]}`.", "",
             ".. rubric:: Related concepts", ""]
    lines += [f"* :term:`{other}`" for other in related]
    lines += ["", ".. rubric:: Frequently Asked Questions", ""]
    for question, answer in faqs:
        lines += [f"**{question}**", "", answer, ""]
    lines += [f"Reviewed by AI Guide Editors · Last reviewed {data['date']}", ""]
    return "\n".join(lines)


def plain_index(all_texts: list[dict[str, object]]) -> str:
    lines = ["Glossary", "========", ""]
    for data in sorted(all_texts, key=lambda d: str(d["term"]).casefold()):
        lines += [f":term:`{data['term']}`", f"   {data['summary']}", ""]
    return "\n".join(lines)


def write(folder: Path, count: int, *, plain: bool) -> None:
    """Write the project of *count* concepts into *folder* (emptied first)."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "concepts").mkdir(parents=True)
    extensions = [] if plain else ["sphinx_aiguide"]
    (folder / "conf.py").write_text(CONF.format(extensions=extensions), encoding="utf-8")
    all_texts = [texts(number, count) for number in range(count)]
    for number, data in enumerate(all_texts):
        page = plain_page(data) if plain else aiguide_page(data)
        (folder / "concepts" / f"c{number:05d}.rst").write_text(page, encoding="utf-8")
    listing = plain_index(all_texts) if plain else "Glossary\n========\n\n.. concept-index::\n"
    (folder / "glossary.rst").write_text(listing, encoding="utf-8")
    (folder / "index.rst").write_text(
        "Benchmark\n=========\n\n.. toctree::\n   :maxdepth: 1\n   :glob:\n\n   glossary\n"
        "   concepts/*\n", encoding="utf-8")


#: The two projects of the same text: with sphinx-aiguide, and as plain Sphinx.
VARIANTS = ("aiguide", "plain")


def write_both(work: Path, count: int) -> dict[str, Path]:
    """Write both projects of *count* concepts into ``work/aiguide`` and ``work/plain``."""
    folders = {variant: work / variant for variant in VARIANTS}
    for variant, folder in folders.items():
        write(folder, count, plain=variant == "plain")
    return folders


def edit_summary(folder: Path, number: int = 0) -> None:
    """Change one concept's summary, the edit the incremental benchmark measures."""
    page = folder / "concepts" / f"c{number:05d}.rst"
    text = page.read_text(encoding="utf-8")
    summary = str(texts(number, 1)["summary"])
    page.write_text(text.replace(summary, "An edited summary. " + summary, 1),
                    encoding="utf-8")


def edit_indepth(folder: Path, number: int = 0) -> None:
    """Change one concept's in-depth text: an edit no other page shows."""
    page = folder / "concepts" / f"c{number:05d}.rst"
    text = page.read_text(encoding="utf-8")
    paragraph = str(texts(number, 1)["paragraphs"][0])  # type: ignore[index]
    page.write_text(text.replace(paragraph, "An edited paragraph. " + paragraph, 1),
                    encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    write(args.folder, args.n, plain=args.plain)


if __name__ == "__main__":
    main()
