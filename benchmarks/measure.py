"""Run one ``sphinx-build`` in this process and print its wall time, CPU time and peak
memory as JSON.

CPU time is this process's and its children's (``-j`` workers) user and system time: on
a machine other work shares it varies less than wall time. Peak memory is the larger of
this process's and its children's maximum resident set size, in MiB.
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
    usage = [resource.getrusage(who)
             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    peak_kib = max(use.ru_maxrss for use in usage)
    cpu = sum(use.ru_utime + use.ru_stime for use in usage)
    print(json.dumps({"status": status, "seconds": seconds, "cpu_seconds": cpu,
                      "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main()
