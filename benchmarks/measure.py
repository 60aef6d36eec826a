"""Run one ``sphinx-build`` in this process and print its wall time and peak memory as JSON.

Peak memory is the larger of this process's and its children's (``-j`` workers) maximum
resident set size, in MiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from sphinx.cmd.build import build_main


def main() -> None:
    start = time.perf_counter()
    status = build_main(sys.argv[1:])
    seconds = time.perf_counter() - start
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"status": status, "seconds": seconds, "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main()
