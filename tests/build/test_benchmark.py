"""The benchmark, small: no change lands that makes the build grossly slower than Sphinx.

``benchmarks/run.py --quick`` builds the generated glossary and its plain-Sphinx twin at
50 and 200 concepts and reports the CPU-time ratio of each full build. The full benchmark
(docs/benchmarks.md) measures the targets; this only catches what no target allows: a
ratio over 2, or per-page work that grows with the number of concepts (the ratio at 200
would then be well above the ratio at 50).
"""

from __future__ import annotations

import json
import subprocess
import sys

from ..helpers import TOP


def test_quick_benchmark_finds_no_gross_regression() -> None:
    result = subprocess.run([sys.executable, str(TOP / "benchmarks" / "run.py"), "--quick"],
                            capture_output=True, text=True, check=False, cwd=TOP)
    assert result.returncode == 0, result.stderr
    ratios = {int(count): ratio for count, ratio in json.loads(result.stdout).items()}
    assert set(ratios) == {50, 200}
    assert all(0 < ratio <= 2 for ratio in ratios.values()), ratios
    # a ratio under 1 at 50 concepts is noise in a build of a second or two
    assert ratios[200] <= max(ratios[50], 1.0) * 1.5, ratios
