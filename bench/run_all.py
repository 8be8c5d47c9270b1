"""Run the quick benchmarks one after another (`make bench`); copy the numbers into bench/RESULTS.md.

The 100,000-article reuse scale run is left out (about 10 minutes): run it by hand with
`python bench/reuse/scale.py /tmp/scale.duckdb --docs 100000`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
STEPS = [
    ["bench_foundation.py", "--articles", "2000"],
    ["attributions/speed.py"],
    ["reuse/speed.py", "--docs", "20000"],
    ["bench_run.py"],
]


def main() -> int:
    failed = 0
    for script, *args in STEPS:
        path = BENCH / script
        if not path.exists():
            continue
        print(f"\n== {script} {' '.join(args)}", flush=True)
        failed += subprocess.run([sys.executable, str(path), *args], cwd=ROOT).returncode != 0
    print("\n== headwater eval reuse", flush=True)
    failed += subprocess.run([sys.executable, "-m", "headwater.cli.main", "eval", "reuse"], cwd=ROOT).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
