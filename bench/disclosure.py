"""Disclosure engine speed: warm decisions/second and cold `disclosure check` latency.

    python bench/disclosure.py [--seconds 2] [--cold-runs 7]

Warm: decide() on every request of tests/data/disclosure/cases (parsing included), in a
loop, in one process. Target 10,000 decisions/second.
Cold: a fresh `notewright disclosure check FILE --json` process per run, median of the
runs (Python start-up, imports, rule-file loading and the decision). Target < 0.5 s.
Prints figures; never fails on a number.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "disclosure" / "cases"


def warm(seconds: float) -> tuple[float, int]:
    from notewright.disclosure import decide

    requests = [json.loads(p.read_text("utf-8"))["request"] for p in sorted(CASES.glob("*.json"))]
    for request in requests:  # load the rule files before timing
        decide(request)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for request in requests:
            decide(request)
        count += len(requests)
    return count / (time.perf_counter() - start), len(requests)


def cold(runs: int) -> list[float]:
    case = sorted(CASES.glob("*.json"))[0]
    request_file = ROOT / "bench" / ".disclosure-request.json"
    request_file.write_text(json.dumps(json.loads(case.read_text("utf-8"))["request"]))
    exe = shutil.which("notewright", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "notewright"]
    times = []
    try:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([*command, "disclosure", "check", str(request_file), "--json"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    finally:
        request_file.unlink(missing_ok=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()
    rate, n = warm(args.seconds)
    print(f"disclosure warm: {rate:,.0f} decisions/s over {n} case requests "
          f"(target 10,000/s) {'OK' if rate >= 10_000 else 'BELOW TARGET'}")
    times = cold(args.cold_runs)
    median = statistics.median(times)
    print(f"disclosure cold `notewright disclosure check`: median {median:.3f} s over "
          f"{len(times)} runs (min {min(times):.3f}, max {max(times):.3f}; target < 0.5 s) "
          f"{'OK' if median < 0.5 else 'ABOVE TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
