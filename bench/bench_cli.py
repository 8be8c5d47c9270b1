"""CLI and Python API wall times (issue 15): start-up, and the read-only commands on the example store.

    .venv/bin/python bench/bench_cli.py

Builds a store from examples/corpus with `headwater run` once, then times each command (median
of 5 runs, wall clock, a fresh process each): `import headwater`, `headwater --help`,
`headwater --version`, `headwater articles` piped, `headwater attributions` piped, `headwater
export attributions --format parquet`, `headwater export speakers`, and a script that opens the
store with `headwater.open` and reads every record kind.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HW = [sys.executable, "-m", "headwater.cli.main"]


def wall(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "ex.duckdb")
        subprocess.run(
            [*HW, "run", str(ROOT / "examples" / "corpus"), "--db", db, "-o", str(Path(tmp) / "out"), "-q"], check=True
        )
        reader = (
            f"import headwater\nwith headwater.open({db!r}) as s:\n"
            "    n = sum(1 for f in (s.articles, s.attributions, s.claims, s.estimates, s.groups, s.speakers) "
            "for _ in f())"
        )
        rows = [
            ("`import headwater`", [sys.executable, "-c", "import headwater"]),
            ("`headwater --help`", [*HW, "--help"]),
            ("`headwater --version`", [*HW, "--version"]),
            ("`headwater articles` piped (13 rows)", [*HW, "articles", "--db", db]),
            ("`headwater attributions` piped", [*HW, "attributions", "--db", db]),
            (
                "`headwater export attributions --format parquet`",
                [*HW, "export", "attributions", "--format", "parquet", "-o", str(Path(tmp) / "a.parquet"), "--db", db],
            ),
            ("`headwater export speakers`", [*HW, "export", "speakers", "--db", db]),
            ("`headwater.open` + every record kind", [sys.executable, "-c", reader]),
        ]
        print("| command | median of 5 |\n| --- | --- |")
        for name, cmd in rows:
            print(f"| {name} | {wall(cmd):.2f} s |")


if __name__ == "__main__":
    main()
