"""Where the bytes of a concept page go, beside the plain-Sphinx page of the same text.

``python benchmarks/page_bytes.py`` builds the generated glossary both ways (``generate.py``,
100 concepts: page size does not depend on N) and prints the average size of a concept
page, split into the parts the package adds: the JSON-LD block, the meta description,
the previews beside concept links, the "Referenced by" list, and everything else; and
the number of HTML elements of each.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate

#: The parts measured: (label, pattern of one occurrence in the page).
PARTS = (
    ("JSON-LD block", r'<script type="application/ld\+json">.*?</script>\n?'),
    ("meta description", r'<meta name="description"[^>]*>\n?'),
    ("previews", r'<span class="aiguide-preview[^>]*>.*?</span>'),
    ('"Referenced by" list', r'<div class="aiguide-referenced-by.*?</ul>\n</div>\n?'),
)


def build(source: Path, out: Path) -> list[str]:
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(out)],
                   check=True)
    return [page.read_text(encoding="utf-8") for page in sorted((out / "concepts").glob("*.html"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=100, help="concepts (default 100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aiguide-bytes-") as scratch:
        work = Path(scratch)
        pages = {variant: build(source, work / f"{variant}-out")
                 for variant, source in generate.write_both(work, args.n).items()}
    count = len(pages["aiguide"])
    plain = sum(len(page.encode()) for page in pages["plain"]) / count
    total = sum(len(page.encode()) for page in pages["aiguide"]) / count
    print(f"Bytes of a concept page, average of {count} (N = {args.n})\n")
    print("| Part | bytes |\n|---|---:|")
    print(f"| plain Sphinx page, whole | {plain:,.0f} |")
    print(f"| sphinx-aiguide page, whole | {total:,.0f} ({total / plain:.2f} times) |")
    rest = total
    for label, pattern in PARTS:
        size = sum(len(match.encode()) for page in pages["aiguide"]
                   for match in re.findall(pattern, page, re.DOTALL)) / count
        rest -= size
        print(f"| … of which {label} | {size:,.0f} |")
    print(f"| … everything else | {rest:,.0f} ({rest / plain:.2f} times the plain page) |")
    elements = {variant: sum(len(re.findall(r"<[a-z]", page)) for page in found) / count
                for variant, found in pages.items()}
    print(f"\nHTML elements per concept page: {elements['aiguide']:,.0f} against "
          f"{elements['plain']:,.0f} ({elements['aiguide'] / elements['plain']:.2f} times).")


if __name__ == "__main__":
    main()
